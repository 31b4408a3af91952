/**
 * Turns an SMP error response into a typed BmsError. Both forms are accepted (smp_protocol.rst):
 *   v1, and v2 non-group errors: {"rc": int, "rsn"?: str}          (mcumgr_err_t)
 *   v2 group errors:             {"err": {"group": uint, "rc": uint}}
 * A missing rc, or rc 0, means success. Our BMS group's v1 form is rc = 256 + BmsGroupRc.
 */
import { BmsError, type ErrorCode } from '../../errors';
import type { CborMap } from './cbor';
import { BMS_GROUP_ID, BmsGroupRc } from './groups/bms-group';
import { describeCommand, FS_RC_NAMES, FsRc, ImageRc, imageRcName, MgmtRc, mgmtRcName, SETTINGS_RC_NAMES, SettingsRc, SmpGroup } from './smp-ids';

const MGMT_CODES: Partial<Record<number, ErrorCode>> = {
  [MgmtRc.NO_MEMORY]: 'SMP_NO_MEMORY',
  [MgmtRc.INVALID]: 'SMP_INVALID_ARGUMENT',
  [MgmtRc.NO_ENTRY]: 'SMP_NOT_FOUND',
  [MgmtRc.BAD_STATE]: 'SMP_BAD_STATE',
  [MgmtRc.MSG_SIZE]: 'SMP_MESSAGE_TOO_LARGE',
  [MgmtRc.NOT_SUPPORTED]: 'SMP_NOT_SUPPORTED',
  [MgmtRc.BUSY]: 'SMP_BUSY',
  [MgmtRc.ACCESS_DENIED]: 'SMP_ACCESS_DENIED',
  [MgmtRc.UNSUPPORTED_TOO_OLD]: 'SMP_NOT_SUPPORTED',
  [MgmtRc.UNSUPPORTED_TOO_NEW]: 'SMP_NOT_SUPPORTED'
};

const IMAGE_CODES: Partial<Record<number, ErrorCode>> = {
  [ImageRc.NO_IMAGE]: 'SMP_IMAGE_INVALID',
  [ImageRc.NO_TLVS]: 'SMP_IMAGE_INVALID',
  [ImageRc.INVALID_TLV]: 'SMP_IMAGE_INVALID',
  [ImageRc.TLV_MULTIPLE_HASHES_FOUND]: 'SMP_IMAGE_INVALID',
  [ImageRc.TLV_INVALID_SIZE]: 'SMP_IMAGE_INVALID',
  [ImageRc.HASH_NOT_FOUND]: 'SMP_IMAGE_HASH_NOT_FOUND',
  [ImageRc.NO_FREE_SLOT]: 'SMP_IMAGE_NO_FREE_SLOT',
  [ImageRc.FLASH_OPEN_FAILED]: 'SMP_IMAGE_FLASH_FAILED',
  [ImageRc.FLASH_READ_FAILED]: 'SMP_IMAGE_FLASH_FAILED',
  [ImageRc.FLASH_WRITE_FAILED]: 'SMP_IMAGE_FLASH_FAILED',
  [ImageRc.FLASH_ERASE_FAILED]: 'SMP_IMAGE_FLASH_FAILED',
  [ImageRc.FLASH_AREA_DEVICE_NULL]: 'SMP_IMAGE_FLASH_FAILED',
  [ImageRc.INVALID_FLASH_ADDRESS]: 'SMP_IMAGE_FLASH_FAILED',
  [ImageRc.INVALID_SLOT]: 'SMP_IMAGE_INVALID_SLOT',
  [ImageRc.NO_FREE_MEMORY]: 'SMP_NO_MEMORY',
  [ImageRc.INVALID_PAGE_OFFSET]: 'SMP_IMAGE_OFFSET_INVALID',
  [ImageRc.INVALID_OFFSET]: 'SMP_IMAGE_OFFSET_INVALID',
  [ImageRc.INVALID_LENGTH]: 'SMP_IMAGE_OFFSET_INVALID',
  [ImageRc.INVALID_IMAGE_DATA_OVERRUN]: 'SMP_IMAGE_OFFSET_INVALID',
  [ImageRc.INVALID_IMAGE_HEADER]: 'SMP_IMAGE_INVALID',
  [ImageRc.INVALID_IMAGE_HEADER_MAGIC]: 'SMP_IMAGE_INVALID',
  [ImageRc.INVALID_HASH]: 'SMP_IMAGE_INVALID',
  [ImageRc.INVALID_IMAGE_VECTOR_TABLE]: 'SMP_IMAGE_INVALID',
  [ImageRc.INVALID_IMAGE_TOO_LARGE]: 'SMP_IMAGE_TOO_LARGE',
  [ImageRc.CURRENT_VERSION_IS_NEWER]: 'SMP_IMAGE_VERSION_NOT_NEWER',
  [ImageRc.IMAGE_ALREADY_PENDING]: 'SMP_IMAGE_ALREADY_PENDING',
  [ImageRc.IMAGE_CONFIRMATION_DENIED]: 'SMP_IMAGE_CONFIRM_DENIED',
  [ImageRc.IMAGE_SETTING_TEST_TO_ACTIVE_DENIED]: 'SMP_IMAGE_CONFIRM_DENIED'
};

