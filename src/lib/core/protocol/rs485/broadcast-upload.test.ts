import { afterEach, describe, expect, it } from 'vitest';
import { authenticate } from '../../family/authenticate';
import { createSmpDeviceSession, type SmpDeviceSession } from '../../family/bms/smp-device-session';
import { secretKeySigner } from '../../family/technician-signer';
import { TECHNICIAN_TEST_SECRET_KEY } from '../../image/test-keys';
import { BENCH_SESSION } from '../../update/testing/virtual-bench';
import { makeTestFirmware } from '../../virtual-bms/firmware-behaviour';
import { bankRig, ourUnits, type BankRig } from '../../update/testing/bank-rig';
import { uploadImage } from '../smp/upload';
import { broadcastImage, readBroadcastStatus } from './broadcast-upload';

let rig: BankRig | undefined;
const sessions: SmpDeviceSession[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
  await rig?.stop();
  rig = undefined;
});

const IMAGE = makeTestFirmware({ version: '1.1.0', size: 6000 });
const signer = secretKeySigner(TECHNICIAN_TEST_SECRET_KEY, 'bus technician');

async function openUnits(r: BankRig, addresses: number[]) {
  return Promise.all(
    addresses.map(async (address) => {
      const session = createSmpDeviceSession({ link: r.host.unit(address), ...BENCH_SESSION, client: { ...BENCH_SESSION.client, timeoutMs: 400 } });
      sessions.push(session);
      await session.connect();
      const id = await session.identity();
      await authenticate(session, signer, id.serial);
      return { address, session, client: session.client };
    })
  );
}

describe('broadcast transfer (R05, R12: one image for the whole bank)', () => {
  it('R12 the image is sent once; a unit that missed chunks gets only those, then its own upload resumes before the last chunk', async () => {
    rig = bankRig(ourUnits(4));
    await rig.ready();
    const units = await openUnits(rig, [1, 2, 3, 4]);
    // unit 3 is off the bus for part of the broadcast
    let sent = 0;
    const result = await broadcastImage(rig.host, units, IMAGE, {
      onProgress: () => {
        sent += 1;
        rig!.units[2].tap.dropped = sent >= 5 && sent < 9;
      }
    });
    expect(result.chunks).toBe(Math.ceil(IMAGE.length / 256) - 1);
    expect(result.units.map((u) => u.ready)).toEqual([true, true, true, true]);
    // only unit 3 needed resends, and only the chunks it missed
    expect(result.units.map((u) => u.resent)).toEqual([0, 0, 4, 0]);
    for (const unit of units) {
      const upload = await uploadImage(unit.client, IMAGE);
      expect(upload.resumedFrom).toBe(result.chunks * 256);
    }
    expect(rig.units.map((u) => u.bms!.snapshot().slots[1]?.version)).toEqual(['1.1.0+0', '1.1.0+0', '1.1.0+0', '1.1.0+0']);
  });

  it('R14 a unit without a technician session keeps nothing of a broadcast', async () => {
    rig = bankRig(ourUnits(2));
    await rig.ready();
    const [one] = await openUnits(rig, [1]);
    const other = createSmpDeviceSession({ link: rig.host.unit(2), ...BENCH_SESSION });
    sessions.push(other);
    await broadcastImage(rig.host, [one], IMAGE);
    expect((await readBroadcastStatus(other.client)).len).toBe(0);
    expect(rig.units[1].bms!.snapshot().slots[1]).toBeUndefined();
  });

  it('R12 older firmware without the extension does not announce it and refuses its commands', async () => {
    rig = bankRig([{ family: 'bms', bms: { factoryImage: makeTestFirmware({ version: '1.0.0', behaviour: { noBroadcast: true } }) } }]);
    await rig.ready();
    const [unit] = await openUnits(rig, [1]);
    expect((await unit.session.identity()).caps).toEqual([]);
    await expect(readBroadcastStatus(unit.client)).rejects.toMatchObject({ code: 'SMP_NOT_SUPPORTED' });
  });
});
