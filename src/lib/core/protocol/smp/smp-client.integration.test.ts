/**
 * The client against the real virtual BMS (src/lib/core/virtual-bms/) through the link layer's line model:
 * what the fake device proves piece by piece, end to end with an independent server implementation.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { connectPacedLink, type PacedLink } from '../../link/paced-link';
import { createVirtualBms } from '../../virtual-bms/virtual-bms';
import { makeTestFirmware } from '../../virtual-bms/firmware-behaviour';
import { parseImage } from '../../image/parse-image';
import { SmpClient } from './smp-client';
import { echo, negotiateLimits } from './groups/os-group';
import { readImageState, testImage } from './groups/image-group';
import { uploadImage } from './upload';
import { testLink } from './link-test';
import { authenticateTestTechnician } from './testing/test-technician';

const open: { client: SmpClient; link: PacedLink }[] = [];
afterEach(async () => {
  for (const { client, link } of open.splice(0)) {
    await client.close();
    await link.close();
  }
});

async function connect(line: { bitErrorRate?: number; seed?: number } = {}) {
  const bms = createVirtualBms();
  const link = connectPacedLink(bms.port, { pace: false, ...line });
  const client = new SmpClient(link, { timeoutMs: 300, retries: 4 });
  open.push({ client, link });
  // The board boots first; a few echoes cover the bootloader's start-up time.
  await echo(client, 'boot', { retries: 10, timeoutMs: 200 });
  return { bms, link, client };
}

describe('SMP client against the virtual BMS', () => {
  it('R14 maps a write without a technician session to SMP_ACCESS_DENIED', async () => {
    const { client } = await connect();
    await negotiateLimits(client);
    await expect(uploadImage(client, makeTestFirmware({ version: '1.1.0' }))).rejects.toMatchObject({ code: 'SMP_ACCESS_DENIED' });
  });

  it('R16 completes a windowed upload over a line that flips bits', async () => {
    const { client } = await connect({ bitErrorRate: 2e-5, seed: 7 });
    await authenticateTestTechnician(client);
    await negotiateLimits(client);
    const image = makeTestFirmware({ version: '1.2.0', size: 60_000 });
    const result = await uploadImage(client, image);
    expect(result.retries).toBeGreaterThan(0);
    const hash = parseImage(image).imageHash!;
    expect((await readImageState(client)).images.find((i) => i.slot === 1)).toMatchObject({ version: '1.2.0', hash });
  });

  it('R06 R14 R16 negotiates, tests the link, authenticates, uploads with a window and marks the image for test', async () => {
    const { client } = await connect();
    await authenticateTestTechnician(client);
    expect(await negotiateLimits(client)).toEqual({ limits: { lineLength: 127, bufSize: 384, bufCount: 4 }, source: 'device' });
    const link = await testLink(client, { rounds: 5, timeoutMs: 500 });
    expect(link).toMatchObject({ answered: 5, lossRate: 0 });

    const before = await readImageState(client);
    expect(before.images.find((i) => i.slot === 0)).toMatchObject({ version: '1.0.0', active: true });

    const image = makeTestFirmware({ version: '1.1.0', size: 20_000 });
    const result = await uploadImage(client, image);
    expect(result).toMatchObject({ total: image.length, window: 4, resumedFrom: 0 });
    const hash = parseImage(image).imageHash!;
    const state = await readImageState(client);
    expect(state.images.find((i) => i.slot === 1)).toMatchObject({ version: '1.1.0', hash });
    const marked = await testImage(client, hash);
    expect(marked.images.find((i) => i.slot === 1)?.pending).toBe(true);
  });
});
