import { describe, expect, it } from 'vitest';
import { describeCommand, ImageRc, imageRcName, mgmtRcName, MgmtRc } from './smp-ids';

describe('SMP ids and rc tables', () => {
  it('numbers the image-group rcs in img_mgmt.h enum order', () => {
    expect(ImageRc.OK).toBe(0);
    expect(ImageRc.NO_FREE_SLOT).toBe(9);
    expect(ImageRc.CURRENT_VERSION_IS_NEWER).toBe(27);
    expect(ImageRc.IMAGE_SETTING_TEST_TO_ACTIVE_DENIED).toBe(33);
    expect(imageRcName(28)).toBe('IMAGE_ALREADY_PENDING');
    expect(imageRcName(99)).toBe('rc 99');
  });

  it('names the legacy mcumgr rcs, including per-user codes', () => {
    expect(MgmtRc.NOT_SUPPORTED).toBe(8);
    expect(mgmtRcName(11)).toBe('MGMT_ERR_EACCESSDENIED');
    expect(mgmtRcName(258)).toBe('MGMT_ERR_PERUSER+2');
    expect(mgmtRcName(99)).toBe('rc 99');
  });
});

describe('command names', () => {
  it('names known commands for logs and falls back to numbers', () => {
    expect(describeCommand(1, 1)).toBe('image upload');
    expect(describeCommand(0, 6)).toBe('os params');
    expect(describeCommand(64, 2)).toBe('bms config');
    expect(describeCommand(9, 0)).toBe('group 9 command 0');
    expect(describeCommand(0, 99)).toBe('group 0 command 99');
  });
});
