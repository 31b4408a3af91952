import { afterEach, describe, expect, it } from 'vitest';
import { sha256 } from '@noble/hashes/sha2.js';
import { BmsError } from '../../errors';
import { SmpClient, type SmpClientEvent } from './smp-client';
import { FakeSmpDevice, type FakeDeviceOptions } from './testing/fake-smp-device';
import { negotiateLimits } from './groups/os-group';
import { uploadImage, type UploadProgress } from './upload';
import { maxChunkData, packetSize, SERIAL_FRAME_OVERHEAD } from './chunk-size';
import { encodePacket } from './smp-packet';
import { uploadBody } from './groups/image-group';
import { SmpGroup, ImageCommand } from './smp-ids';

const clients: SmpClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

function imageOf(size: number, seed = 1): Uint8Array {
  let x = seed;
  return Uint8Array.from({ length: size }, () => (x = (x * 1103515245 + 12345) & 0x7fffffff) & 0xff);
}

async function setup(deviceOptions: FakeDeviceOptions = {}) {
  const device = new FakeSmpDevice(deviceOptions);
  let inFlight = 0;
  let maxInFlight = 0;
  const onEvent = (e: SmpClientEvent) => {
    if (e.type === 'tx') maxInFlight = Math.max(maxInFlight, ++inFlight);
    if (e.type === 'rx') inFlight--;
  };
  const client = new SmpClient(device, { timeoutMs: 80, onEvent });
  clients.push(client);
  await negotiateLimits(client);
  return { device, client, maxInFlight: () => maxInFlight };
}

const uploads = (device: FakeSmpDevice) =>
  device.received.filter((p) => p.header.group === SmpGroup.image && p.header.command === ImageCommand.upload);

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof BmsError ? error.code : String(error);
  }
  return 'resolved';
}

describe('chunk size', () => {
  it('finds the exact largest data length whose frame fits buf_size', () => {
    for (const bufSize of [128, 512, 1024, 4096]) {
      for (const fields of [{ off: 400_000 }, { off: 0, len: 400_000, sha: new Uint8Array(32), image: 0 }]) {
        const n = maxChunkData({ bufSize, fields });
        expect(packetSize({ ...fields, data: new Uint8Array(n) }) + SERIAL_FRAME_OVERHEAD).toBeLessThanOrEqual(bufSize);
        expect(packetSize({ ...fields, data: new Uint8Array(n + 1) }) + SERIAL_FRAME_OVERHEAD).toBeGreaterThan(bufSize);
      }
    }
    expect(maxChunkData({ bufSize: 512, fields: { off: 400_000 } })).toBe(482); // 8 header + 18 CBOR overhead + 4 frame
    expect(maxChunkData({ bufSize: 512, fields: { off: 400_000 }, alignment: 8 })).toBe(480);
    expect(maxChunkData({ bufSize: 20, fields: { off: 400_000 } })).toBe(0);
  });

  it('measures the same packet the client sends', () => {
    const chunk = { off: 5, data: new Uint8Array(100) };
    const packet = encodePacket({ version: 1, op: 2, group: 1, seq: 0, command: 1, body: uploadBody(chunk) });
    expect(packetSize(chunk)).toBe(packet.length);
  });
});

