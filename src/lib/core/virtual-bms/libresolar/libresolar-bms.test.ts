/**
 * The virtual LibreSolar BMS at the byte level: its answers match the lines observed on the real
 * firmware (thingset-vectors.ts), and its serial quirks are the real ones.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { withCrc } from '../../protocol/thingset/text-codec';
import { DEVICE_ANSWER } from '../../protocol/thingset/thingset-vectors';
import { createManualClock } from '../board/device-clock';
import { createLibreSolarBms, type VirtualLibreSolarBms } from './libresolar-bms';

const clock = createManualClock();
let output = '';
const started: VirtualLibreSolarBms[] = [];
afterEach(async () => {
  for (const bms of started.splice(0)) await bms.powerOff();
});

async function boot(options: Parameters<typeof createLibreSolarBms>[0] = {}): Promise<VirtualLibreSolarBms> {
  const bms = createLibreSolarBms({ clock, reportPeriodMs: 0, ...options });
  started.push(bms);
  output = '';
  bms.port.onTransmit((bytes) => (output += new TextDecoder().decode(bytes)));
  await step(400);
  expect(bms.status).toBe('app');
  return bms;
}

/** Lets the device's queued steps run, then moves its clock. */
async function step(ms: number): Promise<void> {
  for (let t = 0; t < ms; t += 10) {
    await Promise.resolve();
    await started.at(-1)?.settled();
    clock.advance(10);
  }
  await started.at(-1)?.settled();
}

async function send(bms: VirtualLibreSolarBms, text: string, waitMs = 100): Promise<string> {
  output = '';
  bms.port.receive(new TextEncoder().encode(text));
  await step(waitMs);
  return output;
}

describe('virtual LibreSolar BMS (ThingSet text mode)', () => {
  it('R12 answers ?Device with the line observed on a BMS 16S100 SC, CRC included', async () => {
    const bms = await boot();
    expect(await send(bms, '?Device\n')).toBe(`${DEVICE_ANSWER}\r\n`);
  });

  it('R12 prints float items with their own digits and checks a request CRC only on lines over 10 bytes ending in #', async () => {
    const bms = await boot();
    expect(await send(bms, '?Meas/rSOC_pct\n')).toBe(`${withCrc(':85 55.0')}\r\n`);
    expect(await send(bms, `${withCrc('?Meas/rSOC_pct')}\n`)).toBe(`${withCrc(':85 55.0')}\r\n`);
    expect(await send(bms, '?Meas/rSOC_pct 00000000#\n')).toBe(''); // bad CRC: dropped silently
    expect(await send(bms, '?pNodeID\r\n')).toBe(`${withCrc(':85 "3F8C21D0B7A45E19"')}\r\n`);
  });

  it('R16 drops input arriving while it answers, and the next complete line with it; a bare newline resynchronises', async () => {
    const bms = await boot();
    const answers = await send(bms, '?Meas/rSOC_pct\n?Meas/rSOC_pct\n');
    expect(answers.split('\r\n').filter(Boolean)).toHaveLength(1);
    expect(await send(bms, '?Meas/rSOC_pct\n')).toBe(''); // the marked line ends here, unprocessed
    expect(await send(bms, '?Meas/rSOC_pct\n')).toContain(':85 55.0');
    await send(bms, '?Meas/rSOC_pct\n?x\n');
    expect(await send(bms, '\n')).toBe('');
    expect(await send(bms, '?Meas/rSOC_pct\n')).toContain(':85 55.0');
    expect(bms.snapshot().droppedBytes).toBeGreaterThan(0);
  });

  it('R09 answers :A3 for a read-only item, :A4 for an unknown path, and writes nothing of a refused update', async () => {
    const bms = await boot();
    expect(await send(bms, '=Meas {"rSOC_pct":10}\n')).toBe(`${withCrc(':A3 "Item rSOC_pct is read-only"')}\r\n`);
    expect(await send(bms, '?Nope\n')).toBe(`${withCrc(':A4 "Invalid endpoint"')}\r\n`);
    expect(await send(bms, '=Conf {"sNominalCapacity_Ah":80,"sBalIdleDelay_s":-1}\n')).toContain(':AF');
    expect(bms.snapshot().conf.sNominalCapacity_Ah).toBe(100);
    expect(await send(bms, '=Conf {"sNominalCapacity_Ah":123.4,"sBalIdleDelay_s":900}\n')).toBe(':84 E096F11A#\r\n');
  });

  it('R09 does not answer xReset, is gone ~300 ms, and comes back with Conf from its storage', async () => {
    const bms = await boot();
    await send(bms, '=Conf {"sBalIdleDelay_s":900}\n');
    expect(await send(bms, '!Device/xReset\n', 20)).toBe('');
    expect(bms.status).not.toBe('app');
    expect(await send(bms, '?Conf/sBalIdleDelay_s\n', 200)).toBe('');
    await step(200);
    expect(bms.status).toBe('app');
    expect(await send(bms, '?Conf/sBalIdleDelay_s\n')).toContain(':85 900');
  });

  it('R16 sends the #mLive report every second with the live Meas items', async () => {
    const bms = await boot({ reportPeriodMs: 1000 });
    output = '';
    await step(2050);
    const reports = output.split('\r\n').filter((l) => l.startsWith('#mLive'));
    expect(reports).toHaveLength(2);
    expect(reports[0]).toMatch(/^#mLive \{"Meas":\{"rPackVoltage_V":\d+\.\d\d,.*"rSOC_pct":55\.0,.*\} [0-9A-F]{8}#$/);
  });

  it('R16 answers a 256-byte DFU chunk with :AD and a write before xInit with -16', async () => {
    const bms = await boot();
    const b64 = (n: number) => btoa(String.fromCharCode(...new Uint8Array(n).fill(0x5a)));
    expect(await send(bms, `!DFU/xWrite ["${b64(16)}"]\n`)).toBe(`${withCrc(':84 -16')}\r\n`);
    expect(await send(bms, '!DFU/xInit\n', 1500)).toBe(':84 0 8813DE36#\r\n');
    expect(await send(bms, `!DFU/xWrite ["${b64(255)}"]\n`)).toBe(`${withCrc(':84 0')}\r\n`);
    expect(await send(bms, `!DFU/xWrite ["${b64(256)}"]\n`)).toBe(`${withCrc(':AD')}\r\n`);
  });
});
