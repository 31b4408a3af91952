import { afterEach, describe, expect, it } from 'vitest';
import { BmsError } from '../../errors';
import { SmpClient, type SmpClientEvent, type SmpClientOptions } from './smp-client';
import { FakeSmpDevice, type FakeDeviceOptions } from './testing/fake-smp-device';
import { echo, negotiateLimits } from './groups/os-group';
import { SMP_VECTORS, vectorFrame } from './smp-vectors';
import { encodeSerialFrames } from './serial-frame';
import { BMS_GROUP_ID } from './groups/bms-group';

const clients: SmpClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

function setup(deviceOptions: FakeDeviceOptions = {}, clientOptions: SmpClientOptions = {}) {
  const device = new FakeSmpDevice(deviceOptions);
  const events: SmpClientEvent[] = [];
  const client = new SmpClient(device, { timeoutMs: 60, onEvent: (e) => events.push(e), ...clientOptions });
  clients.push(client);
  return { device, client, events };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof BmsError ? `${error.code}: ${error.detail}` : String(error);
  }
  return 'resolved';
}

describe('SMP client', () => {
  it('writes the reference echo frame byte for byte and reads the answer', async () => {
    const { device, client } = setup();
    const written: Uint8Array[] = [];
    const write = device.write.bind(device);
    device.write = async (bytes) => {
      written.push(bytes);
      return write(bytes);
    };
    expect(await echo(client, 'hi')).toBe('hi');
    expect(written[0]).toEqual(vectorFrame(SMP_VECTORS.echoRequest));
  });

  it('matches several answers that come back out of order by sequence number', async () => {
    const { device, client } = setup();
    device.held = [];
    const answers = Promise.all(['one', 'two', 'three', 'four'].map((text) => echo(client, text)));
    await new Promise((r) => setTimeout(r, 5));
    expect(device.received.map((p) => p.header.seq)).toEqual([0, 1, 2, 3]);
    device.release('reverse');
    expect(await answers).toEqual(['one', 'two', 'three', 'four']);
  });

  it('maps v1 rc and v2 group errors to typed codes, with the numbers and reason in the detail', async () => {
    const { device, client } = setup();
    const answers: Record<number, object> = {
      1: { rc: 11, rsn: 'locked' },
      2: { rc: 8 },
      3: { err: { group: 1, rc: 27 } },
      4: { rc: 256 + 5 },
      5: { err: { group: 64, rc: 3 } },
      6: { err: { group: 9, rc: 4 } },
      7: { rc: 6 },
      8: { err: { group: 1, rc: 0 } }
    };
    device.on(BMS_GROUP_ID, 9, (req) => answers[req.body.n as number] as never);
    const ask = (n: number) => codeOf(client.request({ op: 'read', group: BMS_GROUP_ID, command: 9, body: { n } }));
    expect(await ask(1)).toBe('SMP_ACCESS_DENIED: group 64 command 9 failed with rc 11 (MGMT_ERR_EACCESSDENIED): locked');
    expect(await ask(2)).toMatch(/^SMP_NOT_SUPPORTED: .*rc 8 \(MGMT_ERR_ENOTSUP\)/);
    expect(await ask(3)).toMatch(/^SMP_IMAGE_VERSION_NOT_NEWER: .*image group rc 27 \(CURRENT_VERSION_IS_NEWER\)/);
    expect(await ask(4)).toMatch(/^SMP_BMS_AUTH_REJECTED: .*BMS group rc 5 \(AUTH_REJECTED\)/);
    expect(await ask(5)).toMatch(/^SMP_BMS_SETTING_OUT_OF_RANGE: /);
    expect(await ask(6)).toMatch(/^SMP_DEVICE_ERROR: .*group 9 rc 4/);
    expect(await ask(7)).toMatch(/^SMP_BAD_STATE: /);
    expect(await ask(8)).toBe('resolved');
  });

  it('resends an idempotent request after a timeout, and gives up with SMP_TIMEOUT', async () => {
    const { device, client } = setup();
    device.dropRequests = 1;
    expect(await echo(client, 'again')).toBe('again');
    expect(client.stats.retries).toBe(1);
    device.dropRequests = 10;
    expect(await codeOf(echo(client, 'lost'))).toMatch(/^SMP_TIMEOUT: no answer to os echo within 60 ms \(3 attempts\)/);
  });

  it('never resends a non-idempotent request', async () => {
    const { device, client } = setup();
    device.dropRequests = 1;
    const sent = device.received.length;
    expect(await codeOf(client.request({ op: 'write', group: 0, command: 5 }))).toMatch(/^SMP_TIMEOUT: .*\(1 attempt\)/);
    expect(device.received.length - sent).toBe(1);
  });

  it('drops an answer with a bad CRC, reports it, and succeeds on the resend', async () => {
    const { device, client, events } = setup();
    device.corruptAnswers = 1;
    expect(await echo(client, 'crc')).toBe('crc');
    expect(events.some((e) => e.type === 'bad-frame' && e.code === 'SMP_FRAME_CRC_MISMATCH')).toBe(true);
    expect(client.stats.retries).toBe(1);
  });

  it('settles on a late answer to an earlier attempt', async () => {
    const { client, events } = setup({ delayMs: 90 }, { timeoutMs: 60 });
    expect(await echo(client, 'slow')).toBe('slow');
    expect(events.filter((e) => e.type === 'retry')).toHaveLength(1);
  });

  it('falls back to v1 headers when the device answers v1', async () => {
    const { device, client, events } = setup({ v1Only: true });
    expect(client.version).toBe(1);
    await echo(client, 'v');
    expect(client.version).toBe(0);
    expect(events.some((e) => e.type === 'version-fallback')).toBe(true);
    await echo(client, 'w');
    expect(device.received.map((p) => p.header.version)).toEqual([1, 0]);
  });

  it('keeps reading through line errors and console noise, and reports both', async () => {
    const { device, client, events } = setup();
    device.lineError('LINK_FRAMING_ERROR');
    device.print('[00:00:01] <inf> bms: hello\r\n');
    expect(await echo(client, 'through')).toBe('through');
    expect(events).toContainEqual({ type: 'line-error', code: 'LINK_FRAMING_ERROR', detail: 'injected by the test' });
    expect(events).toContainEqual({ type: 'noise', text: '[00:00:01] <inf> bms: hello\r\n' });
  });

  it('fails pending and later requests with LINK_DISCONNECTED when the device goes away', async () => {
    const { device, client } = setup();
    device.dropRequests = 1;
    const pending = echo(client, 'bye');
    await new Promise((r) => setTimeout(r, 5));
    device.disconnect();
    expect(await codeOf(pending)).toMatch(/^LINK_DISCONNECTED/);
    expect(await codeOf(echo(client, 'after'))).toMatch(/^LINK_DISCONNECTED/);
  });

  it('cancels a request through its AbortSignal', async () => {
    const { device, client } = setup();
    device.dropRequests = 1;
    const controller = new AbortController();
    const pending = echo(client, 'stop', { signal: controller.signal });
    controller.abort();
    expect(await codeOf(pending)).toBe('CANCELLED: os echo cancelled');
  });

  it('rejects a well-framed answer whose CBOR is broken instead of waiting for a retry', async () => {
    const { device, client } = setup();
    device.on(0, 0, () => undefined);
    const pending = echo(client, 'x');
    await new Promise((r) => setTimeout(r, 5));
    device.print(encodeSerialFrames(Uint8Array.of(0x0b, 0, 0, 1, 0, 0, 0, 0, 0xff)));
    expect(await codeOf(pending)).toMatch(/^SMP_CBOR_INVALID: unexpected break/);
  });

  it('learns buf_size and buf_count from OS params, or keeps the profile values', async () => {
    const answering = setup({ params: { bufSize: 2048, bufCount: 4 } }, { limits: { lineLength: 256 } });
    expect(await negotiateLimits(answering.client)).toEqual({
      limits: { lineLength: 256, bufSize: 2048, bufCount: 4 },
      source: 'device'
    });
    const mcuboot = setup();
    expect(await negotiateLimits(mcuboot.client)).toEqual({
      limits: { lineLength: 127, bufSize: 512, bufCount: 1 },
      source: 'profile'
    });
  });
});

describe('SMP client lifecycle', () => {
  it('refuses requests after close instead of waiting forever', async () => {
    const device = new FakeSmpDevice();
    const client = new SmpClient(device, { timeoutMs: 60 });
    await client.close();
    await expect(echo(client, 'late')).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
