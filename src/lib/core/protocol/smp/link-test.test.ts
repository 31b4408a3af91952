import { afterEach, describe, expect, it } from 'vitest';
import { BmsError } from '../../errors';
import { SmpClient } from './smp-client';
import { FakeSmpDevice, type FakeDeviceOptions } from './testing/fake-smp-device';
import { testLink } from './link-test';

const clients: SmpClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

function setup(options: FakeDeviceOptions = {}) {
  const device = new FakeSmpDevice(options);
  const client = new SmpClient(device);
  clients.push(client);
  return { device, client };
}

async function errorOf(promise: Promise<unknown>): Promise<BmsError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BmsError) return error;
    throw error;
  }
  throw new Error('resolved');
}

describe('link test (R06)', () => {
  it('R06 measures round trips with random payloads on a healthy link', async () => {
    const { device, client } = setup({ delayMs: 1 });
    const result = await testLink(client, { rounds: 8, timeoutMs: 100 });
    expect(result).toMatchObject({ baudRate: 115200, rounds: 8, answered: 8, lossRate: 0, errors: [] });
    expect(result.rttMs.min).toBeGreaterThan(0);
    expect(result.rttMs.min).toBeLessThanOrEqual(result.rttMs.avg);
    expect(result.rttMs.avg).toBeLessThanOrEqual(result.rttMs.max);
    const payloads = device.received.map((p) => p.body.d as string);
    expect(new Set(payloads).size).toBe(8);
    expect(Math.max(...payloads.map((p) => p.length))).toBeGreaterThan(1);
  });

  it('R06 counts lost round trips and corrupted frames', async () => {
    const { device, client } = setup();
    let n = 0;
    device.on(0, 0, (req, d) => {
      n++;
      if (n === 2) d.corruptAnswers = 1;
      return n === 5 || n === 7 ? undefined : { r: req.body.d as string };
    });
    const result = await testLink(client, { rounds: 10, timeoutMs: 40 });
    expect(result.answered).toBe(7);
    expect(result.lossRate).toBeCloseTo(0.3);
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { code: 'SMP_FRAME_CRC_MISMATCH', count: 1 },
        { code: 'SMP_TIMEOUT', count: 3 }
      ])
    );
  });

  it('R06 finds the rate the device answers at and restores the selected one', async () => {
    const { device, client } = setup({ baudRate: 57600, hostBaudRate: 115200 });
    const error = await errorOf(testLink(client, { timeoutMs: 30 }));
    expect(error.code).toBe('LINK_BAUD_MISMATCH');
    expect(error.detail).toBe('device answers at 57600, you selected 115200');
    expect(device.info.baudRate).toBe(115200);
  });

  it('R06 reports no answer at any usual rate', async () => {
    const { device, client } = setup();
    device.on(0, 0, () => undefined);
    const error = await errorOf(testLink(client, { timeoutMs: 20, probeBaudRates: [9600, 57600, 115200] }));
    expect(error.code).toBe('LINK_NO_ANSWER');
    expect(error.detail).toBe('no echo answered at 115200 baud nor at 9600, 57600');
  });

  it('R06 reports no answer on a link without a line rate to probe', async () => {
    const { device, client } = setup();
    device.on(0, 0, () => undefined);
    (device as { setBaudRate?: unknown }).setBaudRate = undefined;
    const error = await errorOf(testLink(client, { timeoutMs: 20 }));
    expect(error.code).toBe('LINK_NO_ANSWER');
    expect(error.detail).toBe('no echo answered in 3 tries at 115200 baud');
  });
});
