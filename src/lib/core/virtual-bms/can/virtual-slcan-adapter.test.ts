import { describe, expect, it } from 'vitest';
import { dataFrame, type CanFrame } from '../../link/can/can-frame';
import { PYTHON_CAN_OPEN } from '../../link/can/slcan-vectors';
import { VirtualCanBus } from './virtual-can-bus';
import { VirtualSlcanAdapter } from './virtual-slcan-adapter';

/** The adapter with a byte log of what it answers, and a second node on the bus. */
function adapterOnBus(options: { busBitrate?: number } = {}) {
  const bus = new VirtualCanBus({ bitrate: options.busBitrate ?? 500_000 });
  const adapter = new VirtualSlcanAdapter(bus, { now: () => 0x1234 });
  let out = '';
  adapter.onTransmit((bytes) => (out += new TextDecoder().decode(bytes)));
  const seen: CanFrame[] = [];
  const node = bus.attach({ receive: (frame) => seen.push(frame) });
  const send = (text: string) => adapter.receive(new TextEncoder().encode(text));
  const take = () => {
    const text = out;
    out = '';
    return text;
  };
  return { bus, adapter, node, seen, send, take };
}

describe('virtual SLCAN adapter', () => {
  it("R12 answers python-can's opening like a Lawicel adapter: C while closed and the second O are refused (BEL)", () => {
    const { send, take, adapter } = adapterOnBus();
    send(PYTHON_CAN_OPEN);
    expect(take()).toBe('\x07\r\r\x07');
    expect(adapter.isOpen).toBe(true);
  });

  it('R12 refuses configuration while open and frames while closed; V, N and F answer', () => {
    const { send, take } = adapterOnBus();
    send('t4001FF\r');
    expect(take()).toBe('\x07');
    send('V\rN\rS6\rO\rS4\rZ1\rF\r');
    expect(take()).toBe('V1013\rNVB01\r\r\r\x07\x07F00\r');
  });

  it('R12 puts frames on the bus with a z/Z acknowledge and passes bus frames up, with timestamps when asked', async () => {
    const { send, take, seen, node } = adapterOnBus();
    send('S6\rZ1\rO\r');
    take();
    send('t40080400000000000000\rT18DA00F123E00\r');
    expect(take()).toBe('z\rZ\r');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toEqual([dataFrame(0x400, [4, 0, 0, 0, 0, 0, 0, 0]), dataFrame(0x18da00f1, [0x3e, 0x00], true)]);
    node.send(dataFrame(0x495, [1, 1, 0, 0, 0, 0, 0, 0]));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(take()).toBe('t49580101000000000000' + '1234\r');
  });

  it('R06 at the wrong bit rate nothing passes and the status flags show bus errors', async () => {
    const { send, take, seen, node } = adapterOnBus({ busBitrate: 250_000 });
    send('S6\rO\r');
    take();
    send('t4001FF\r');
    node.send(dataFrame(0x495, [1]));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(take()).toBe('\x07');
    expect(seen).toEqual([]);
    send('F\r');
    expect(take()).toBe('FA0\r'); // bus error + error passive, then cleared
    send('F\r');
    expect(take()).toBe('F00\r');
  });

  it('R16 with nobody to acknowledge, frames pile up in the transmit FIFO until it refuses', () => {
    const bus = new VirtualCanBus({ bitrate: 500_000 });
    const adapter = new VirtualSlcanAdapter(bus, { txFifoFrames: 2 });
    let out = '';
    adapter.onTransmit((bytes) => (out += new TextDecoder().decode(bytes)));
    adapter.receive(new TextEncoder().encode('S6\rO\rt1001AA\rt1001AA\rt1001AA\rF\r'));
    expect(out).toBe('\r\rz\rz\r\x07F22\r');
  });
});
