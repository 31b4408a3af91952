import { describe, expect, it } from 'vitest';
import type { CborMap } from '../protocol/smp/cbor';
import { ImageCommand, ImageRc, MgmtRc, SmpGroup } from '../protocol/smp/smp-ids';
import { BMS_GROUP_ID, BmsCommand } from '../protocol/smp/groups/bms-group';
import { SIGNED, fixture, fixtureText } from '../../../../tests/node/imgtool-fixtures';
import { parsePublicKeyPem, type TrustedKey } from '../image/keys';
import { makeTestFirmware, type TestFirmwareOptions } from './firmware-behaviour';
import { VENDOR_TEST_KEY } from '../image/test-keys';
import { authenticate, resetAndWait, startVirtualBms, uploadImage, type SmpHarness } from './testing/smp-harness';

const image = (version: string, options: Partial<TestFirmwareOptions> = {}) =>
  makeTestFirmware({ version, securityCounter: 2, size: 5000, ...options });

const stateRead = (smp: SmpHarness) => smp.request(SmpGroup.image, ImageCommand.state, 'read');
const stateWrite = (smp: SmpHarness, body: CborMap, version: 0 | 1 = 1) =>
  smp.request(SmpGroup.image, ImageCommand.state, 'write', body, { version });
const slots = (body: CborMap) => body.images as CborMap[];
const bootPhases = async (smp: SmpHarness) =>
  ((await smp.request(BMS_GROUP_ID, BmsCommand.bootLog, 'read')).body.events as CborMap[]).map((e) => e.phase);

async function ready() {
  const started = await startVirtualBms();
  await authenticate(started.smp);
  return started;
}

/** Upload + test request, as the tool does; returns the new image's hash. */
async function uploadAndTest(smp: SmpHarness, bytes: Uint8Array): Promise<Uint8Array> {
  const done = await uploadImage(smp, bytes);
  expect(done.body.off).toBe(bytes.length);
  const state = await stateRead(smp);
  const hash = slots(state.body)[1].hash as Uint8Array;
  const written = await stateWrite(smp, { hash, confirm: false });
  expect(slots(written.body)[1]).toMatchObject({ slot: 1, pending: true, confirmed: false, permanent: false });
  return hash;
}

