import { afterEach, describe, expect, it } from 'vitest';
import { BmsError } from '../../errors';
import { connectPacedLink, type PacedLink } from '../paced-link';
import { VirtualCanBus } from '../../virtual-bms/can/virtual-can-bus';
import { VirtualSlcanAdapter } from '../../virtual-bms/can/virtual-slcan-adapter';
import { dataFrame, frameBits, remoteFrame, type CanFrame } from './can-frame';
import { CanReceiver } from './can-receiver';
import { SlcanAdapter } from './slcan-adapter';

/** A bus with our driver on a virtual adapter and a second node that records what it gets. */
function rig(options: { bitrate?: number; busBitrate?: number; acks?: boolean } = {}) {
  const bus = new VirtualCanBus({ bitrate: options.busBitrate ?? 500_000 });
  const device = new VirtualSlcanAdapter(bus, { acks: options.acks });
  const seen: CanFrame[] = [];
  const node = bus.attach({ receive: (frame) => seen.push(frame) });
  const link = connectPacedLink(device, { pace: false });
  return { bus, device, node, seen, link };
}

async function expectCode(promise: Promise<unknown>, code: string) {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(BmsError);
  expect((error as BmsError).code).toBe(code);
}

let adapter: SlcanAdapter | undefined;
afterEach(async () => {
  await adapter?.close();
  adapter = undefined;
});

describe('SLCAN adapter driver', () => {
  it('R12 opens at 500 kbit/s: closes first, reads version and serial, S6, O', async () => {
    const { device, link } = rig();
    adapter = await SlcanAdapter.open(link, { bitrate: 500_000 });
    expect(adapter.info).toEqual({ version: '1013', serial: 'VB01' });
    expect(device.received.map((l) => l.kind)).toEqual(['close', 'version', 'serial', 'bitrate', 'open']);
    expect(device.received[3]).toEqual({ kind: 'bitrate', index: 6 });
    expect(device.isOpen).toBe(true);
  });

  it('R12 carries standard, extended and remote frames both ways as typed values', async () => {
    for (const acks of [true, false]) {
      const { link, node, seen } = rig({ acks });
      adapter = await SlcanAdapter.open(link, { bitrate: 500_000 });
      const receiver = new CanReceiver(adapter);
      const out = [dataFrame(0x400, [4, 0, 0, 0, 0, 0, 0, 0]), dataFrame(0x18da00f1, [0x02, 0x3e, 0x00], true), remoteFrame(0x123, 4)];
      for (const frame of out) await adapter.send(frame);
      await expect.poll(() => seen.length).toBe(3);
      expect(seen).toEqual(out);
      const back = [dataFrame(0x495, [1, 1, 0, 0, 0, 0, 0, 0]), remoteFrame(0x1abcdef0, 2, true), dataFrame(0x7ff, [])];
      for (const frame of back) node.send(frame);
      for (const frame of back) expect(await receiver.next(() => true, 1000)).toEqual(frame);
      await adapter.close();
      adapter = undefined;
    }
  });

  it('R06 refuses a bit rate SLCAN cannot select', async () => {
    const { link } = rig();
    await expectCode(SlcanAdapter.open(link, { bitrate: 83_333 }), 'CAN_BITRATE_UNSUPPORTED');
  });

  it('R12 reports a port that does not answer like an SLCAN adapter', async () => {
    const silent = { baudRate: 115200, receive() {}, onTransmit: () => () => {} };
    await expectCode(SlcanAdapter.open(connectPacedLink(silent, { pace: false }), { bitrate: 500_000, replyTimeoutMs: 50 }), 'SLCAN_NO_REPLY');
  });

  it('R16 reports bus-off as CAN_BUS_OFF to every waiter and refuses further frames', async () => {
    const { bus, link } = rig();
    adapter = await SlcanAdapter.open(link, { bitrate: 500_000 });
    const receiver = new CanReceiver(adapter);
    const waiting = receiver.next(() => true, 2000);
    bus.setBusOff(true);
    await adapter.send(dataFrame(0x400, [1]));
    await expectCode(waiting, 'CAN_BUS_OFF');
    await expectCode(adapter.send(dataFrame(0x400, [1])), 'CAN_BUS_OFF');
  });

  it('R06 a bit-rate mismatch with the bus shows as bus errors, never as delivered frames', async () => {
    const { link, seen } = rig({ busBitrate: 250_000 });
    adapter = await SlcanAdapter.open(link, { bitrate: 500_000 });
    const receiver = new CanReceiver(adapter);
    const waiting = receiver.next(() => true, 2000);
    await adapter.send(dataFrame(0x400, [1]));
    await expectCode(waiting, 'CAN_BUS_OFF');
    expect(seen).toEqual([]);
  });

  it('R16 reports an unplugged adapter as SLCAN_ADAPTER_UNPLUGGED, mid-wait and on the next send', async () => {
    const { link } = rig();
    adapter = await SlcanAdapter.open(link, { bitrate: 500_000 });
    const receiver = new CanReceiver(adapter);
    const waiting = receiver.next(() => true, 2000);
    (link as PacedLink).disconnect('USB cable pulled');
    await expectCode(waiting, 'SLCAN_ADAPTER_UNPLUGGED');
    await expectCode(adapter.send(dataFrame(0x400, [1])), 'SLCAN_ADAPTER_UNPLUGGED');
  });

  it('R12 paces transmits at the bus rate, keeping only the FIFO depth ahead', async () => {
    const { link, seen } = rig({ bitrate: 125_000, busBitrate: 125_000 });
    adapter = await SlcanAdapter.open(link, { bitrate: 125_000, txBufferFrames: 3 });
    const frame = dataFrame(0x440, [1, 2, 3, 4, 5, 6, 7, 8]);
    const frameMs = (frameBits(frame) * 1000) / 125_000; // 1.08 ms with worst-case stuffing
    const count = 60;
    const started = performance.now();
    for (let i = 0; i < count; i += 1) await adapter.send(frame);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual((count - 3) * frameMs - 2);
    await expect.poll(() => seen.length).toBe(count);
  });
});
