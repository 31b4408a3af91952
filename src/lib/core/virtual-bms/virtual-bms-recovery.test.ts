import { describe, expect, it } from 'vitest';
import type { CborMap } from '../protocol/smp/cbor';
import { BMS_GROUP_ID, BmsCommand } from '../protocol/smp/groups/bms-group';
import { ImageCommand, MgmtRc, OsCommand, SmpGroup } from '../protocol/smp/smp-ids';
import { makeTestFirmware } from './firmware-behaviour';
import { SmpTimeout, authenticate, startVirtualBms, uploadImage, type SmpHarness } from './testing/smp-harness';

const FACTORY = makeTestFirmware({ version: '1.0.0', securityCounter: 1 });
const identity = async (smp: SmpHarness) => (await smp.request(BMS_GROUP_ID, BmsCommand.identity, 'read')).body;

/** A device stuck with a permanently installed firmware that crashes at every boot. */
async function bootLooping() {
  const started = await startVirtualBms();
  const { smp } = started;
  await authenticate(smp);
  await uploadImage(smp, makeTestFirmware({ version: '1.1.0', securityCounter: 1, behaviour: { bootLoop: true } }));
  const hash = ((await smp.request(SmpGroup.image, ImageCommand.state, 'read')).body.images as CborMap[])[1].hash as Uint8Array;
  await smp.request(SmpGroup.image, ImageCommand.state, 'write', { hash, confirm: true });
  await smp.request(SmpGroup.os, OsCommand.reset, 'write');
  await smp.advance(2000);
  return started;
}

describe('serial recovery in the bootloader (R22)', () => {
  it('R21 R22 a permanent boot-looping firmware never answers; the recovery button opens the bootloader, which reinstalls the previous version', async () => {
    const { smp, bms } = await bootLooping();
    await expect(smp.request(SmpGroup.os, OsCommand.echo, 'write', { d: 'x' }, { timeoutMs: 3000 })).rejects.toBeInstanceOf(SmpTimeout);
    expect(bms.snapshot().bootLog.filter((e) => e.phase === 'reset').length).toBe(1);

    bms.setRecoveryButton(true);
    await bms.powerCycle();
    await smp.waitUntilReady();
    expect(bms.status).toBe('recovery');
    expect(await identity(smp)).toMatchObject({ in_bootloader: true, fw_version: '1.1.0+0' });
    expect((await smp.request(SmpGroup.os, OsCommand.params, 'read')).body).toEqual({ buf_size: 512, buf_count: 1 });
    expect((await smp.request(BMS_GROUP_ID, BmsCommand.telemetry, 'read')).body).toEqual({ rc: MgmtRc.NOT_SUPPORTED });
    expect((await uploadImage(smp, FACTORY, { maxChunks: 1 })).body).toMatchObject({ rc: MgmtRc.ACCESS_DENIED });

    await authenticate(smp);
    const done = await uploadImage(smp, FACTORY);
    expect(done.body).toEqual({ off: FACTORY.length });
    const listed = (await smp.request(SmpGroup.image, ImageCommand.state, 'read')).body.images as CborMap[];
    expect(listed[0]).toMatchObject({ slot: 0, version: '1.0.0' });
    bms.setRecoveryButton(false);
    expect((await smp.request(SmpGroup.os, OsCommand.reset, 'write')).body).toEqual({});
    await smp.advance(300);
    await smp.waitUntilReady();
    expect(bms.status).toBe('app');
    expect(await identity(smp)).toMatchObject({ in_bootloader: false, fw_version: '1.0.0+0' });
  });

  it('R22 answers group errors as a legacy rc, as MCUboot does, even to v2 requests', async () => {
    const { smp, bms } = await startVirtualBms();
    bms.setRecoveryButton(true);
    await bms.powerCycle();
    await smp.waitUntilReady();
    await authenticate(smp);
    const noLength = await smp.request(SmpGroup.image, ImageCommand.upload, 'write', { off: 0, data: FACTORY.subarray(0, 64) }, { version: 1 });
    expect(noLength.body).toMatchObject({ rc: MgmtRc.INVALID });
    expect((await smp.request(SmpGroup.image, ImageCommand.state, 'write', { confirm: true })).body).toEqual({ rc: MgmtRc.NOT_SUPPORTED });
  });

  it('R15 R22 stays in the bootloader when slot 0 was left half-written, until a whole image is uploaded', async () => {
    const { smp, bms } = await startVirtualBms();
    bms.setRecoveryButton(true);
    await bms.powerCycle();
    await smp.waitUntilReady();
    await authenticate(smp);
    await uploadImage(smp, FACTORY, { maxChunks: 4 });
    bms.setRecoveryButton(false);
    await bms.powerCycle();
    await smp.waitUntilReady();
    expect(await identity(smp)).toMatchObject({ in_bootloader: true });
    const log = (await smp.request(BMS_GROUP_ID, BmsCommand.bootLog, 'read')).body.events as CborMap[];
    expect(log.find((e) => e.phase === 'image_rejected')?.detail).toMatch(/serial recovery/);
    await authenticate(smp);
    await uploadImage(smp, FACTORY);
    await bms.powerCycle();
    await smp.waitUntilReady();
    expect(await identity(smp)).toMatchObject({ in_bootloader: false, fw_version: '1.0.0+0' });
  });
});
