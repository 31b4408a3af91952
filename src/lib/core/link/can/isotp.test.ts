import { afterEach, describe, expect, it } from 'vitest';
import { BmsError } from '../../errors';
import { VirtualCanBus } from '../../virtual-bms/can/virtual-can-bus';
import { VirtualSlcanAdapter } from '../../virtual-bms/can/virtual-slcan-adapter';
import { connectPacedLink } from '../paced-link';
import { SlcanAdapter } from './slcan-adapter';
import { dataFrame, type CanFrame } from './can-frame';
import { decodeIsoTp, encodeFlowControl, encodeStMin, segment } from './isotp-codec';
import { IsoTpTransport, type IsoTpOptions } from './isotp-transport';
import { ISOTP_VECTORS } from './isotp-vectors';

async function expectCode(promise: Promise<unknown>, code: string, detail?: RegExp) {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(BmsError);
  expect((error as BmsError).code).toBe(code);
  if (detail) expect((error as BmsError).detail).toMatch(detail);
}

const bytes = (length: number) => Uint8Array.from({ length }, (_, i) => (i * 7 + (i >> 8)) & 0xff);
const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

/** A bus with a tester (0x7E0 → 0x7E8) and an ECU endpoint, and a log of every frame with its time. */
function pair(tester: Partial<IsoTpOptions> = {}, ecu: Partial<IsoTpOptions> = {}) {
  const bus = new VirtualCanBus({ bitrate: 500_000 });
  const log: { frame: CanFrame; at: number }[] = [];
  bus.attach({ receive: (frame) => log.push({ frame, at: performance.now() }) });
  const a = bus.channel();
  const b = bus.channel();
  closers.push(a.close, b.close);
  return {
    bus,
    log,
    tester: new IsoTpTransport(a, { txId: 0x7e0, rxId: 0x7e8, ...tester }),
    ecu: new IsoTpTransport(b, { txId: 0x7e8, rxId: 0x7e0, ...ecu }),
    raw: b
  };
}

describe('ISO-TP codec (ISO 15765-2)', () => {
  it('R12 segments and pads exactly as the vectors say, 12-bit and 32-bit lengths', () => {
    const { single, twenty, escaped, longestShort } = ISOTP_VECTORS;
    expect(segment(single.payload, single.padding)).toEqual(single.frames);
    expect(segment(twenty.payload)).toEqual(twenty.frames);
    const big = Uint8Array.from({ length: escaped.length }, (_, i) => i & 0xff);
    const frames = segment(big);
    expect(frames[0]).toEqual(escaped.first);
    expect(frames).toHaveLength(1 + Math.ceil((escaped.length - 2) / 7));
    expect(decodeIsoTp(frames[0])).toMatchObject({ type: 'first', length: 5000 });
    expect(frames[16]).toEqual(Uint8Array.from([0x20, ...big.subarray(2 + 15 * 7, 2 + 16 * 7)])); // SN wraps F → 0
    expect(segment(Uint8Array.from({ length: longestShort.length }, (_, i) => i & 0xff))[0]).toEqual(longestShort.first);
  });

  it.each(ISOTP_VECTORS.flow)('R12 flow control $data decodes to status $status, BS $blockSize, STmin $stMinMs ms', (vector) => {
    expect(decodeIsoTp(vector.data)).toEqual({ type: 'flow', status: vector.status, blockSize: vector.blockSize, stMinMs: vector.stMinMs });
    if (vector.stMinMs < 127) expect(encodeFlowControl(vector.status, vector.blockSize, vector.stMinMs)).toEqual(vector.data);
  });

  it('R12 refuses frames that are not ISO-TP', () => {
    for (const data of [[0x00], [0x09, 1, 2], [0x40, 0], [0x33, 0, 0], [0x10, 0x05, 1, 2, 3, 4, 5, 6], [0x10, 0, 0, 0, 0x0f, 0xff, 0, 0]]) {
      expect(() => decodeIsoTp(Uint8Array.from(data))).toThrow(BmsError);
    }
    expect(encodeStMin(0.3)).toBe(0xf3);
  });
});