describe('virtual BMS firmware update over SMP (R10, R16–R19)', () => {
  it('R10 R17 R18 upload, test, reset: the new firmware boots, passes its self-test and confirms itself', async () => {
    const { bms, smp } = await ready();
    const next = image('1.1.0');
    const hash = await uploadAndTest(smp, next);
    await resetAndWait(smp);
    const state = await stateRead(smp);
    expect(slots(state.body)).toEqual([
      expect.objectContaining({ slot: 0, version: '1.1.0', hash, active: true, confirmed: true, pending: false }),
      expect.objectContaining({ slot: 1, version: '1.0.0', active: false, confirmed: false, pending: false })
    ]);
    expect(await bootPhases(smp)).toEqual([
      'reset', 'protections_off', 'image_check', 'swap', 'image_check', 'firmware_loaded', 'protections_on', 'self_test'
    ]);
    expect(bms.snapshot()).toMatchObject({ confirmed: true, nextBoot: 'none', securityCounter: 1 });
    await resetAndWait(smp);
    expect(bms.snapshot().securityCounter).toBe(2);
  });

  it('R11 boots the imgtool reference image sent over SMP when the imgtool key is embedded, refuses it otherwise', async () => {
    const imgtool: TrustedKey = { name: 'imgtool', publicKey: parsePublicKeyPem(fixtureText('ed25519.pub.pem')) };
    const cases: [TrustedKey[], string][] = [
      [[VENDOR_TEST_KEY, imgtool], '1.2.3+4'],
      [[VENDOR_TEST_KEY], '1.0.0+0']
    ];
    for (const [embeddedKeys, expected] of cases) {
      const { smp, bms } = await startVirtualBms({ embeddedKeys });
      await authenticate(smp);
      await uploadAndTest(smp, fixture(SIGNED));
      await resetAndWait(smp);
      expect(bms.snapshot().slots[0]?.version).toBe(expected);
    }
    const only = await startVirtualBms({ embeddedKeys: [imgtool], factoryImage: fixture(SIGNED) });
    expect(only.bms.snapshot()).toMatchObject({ status: 'app', securityCounter: 5 });
  });

  it('R19 before its self-test the new image is active but unconfirmed, and the old one is the revert target', async () => {
    const { smp } = await ready();
    await uploadAndTest(smp, image('1.1.0', { behaviour: { manualConfirm: true } }));
    await resetAndWait(smp);
    const state = await stateRead(smp);
    expect(slots(state.body)[0]).toMatchObject({ active: true, confirmed: false });
    expect(slots(state.body)[1]).toMatchObject({ confirmed: true, pending: false });
    const selfTest = await smp.request(BMS_GROUP_ID, BmsCommand.selfTest, 'read');
    expect(selfTest.body).toMatchObject({ done: true, pass: true });
    // Zephyr's rules: no test request on the running slot, nothing else while a revert is pending.
    expect((await stateWrite(smp, { hash: slots(state.body)[0].hash as Uint8Array, confirm: false })).body).toEqual({
      err: { group: 1, rc: ImageRc.IMAGE_SETTING_TEST_TO_ACTIVE_DENIED }
    });
    expect((await stateWrite(smp, { hash: slots(state.body)[1].hash as Uint8Array, confirm: false })).body).toEqual({
      err: { group: 1, rc: ImageRc.IMAGE_ALREADY_PENDING }
    });
    const confirmed = await stateWrite(smp, { confirm: true });
    expect(slots(confirmed.body)[0]).toMatchObject({ active: true, confirmed: true });
  });

  it('R19 an image left unconfirmed is reverted at the next reset', async () => {
    const { smp } = await ready();
    await uploadAndTest(smp, image('1.1.0', { behaviour: { manualConfirm: true } }));
    await resetAndWait(smp);
    await resetAndWait(smp);
    const state = await stateRead(smp);
    expect(slots(state.body)[0]).toMatchObject({ version: '1.0.0', active: true, confirmed: true });
    expect(await bootPhases(smp)).toContain('revert');
  });

  it('R19 a self-test failure is not confirmed: the firmware resets and the bootloader reverts', async () => {
    const { smp, bms } = await ready();
    await uploadAndTest(smp, image('1.1.0', { behaviour: { selfTestFailures: ['temperature_sensors'] } }));
    await resetAndWait(smp);
    const report = await smp.request(BMS_GROUP_ID, BmsCommand.selfTest, 'read');
    expect(report.body).toMatchObject({ done: true, pass: false });
    expect((report.body.items as CborMap[]).find((i) => i.name === 'temperature_sensors')).toMatchObject({ pass: false });
    await smp.advance(1500);
    await smp.waitUntilReady();
    expect(bms.snapshot().slots[0]?.version).toBe('1.0.0+0');
    expect(await bootPhases(smp)).toContain('revert');
  });

  it('R19 R18 a dead temperature sensor fails the self-test of new firmware, which is then reverted', async () => {
    const { smp, bms } = await ready();
    await uploadAndTest(smp, image('1.1.0'));
    bms.battery.failTemperatureSensor(2);
    await resetAndWait(smp);
    await smp.advance(1500);
    await smp.waitUntilReady();
    expect(bms.snapshot().slots[0]?.version).toBe('1.0.0+0');
  });

  it('R21 a boot-looping image never answers and is reverted after its first crash', async () => {
    const { smp, bms } = await ready();
    await uploadAndTest(smp, image('1.1.0', { behaviour: { bootLoop: true } }));
    await resetAndWait(smp);
    expect(bms.snapshot().slots[0]?.version).toBe('1.0.0+0');
    expect(await bootPhases(smp)).toEqual(expect.arrayContaining(['reset', 'boot_loop', 'revert']));
  });

  it('R16 resumes an interrupted upload by sha, restarts for another sha, and forgets it after a reset', async () => {
    const { smp } = await ready();
    const next = image('1.1.0');
    const partial = await uploadImage(smp, next, { maxChunks: 5 });
    const reached = partial.body.off as number;
    expect(reached).toBe(5 * 256);
    const resumed = await uploadImage(smp, next, { maxChunks: 1 });
    expect(resumed.body.off).toBe(reached);
    const other = await uploadImage(smp, image('1.2.0'), { maxChunks: 1 });
    expect(other.body.off).toBe(256);
    await resetAndWait(smp);
    await authenticate(smp);
    const lost = await smp.request(SmpGroup.image, ImageCommand.upload, 'write', { off: 512, data: new Uint8Array(16) });
    expect(lost.body).toEqual({ off: 0 });
    const done = await uploadImage(smp, next);
    expect(done.body.off).toBe(next.length);
  });

  it('answers a chunk at the wrong offset with the expected one, without writing it', async () => {
    const { smp } = await ready();
    await uploadImage(smp, image('1.1.0'), { maxChunks: 2 });
    const wrong = await smp.request(SmpGroup.image, ImageCommand.upload, 'write', { off: 4096, data: new Uint8Array(32) });
    expect(wrong.body).toEqual({ off: 512 });
  });

  it('refuses bad first chunks with the image-group codes (v2 err, v1 rc)', async () => {
    const { smp } = await ready();
    const next = image('1.1.0');
    const upload = (body: CborMap, version: 0 | 1 = 1) => smp.request(SmpGroup.image, ImageCommand.upload, 'write', body, { version });
    expect((await upload({ data: next.subarray(0, 64) })).body).toMatchObject({ err: { group: 1, rc: ImageRc.INVALID_OFFSET } });
    expect((await upload({ off: 0, data: next.subarray(0, 64) })).body).toMatchObject({ err: { group: 1, rc: ImageRc.INVALID_LENGTH } });
    expect((await upload({ off: 0, data: next.subarray(0, 64) }, 0)).body).toMatchObject({ rc: MgmtRc.INVALID });
    expect((await upload({ off: 0, data: new Uint8Array(64), len: 5000 })).body).toMatchObject({
      err: { group: 1, rc: ImageRc.INVALID_IMAGE_HEADER_MAGIC }
    });
    expect((await upload({ off: 0, data: next.subarray(0, 64), len: 0x30000 })).body).toMatchObject({
      err: { group: 1, rc: ImageRc.INVALID_IMAGE_TOO_LARGE }
    });
    const older = image('1.0.0');
    const refused = await uploadImage(smp, older, { upgrade: true });
    expect(refused.body).toMatchObject({ err: { group: 1, rc: ImageRc.CURRENT_VERSION_IS_NEWER } });
    expect((await upload({ off: 0, data: older.subarray(0, 64), len: older.length, upgrade: true }, 0)).body).toMatchObject({
      rc: MgmtRc.BAD_STATE
    });
    expect((await upload({ off: 'zero' as unknown as number, data: next.subarray(0, 64) })).body).toMatchObject({ rc: MgmtRc.INVALID });
  });

  it('refuses an upload while slot 1 is pending, and erase of a pending slot; erases a free one', async () => {
    const { smp, bms } = await ready();
    await uploadAndTest(smp, image('1.1.0'));
    const again = await uploadImage(smp, image('1.2.0'), { maxChunks: 1 });
    expect(again.body).toMatchObject({ err: { group: 1, rc: ImageRc.NO_FREE_SLOT } });
    const erase = await smp.request(SmpGroup.image, ImageCommand.erase, 'write', {});
    expect(erase.body).toMatchObject({ err: { group: 1, rc: ImageRc.NO_FREE_SLOT } });
    await resetAndWait(smp);
    await resetAndWait(smp);
    await authenticate(smp);
    expect((await smp.request(SmpGroup.image, ImageCommand.erase, 'write', {})).body).toEqual({});
    expect(bms.snapshot().slots[1]).toBeUndefined();
    expect((await smp.request(SmpGroup.image, ImageCommand.erase, 'write', { slot: 7 })).body).toMatchObject({
      err: { group: 1, rc: ImageRc.INVALID_SLOT }
    });
  });

  it('refuses state writes with a wrong or unknown hash, and a test request without one', async () => {
    const { smp } = await ready();
    expect((await stateWrite(smp, { confirm: false })).body).toMatchObject({ err: { group: 1, rc: ImageRc.INVALID_HASH } });
    expect((await stateWrite(smp, { hash: new Uint8Array(20) })).body).toMatchObject({ err: { group: 1, rc: ImageRc.INVALID_HASH } });
    expect((await stateWrite(smp, { hash: new Uint8Array(32) })).body).toMatchObject({ err: { group: 1, rc: ImageRc.HASH_NOT_FOUND } });
    expect((await stateWrite(smp, { hash: new Uint8Array(32) }, 0)).body).toMatchObject({ rc: MgmtRc.UNKNOWN });
  });

  it('R22 reinstalls the previous version kept in slot 1 (test, then confirm)', async () => {
    const { smp, bms } = await ready();
    await uploadAndTest(smp, image('1.1.0', { securityCounter: 1 }));
    await resetAndWait(smp);
    await authenticate(smp);
    const previous = slots((await stateRead(smp)).body)[1];
    expect(previous.version).toBe('1.0.0');
    const request = await stateWrite(smp, { hash: previous.hash as Uint8Array, confirm: true });
    expect(slots(request.body)[1]).toMatchObject({ pending: true, permanent: true });
    await resetAndWait(smp);
    expect(bms.snapshot()).toMatchObject({ confirmed: true, nextBoot: 'none' });
    expect(bms.snapshot().slots[0]?.version).toBe('1.0.0+0');
  });

  it('reports a flash write failure as FLASH_WRITE_FAILED and ends the upload', async () => {
    const { smp, bms } = await ready();
    bms.failFlashOperations('upload', 1);
    const failed = await uploadImage(smp, image('1.1.0'), { maxChunks: 3 });
    expect(failed.body).toMatchObject({ err: { group: 1, rc: expect.any(Number) } });
    expect([ImageRc.FLASH_WRITE_FAILED, ImageRc.FLASH_ERASE_FAILED]).toContain((failed.body.err as CborMap).rc);
    const restart = await smp.request(SmpGroup.image, ImageCommand.upload, 'write', { off: 256, data: new Uint8Array(8) });
    expect(restart.body).toEqual({ off: 0 });
  });

  it('R15 R16 the tool only sees responses while the device answers: a slow device delays them', async () => {
    const { smp, bms, clock } = await ready();
    bms.setResponseDelay(800);
    const before = clock.now();
    await smp.request(SmpGroup.image, ImageCommand.state, 'read');
    expect(clock.now() - before).toBeGreaterThanOrEqual(800);
  });
});
