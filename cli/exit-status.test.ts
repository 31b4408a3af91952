/**
 * The sweep the issue asks for: stop the update at points across the whole procedure (every phase,
 * several transfer offsets), then compare what the tool says (the outcome, the read-back in the report,
 * the verdict line and the exit status `flash` would return) with a fresh look at the device, a while
 * later. They must agree every time.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestFirmware } from '../src/lib/core/virtual-bms/firmware-behaviour';
import { parseImage } from '../src/lib/core/image/parse-image';
import { verdictText } from '../src/lib/core/report/verdict';
import { runUpdate } from '../src/lib/core/update/run-update';
import { createBench, untilRunning, type Bench } from '../src/lib/core/update/testing/virtual-bench';
import type { UpdateState } from '../src/lib/core/update/update-state';
import { EXIT, flashExitStatus } from './exit-status';

const image = makeTestFirmware({ version: '1.1.0', securityCounter: 2, size: 24_000 });
const newHash = bytesToHex(parseImage(image).imageHash!);

type Point = [label: string, at: (state: UpdateState) => boolean];

const phase = (name: UpdateState['phase']): Point => [name, (s) => s.phase === name];
const offset = (fraction: number): Point => [
  `transfer at ${fraction * 100} %`,
  (s) => s.phase === 'transfer' && s.total > 0 && s.sent >= fraction * s.total
];

const POINTS: Point[] = [
  phase('connect'),
  phase('identify'),
  phase('preflight'),
  phase('checklist'),
  phase('authenticate'),
  phase('backup'),
  offset(0),
  offset(0.3),
  offset(0.7),
  offset(1),
  phase('verify-on-device'),
  ['test-boot (marked, before the reset)', (s) => s.phase === 'test-boot' && s.events.length === 0],
  ['test-boot (new image booted)', (s) => s.phase === 'test-boot' && s.events.length > 0],
  phase('self-test'),
  phase('confirm'),
  phase('balance-check'),
  phase('config-check')
];

let bench: Bench | undefined;
afterEach(async () => {
  await bench?.close();
  bench = undefined;
});

describe('a stop anywhere: what the tool says agrees with the device', () => {
  it.each(POINTS)('R16 R19 R27 stopped at %s', async (_label, at) => {
    bench = await createBench({ speed: 10 });
    const b = bench;
    const oldHash = bytesToHex(b.bms.snapshot().slots[0]!.hash);
    const stop = new AbortController();
    const final = await runUpdate(image, b.options({ signal: stop.signal, onState: (s) => at(s) && stop.abort() }));
    expect(stop.signal.aborted, 'the stop point was reached').toBe(true);

    // A fresh look, after the device had time to do whatever it does by itself (3 s of device time).
    await new Promise((resolve) => setTimeout(resolve, 300));
    await untilRunning(b.bms);
    const device = b.bms.snapshot();
    const running = bytesToHex(device.slots[0]!.hash);
    const report = final.report;
    const status = flashExitStatus(final, 'SIGINT');
    const told = `${final.outcome} (exit ${status}): ${verdictText(report)}`;

    // The read-back in the report is the device's state.
    if (report.firmwareAfter) {
      expect(report.firmwareAfter.hash, told).toBe(running);
      expect(report.firmwareAfter.confirmed, told).toBe(device.confirmed);
      expect(report.firmwareAfter.pending !== undefined, told).toBe(device.nextBoot === 'test');
      expect(verdictText(report), told).toContain(device.slots[0]!.version);
    }
    // Every exit status names a state the device is really in.
    switch (status) {
      case EXIT.ok:
      case EXIT.settingsChanged:
      case EXIT.notFitForService:
        expect([running, device.confirmed], told).toEqual([newHash, true]);
        break;
      case EXIT.blocked:
      case EXIT.aborted:
      case EXIT.rolledBack:
        expect([running, device.confirmed], told).toEqual([oldHash, true]);
        break;
      case EXIT.interrupted:
        expect(final.outcome, told).toBe('cancelled');
        if (!report.phases.some((p) => p.phase === 'transfer')) expect(running, told).toBe(oldHash);
        else expect(report.firmwareAfter, told).toBeDefined();
        break;
      default:
        // 6, not proven: only when the tool could not read the device back.
        expect(status, told).toBe(EXIT.notProven);
        expect(report.firmwareAfter, told).toBeUndefined();
    }
  });
});