describe('ISO-TP transport over a CAN bus', () => {
  it('R12 honours block size and STmin both ways', async () => {
    const { tester, ecu, log } = pair({ blockSize: 4, stMinMs: 5, padding: 0xcc }, { blockSize: 2, stMinMs: 0, padding: 0xaa });
    const request = bytes(100);
    const got = ecu.receive(2000);
    await tester.send(request);
    expect(await got).toEqual(request);
    // The ECU asked for blocks of 2: the tester stops after every 2 consecutive frames for the next FC.
    const kinds = log.map(({ frame }) => (frame.id === 0x7e0 ? 'T' : 'E') + decodeIsoTp(frame.data).type[0]).join(' ');
    expect(kinds.startsWith('Tf Ef Tc Tc Ef Tc Tc Ef')).toBe(true);
    expect(log.every(({ frame }) => frame.data.length === 8)).toBe(true); // padded both ways

    log.length = 0;
    const answer = bytes(60);
    const back = tester.receive(2000);
    await ecu.send(answer);
    expect(await back).toEqual(answer);
    const fcs = log.filter(({ frame }) => frame.id === 0x7e0).map(({ frame }) => decodeIsoTp(frame.data));
    expect(fcs[0]).toEqual({ type: 'flow', status: 0, blockSize: 4, stMinMs: 5 });
    const cfTimes = log.filter(({ frame }) => frame.id === 0x7e8 && frame.data[0] >> 4 === 2).map(({ at }) => at);
    for (let i = 1; i < cfTimes.length; i += 1) expect(cfTimes[i] - cfTimes[i - 1]).toBeGreaterThanOrEqual(4);
  });

  it('R12 carries a 5000-byte message with the 32-bit first frame, and 4095 bytes with the 12-bit one', async () => {
    const { tester, ecu } = pair();
    for (const length of [5000, 4095]) {
      const message = bytes(length);
      const got = ecu.receive(5000);
      await tester.send(message);
      expect(await got).toEqual(message);
    }
  });

  it('R16 N_Bs: no flow control after the first frame ends the send with ISOTP_TIMEOUT', async () => {
    const { tester } = pair({ nBsMs: 80 });
    await expectCode(tester.send(bytes(30)), 'ISOTP_TIMEOUT', /N_Bs/);
  });

  it('R16 N_Cr: a sender that stops after the first frame ends the receive with ISOTP_TIMEOUT', async () => {
    const { tester, raw } = pair({ nCrMs: 80 });
    const got = tester.receive(1000);
    await raw.send(dataFrame(0x7e8, [0x10, 0x20, 1, 2, 3, 4, 5, 6]));
    await expectCode(got, 'ISOTP_TIMEOUT', /N_Cr/);
  });

  it('R16 N_As: a frame nobody acknowledges (alone on the bus) ends the send with ISOTP_TIMEOUT', async () => {
    const bus = new VirtualCanBus({ bitrate: 500_000 });
    const lonely = bus.channel();
    closers.push(lonely.close);
    const transport = new IsoTpTransport(lonely, { txId: 0x7e0, rxId: 0x7e8, nAsMs: 60 });
    await expectCode(transport.send(bytes(3)), 'ISOTP_TIMEOUT', /N_As/);
  });

  it('R12 OVERFLOW from a receiver with a small buffer is reported on both sides', async () => {
    const { tester, ecu } = pair({}, { maxLength: 50 });
    const got = ecu.receive(1000);
    await expectCode(tester.send(bytes(100)), 'ISOTP_OVERFLOW');
    await expectCode(got, 'ISOTP_OVERFLOW');
  });

  it('R12 WAIT frames are honoured, and too many in a row end the send', async () => {
    const { tester, raw } = pair({ maxWaits: 2 });
    raw.subscribe((frame) => {
      if (frame.id === 0x7e0 && frame.data[0] >> 4 === 1) {
        void raw.send(dataFrame(0x7e8, encodeFlowControl(1, 0, 0)));
        void raw.send(dataFrame(0x7e8, encodeFlowControl(0, 0, 0)));
      }
    });
    await tester.send(bytes(20));
    const stubborn = pair({ maxWaits: 2 });
    stubborn.raw.subscribe((frame) => {
      if (frame.id === 0x7e0 && frame.data[0] >> 4 === 1) for (let i = 0; i < 4; i += 1) void stubborn.raw.send(dataFrame(0x7e8, encodeFlowControl(1, 0, 0)));
    });
    await expectCode(stubborn.tester.send(bytes(20)), 'ISOTP_WAIT_LIMIT');
  });

  it('R21 a consecutive frame out of sequence is reported, not glued into the message', async () => {
    const { tester, raw } = pair();
    const got = tester.receive(1000);
    await raw.send(dataFrame(0x7e8, [0x10, 0x14, 0, 1, 2, 3, 4, 5]));
    await raw.send(dataFrame(0x7e8, [0x22, 6, 7, 8, 9, 10, 11, 12]));
    await expectCode(got, 'ISOTP_SEQUENCE_ERROR');
  });

  it('R12 runs over our SLCAN driver and a virtual adapter, 29-bit ids, both directions', async () => {
    const bus = new VirtualCanBus({ bitrate: 500_000 });
    const ecuChannel = bus.channel();
    closers.push(ecuChannel.close);
    const adapter = await SlcanAdapter.open(connectPacedLink(new VirtualSlcanAdapter(bus), { pace: false }), { bitrate: 500_000 });
    closers.push(() => void adapter.close());
    const ids = { tester: 0x18da00f1, ecu: 0x18daf100 }; // normal fixed addressing, target 00, source F1
    const tester = new IsoTpTransport(adapter, { txId: ids.tester, rxId: ids.ecu, extended: true, padding: 0x55, blockSize: 3 });
    const ecu = new IsoTpTransport(ecuChannel, { txId: ids.ecu, rxId: ids.tester, extended: true, blockSize: 5, stMinMs: 1 });
    const request = bytes(300);
    const got = ecu.receive(3000);
    await tester.send(request);
    expect(await got).toEqual(request);
    const answer = bytes(1000);
    const back = tester.receive(3000);
    await ecu.send(answer);
    expect(await back).toEqual(answer);
  });
});
