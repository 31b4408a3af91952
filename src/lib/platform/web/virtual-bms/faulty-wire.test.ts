import { describe, expect, it } from 'vitest';
import { createLoopbackPort } from '../../../core/link/testing/loopback-port';
import { CLEAN_WIRE, faultyWire, type WireFaults } from './faulty-wire';

describe('faulty wire', () => {
  it('R06 flips bits both ways and overrides the device rate, as the panel changes them', () => {
    const device = createLoopbackPort(115200);
    const faults: WireFaults = { ...CLEAN_WIRE };
    const wire = faultyWire(device, () => faults);
    const heard: number[] = [];
    wire.onTransmit((bytes) => heard.push(...bytes));

    wire.receive(Uint8Array.of(0x00, 0xff));
    expect(heard).toEqual([0x00, 0xff]);
    expect(wire.baudRate).toBe(115200);

    faults.bitErrorRate = 1; // every bit flipped on the way in and again on the way back out
    faults.deviceBaud = 57600;
    wire.receive(Uint8Array.of(0x0f));
    expect(device.received.at(-1)).toEqual(Uint8Array.of(0xf0));
    expect(heard.at(-1)).toBe(0x0f);
    expect(wire.baudRate).toBe(57600);
  });
});