const BMS_CODES: Partial<Record<number, ErrorCode>> = {
  [BmsGroupRc.UNKNOWN_SETTING]: 'SMP_BMS_UNKNOWN_SETTING',
  [BmsGroupRc.SETTING_OUT_OF_RANGE]: 'SMP_BMS_SETTING_OUT_OF_RANGE',
  [BmsGroupRc.SETTING_CONFLICT]: 'SMP_BMS_SETTING_CONFLICT',
  [BmsGroupRc.AUTH_REJECTED]: 'SMP_BMS_AUTH_REJECTED',
  [BmsGroupRc.AUTH_NO_CHALLENGE]: 'SMP_BMS_AUTH_NO_CHALLENGE',
  [BmsGroupRc.BALANCE_NOT_POSSIBLE]: 'SMP_BMS_BALANCE_NOT_POSSIBLE'
};

const SETTINGS_CODES: Partial<Record<number, ErrorCode>> = {
  [SettingsRc.KEY_NOT_FOUND]: 'SMP_SETTING_NOT_FOUND',
  [SettingsRc.KEY_TOO_LONG]: 'SMP_SETTING_REFUSED',
  [SettingsRc.READ_NOT_SUPPORTED]: 'SMP_SETTING_REFUSED',
  [SettingsRc.ROOT_KEY_NOT_FOUND]: 'SMP_SETTING_REFUSED',
  [SettingsRc.WRITE_NOT_SUPPORTED]: 'SMP_SETTING_REFUSED',
  [SettingsRc.DELETE_NOT_SUPPORTED]: 'SMP_SETTING_REFUSED',
  [SettingsRc.SAVE_NOT_SUPPORTED]: 'SMP_SETTING_REFUSED'
};

const BMS_RC_NAMES = Object.fromEntries(Object.entries(BmsGroupRc).map(([name, rc]) => [rc, name]));

interface RequestIds {
  group: number;
  command: number;
}

/** The BmsError an SMP response body carries, or undefined when it reports success. */
export function responseError(body: CborMap, request: RequestIds): BmsError | undefined {
  const what = describeCommand(request.group, request.command);
  const reason = typeof body.rsn === 'string' && body.rsn !== '' ? `: ${body.rsn}` : '';
  const err = body.err;
  if (err !== undefined) {
    const group = typeof err === 'object' && err !== null ? (err as CborMap).group : undefined;
    const rc = typeof err === 'object' && err !== null ? (err as CborMap).rc : undefined;
    if (typeof group !== 'number' || typeof rc !== 'number') {
      return new BmsError('SMP_RESPONSE_INVALID', `${what}: "err" is not {group, rc}`);
    }
    if (rc === 0) return undefined;
    return groupError(group, rc, what, reason);
  }
  const rc = body.rc;
  if (rc === undefined || rc === 0) return undefined;
  if (typeof rc !== 'number') return new BmsError('SMP_RESPONSE_INVALID', `${what}: "rc" is not an integer`);
  if (rc >= MgmtRc.PER_USER && request.group === BMS_GROUP_ID) {
    return groupError(BMS_GROUP_ID, rc - MgmtRc.PER_USER, what, reason);
  }
  const detail = `${what} failed with rc ${rc} (${mgmtRcName(rc)})${reason}`;
  return new BmsError(MGMT_CODES[rc] ?? 'SMP_DEVICE_ERROR', detail);
}

function groupError(group: number, rc: number, what: string, reason: string): BmsError {
  if (group === SmpGroup.image) {
    return new BmsError(IMAGE_CODES[rc] ?? 'SMP_DEVICE_ERROR', `${what} failed: image group rc ${rc} (${imageRcName(rc)})${reason}`);
  }
  if (group === SmpGroup.settings) {
    const name = SETTINGS_RC_NAMES[rc] ?? `rc ${rc}`;
    return new BmsError(SETTINGS_CODES[rc] ?? 'SMP_DEVICE_ERROR', `${what} failed: settings group rc ${rc} (${name})${reason}`);
  }
  if (group === SmpGroup.fs) {
    const name = FS_RC_NAMES[rc] ?? `rc ${rc}`;
    const code = rc === FsRc.FILE_NOT_FOUND || rc === FsRc.MOUNT_POINT_NOT_FOUND ? 'SMP_FILE_NOT_FOUND' : 'SMP_FILE_FAILED';
    return new BmsError(code, `${what} failed: file group rc ${rc} (${name})${reason}`);
  }
  if (group === BMS_GROUP_ID) {
    const name = BMS_RC_NAMES[rc] ?? `rc ${rc}`;
    return new BmsError(BMS_CODES[rc] ?? 'SMP_DEVICE_ERROR', `${what} failed: BMS group rc ${rc} (${name})${reason}`);
  }
  return new BmsError('SMP_DEVICE_ERROR', `${what} failed: group ${group} rc ${rc}${reason}`);
}