describe('image upload', () => {
  it('R16 uploads a whole image with first-chunk fields only at off=0 and every frame within buf_size', async () => {
    const { device, client } = await setup({ maxFrameBytes: 2000 });
    const file = imageOf(5000);
    const progress: UploadProgress[] = [];
    const result = await uploadImage(client, file, { onProgress: (p) => progress.push(p) });
    expect(device.session?.data).toEqual(file);
    const sent = uploads(device);
    expect(sent[0].body).toMatchObject({ off: 0, len: 5000, sha: sha256(file) });
    for (const packet of sent.slice(1)) expect(Object.keys(packet.body)).toEqual(['off', 'data']);
    for (const packet of sent) expect(packet.header.length + 8 + SERIAL_FRAME_OVERHEAD).toBeLessThanOrEqual(512);
    expect(result).toMatchObject({ total: 5000, resumedFrom: 0, window: 1, retries: 0, chunkSize: 484 });
    expect(progress.at(-1)).toMatchObject({ sent: 5000, total: 5000, percent: 100, etaSeconds: 0 });
    expect(progress.map((p) => p.sent)).toEqual([...progress.map((p) => p.sent)].sort((a, b) => a - b));
  });

  it('keeps up to buf_count requests in flight, and one with stop-and-wait', async () => {
    const windowed = await setup({ params: { bufSize: 512, bufCount: 4 }, delayMs: 2 });
    const file = imageOf(20_000);
    expect((await uploadImage(windowed.client, file)).window).toBe(4);
    expect(windowed.maxInFlight()).toBe(4);
    expect(windowed.device.session?.data).toEqual(file);
    const serial = await setup({ params: { bufSize: 512, bufCount: 4 }, delayMs: 2 });
    expect((await uploadImage(serial.client, file, { stopAndWait: true })).window).toBe(1);
    expect(serial.maxInFlight()).toBe(1);
    expect(serial.device.session?.data).toEqual(file);
  });

  it('R16 recovers lost requests and corrupted answers inside a window', async () => {
    const { device, client } = await setup({ params: { bufSize: 512, bufCount: 4 } });
    const file = imageOf(30_000);
    let count = 0;
    const handler = device.handlers.get('1:1')!;
    device.on(1, 1, (req, d) => {
      count++;
      if (count === 5 || count === 23) d.dropRequests = 1;
      if (count === 12 || count === 40) d.corruptAnswers = 1;
      return handler(req, d);
    });
    const result = await uploadImage(client, file);
    expect(device.session?.data).toEqual(file);
    expect(result.retries).toBeGreaterThan(0);
    // Chunks abandoned after a rewind are never resent once the upload is over.
    const afterEnd = uploads(device).length;
    await new Promise((r) => setTimeout(r, 300));
    expect(uploads(device).length).toBe(afterEnd);
  });

  it('R16 abandons the requests in flight when the device rewinds, instead of waiting out their timeouts', async () => {
    const { device, client } = await setup({ params: { bufSize: 512, bufCount: 4 } });
    const file = imageOf(30_000);
    const handler = device.handlers.get('1:1')!;
    const written: number[] = [];
    let count = 0;
    // A burst of line noise: requests 6 to 8 are lost, 9 is answered with the offset of 6 (a rewind),
    // and 10, the first one sent after the rewind, is lost too.
    device.on(1, 1, (req, d) => {
      count++;
      if ([6, 7, 8, 10].includes(count)) return undefined;
      const before = d.session?.off;
      const answer = handler(req, d);
      if (d.session && d.session.off !== before) written.push(req.body.off as number);
      return answer;
    });
    const timeoutMs = 5000;
    const started = performance.now();
    await uploadImage(client, file, { timeoutMs });
    // Requests 6-8 would each hold a window slot until their timeout: waiting out even one takes longer
    // than the whole upload may (a bound relative to the timeout, not to this machine's speed).
    expect(performance.now() - started).toBeLessThan(timeoutMs);
    expect(device.session?.data).toEqual(file);
    // Each chunk written once, in order: nothing from before the rewind landed after it.
    expect(written).toEqual([...new Set(written)].sort((a, b) => a - b));
    const afterEnd = uploads(device).length;
    await new Promise((r) => setTimeout(r, 100));
    expect(uploads(device).length).toBe(afterEnd);
  });

  it('R16 sends the first-chunk fields again when the device answers off=0 mid-upload', async () => {
    const { device, client } = await setup();
    device.loseSessionAt = 2000;
    const file = imageOf(6000);
    const result = await uploadImage(client, file);
    expect(device.session?.data).toEqual(file);
    const firsts = uploads(device).filter((p) => p.body.off === 0);
    expect(firsts).toHaveLength(2);
    for (const packet of firsts) expect(packet.body).toMatchObject({ len: 6000, sha: sha256(file) });
    expect(result.retries).toBe(1);
  });

  it('R16 resumes after a disconnect from the offset the device returns', async () => {
    const first = await setup();
    const file = imageOf(8000);
    const handler = first.device.handlers.get('1:1')!;
    first.device.on(1, 1, (req, d) => {
      const answer = handler(req, d);
      if ((d.session?.off ?? 0) >= 3000) d.disconnect();
      return answer;
    });
    expect(await codeOf(uploadImage(first.client, file))).toBe('LINK_DISCONNECTED');
    const reached = first.device.session!.off;
    const second = await setup();
    second.device.session = first.device.session;
    const result = await uploadImage(second.client, file);
    expect(result.resumedFrom).toBe(reached);
    expect(second.device.session?.data).toEqual(file);
    const offsets = uploads(second.device).map((p) => p.body.off as number);
    expect(offsets[0]).toBe(0);
    expect(Math.min(...offsets.slice(1))).toBe(reached);
  });

  it('starts over when the sha differs from the session the device holds', async () => {
    const { device, client } = await setup();
    device.session = { len: 4000, sha: new Uint8Array(32), off: 3000, data: new Uint8Array(4000) };
    const file = imageOf(4000, 7);
    expect((await uploadImage(client, file)).resumedFrom).toBe(0);
    expect(device.session?.data).toEqual(file);
  });

  it('reports the device refusing the image as a typed error', async () => {
    const { device, client } = await setup();
    device.on(1, 1, () => ({ err: { group: 1, rc: 27 } }));
    expect(await codeOf(uploadImage(client, imageOf(1000), { upgrade: true }))).toBe('SMP_IMAGE_VERSION_NOT_NEWER');
    expect(uploads(device)[0].body.upgrade).toBe(true);
  });

  it('stops on abort with CANCELLED', async () => {
    const { client } = await setup({ delayMs: 1 });
    const controller = new AbortController();
    const pending = uploadImage(client, imageOf(50_000), {
      signal: controller.signal,
      onProgress: (p) => p.sent > 2000 && controller.abort()
    });
    expect(await codeOf(pending)).toBe('CANCELLED');
  });

  it('refuses a buffer too small to carry data', async () => {
    const { client } = await setup();
    client.setLimits({ bufSize: 40 });
    expect(await codeOf(uploadImage(client, imageOf(100)))).toBe('SMP_UPLOAD_BUFFER_TOO_SMALL');
  });
});
