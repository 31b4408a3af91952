/**
 * GitHub issue 4, "done when": the upload engine against the virtual BMS through the simulated UART
 * line (1 Mbaud, paced in real time so frames are cut and corrupted mid-byte-stream as on a wire):
 * the cable pulled at 20 random points, bit errors at 1e-4 both ways, and a wrong baud rate.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { SECTOR_SIZE, DEFAULT_SLOT_SIZE } from '../../src/lib/core/virtual-bms/flash/flash-layout';
import type { VirtualBms } from '../../src/lib/core/virtual-bms/virtual-bms';
import { isBmsError } from '../../src/lib/core/errors';
import { parseImage } from '../../src/lib/core/image/parse-image';
import { connectPacedLink } from '../../src/lib/core/link/paced-link';
import { seededRandom } from '../../src/lib/core/link/seeded-random';
import { base64Decode } from '../../src/lib/core/protocol/smp/base64';
import { readImageState } from '../../src/lib/core/protocol/smp/groups/image-group';
import { negotiateLimits } from '../../src/lib/core/protocol/smp/groups/os-group';
import { testLink } from '../../src/lib/core/protocol/smp/link-test';
import { SmpClient } from '../../src/lib/core/protocol/smp/smp-client';
import { uploadImage } from '../../src/lib/core/protocol/smp/upload';
import { benchImage, bootVirtualBms, deviceAtBaud, openRigSession } from '../../scripts/bench/virtual-rig';

const BAUD = 1_000_000;

/** The first `length` bytes of slot 1, read from the device's flash. */
function slot1(bms: VirtualBms, length: number): Uint8Array {
  const { flash } = bms.exportState();
  const out = new Uint8Array(DEFAULT_SLOT_SIZE).fill(0xff);
  const first = DEFAULT_SLOT_SIZE / SECTOR_SIZE;
  for (let sector = 0; sector < first; sector++) {
    const text = flash[String(first + sector)];
    const bytes = text === undefined ? undefined : base64Decode(new TextEncoder().encode(text));
    if (text !== undefined && !bytes) throw new Error(`flash sector ${first + sector} is not base64`);
    if (bytes) out.set(bytes, sector * SECTOR_SIZE);
  }
  return out.subarray(0, length);
}

/** Uploads `image` on a fresh authenticated session; returns bytes the host sent for the upload alone. */
async function cleanUpload(bms: VirtualBms, image: Uint8Array) {
  const rig = await openRigSession(deviceAtBaud(bms.port, BAUD), { baudRate: BAUD });
  const before = rig.link.stats.bytesSent;
  await uploadImage(rig.session.client, image);
  const sent = rig.link.stats.bytesSent - before;
  await rig.close();
  return { connectBytes: before, uploadBytes: sent };
}

describe('upload resilience on the simulated line (issue 4)', () => {
  it('R16 survives the cable pulled at 20 random points: resumes, finishes, byte-identical, no chunk written twice or lost', async () => {
    const image = benchImage(100 * 1024, 4);
    // The same upload without faults: how many flash operations it takes, and how many bytes it sends.
    const reference = await bootVirtualBms();
    const clean = await cleanUpload(reference, image);
    const cleanOps = reference.flashOps().upload;
    expect(cleanOps).toBeGreaterThan(image.length / 400);

    const bms = await bootVirtualBms();
    const random = seededRandom(2024);
    const cuts = Array.from({ length: 20 }, () => 1 + Math.floor(random() * (clean.uploadBytes / 10)));
    const resumedFrom: number[] = [];
    for (const cut of [...cuts, undefined]) {
      // Each session's own connect and authentication bytes come before the cut point.
      const rig = await openRigSession(deviceAtBaud(bms.port, BAUD), {
        baudRate: BAUD,
        disconnectAfterBytes: cut === undefined ? undefined : clean.connectBytes + cut
      });
      try {
        const result = await uploadImage(rig.session.client, image);
        expect(cut).toBeUndefined();
        resumedFrom.push(result.resumedFrom);
      } catch (error) {
        if (!isBmsError(error) || !['LINK_DISCONNECTED', 'LINK_CLOSED'].includes(error.code)) throw error;
      } finally {
        await rig.close();
      }
    }
    expect(resumedFrom).toHaveLength(1);
    expect(resumedFrom[0]).toBeGreaterThan(image.length / 2);

    // Byte-identical in flash, and the device reports the image's own hash for slot 1.
    const written = slot1(bms, image.length);
    expect(sha256(written)).toEqual(sha256(image));
    expect(written).toEqual(image);
    const check = await openRigSession(deviceAtBaud(bms.port, BAUD), { baudRate: BAUD });
    const { images } = await readImageState(check.session.client);
    await check.close();
    expect(images.find((s) => s.slot === 1)?.hash).toEqual(parseImage(image).imageHash);
    // Every chunk is one flash program and the slot erase is one erase per sector: an upload cut 20
    // times writes exactly as often as one that never was, so nothing was written twice or skipped.
    expect(bms.flashOps().upload).toBe(cleanOps);
  }, 60_000);

  it('R16 completes through retries with bit errors at 1e-4 on the line, both ways', async () => {
    const image = benchImage(48 * 1024, 5);
    const bms = await bootVirtualBms();
    // Authenticate on a clean line: the technician session lives in the device, not in the cable.
    await (await openRigSession(deviceAtBaud(bms.port, BAUD), { baudRate: BAUD })).close();
    const link = connectPacedLink(deviceAtBaud(bms.port, BAUD), { baudRate: BAUD, bitErrorRate: 1e-4, seed: 7 });
    // Timeouts sized for the line: a 530-byte request takes 5 ms at 1 Mbaud.
    const client = new SmpClient(link, { timeoutMs: 100 });
    try {
      await negotiateLimits(client);
      const result = await uploadImage(client, image);
      expect(result.total).toBe(image.length);
      expect(result.retries).toBeGreaterThan(5);
      expect(link.stats.bitsFlipped).toBeGreaterThan(20);
      expect(client.stats.badFrames).toBeGreaterThan(0);
    } finally {
      await client.close();
      await link.close();
    }
    expect(slot1(bms, image.length)).toEqual(image);
  }, 60_000);

  it('R06 the link test names the rate the device answers at (the line garbles both ways)', async () => {
    const bms = await bootVirtualBms();
    for (const selected of [57_600, 230_400]) {
      const link = connectPacedLink(bms.port, { baudRate: selected });
      const client = new SmpClient(link);
      const outcome = await testLink(client, { rounds: 4, timeoutMs: 200 }).catch((error: unknown) => error);
      await client.close();
      await link.close();
      expect(outcome).toMatchObject({ code: 'LINK_BAUD_MISMATCH', detail: `device answers at 115200, you selected ${selected}` });
      expect(link.stats.framingErrors).toBeGreaterThan(0);
    }
  }, 30_000);
});
