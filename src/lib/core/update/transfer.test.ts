/** R01–R03, R16: the pack watched during the transfer; holds, resumes, stops cleanly; link losses survived. */
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestFirmware } from '../virtual-bms/firmware-behaviour';
import { readBackText } from '../report/verdict';
import { runUpdate } from './run-update';
import { createBench, untilRunning, type Bench } from './testing/virtual-bench';
import type { UpdateState } from './update-state';

const benches: Bench[] = [];
afterEach(async () => {
  for (const bench of benches.splice(0)) await bench.close();
});
async function bench() {
  const b = await createBench();
  benches.push(b);
  return b;
}
const image = () => makeTestFirmware({ version: '1.1.0', securityCounter: 2, size: 60_000 });
type Transfer = Extract<UpdateState, { phase: 'transfer' }>;

/**
 * Runs the update with the pack leaving its safe band once, past 10 kB of transfer (`leave`), and coming
 * back whenever the tool shows the hold (`back`); returns the end state and every transfer state seen.
 */
async function updateWithExcursion(b: Bench, leave: () => void, back: () => void) {
  const transfers: Transfer[] = [];
  let left = false;
  const final = await runUpdate(
    image(),
    b.options({
      onState: (s) => {
        if (s.phase !== 'transfer') return;
        transfers.push(s);
        if (!left && s.sent > 10_000) {
          left = true;
          leave();
        }
        if (s.paused) back();
      }
    })
  );
  return { final, transfers };
}

describe('transfer', () => {
  it('R02 R16 a temperature above 45 °C mid-transfer holds it; back in range, it finishes', async () => {
    const b = await bench();
    // Cooled down as soon as the tool shows the hold.
    const { final, transfers } = await updateWithExcursion(
      b,
      () => b.bms.battery.setTemperature(480),
      () => b.bms.battery.setTemperature(250)
    );
    expect(final).toMatchObject({ phase: 'done', outcome: 'updated' });
    const held = transfers.find((t) => t.paused);
    expect(held?.paused?.checks[0]).toMatchObject({ id: 'temperature', code: 'UPDATE_TEMPERATURE_OUT_OF_RANGE' });
    expect(held!.sent).toBeLessThan(held!.total);
    const resumed = transfers.slice(transfers.indexOf(held!) + 1).find((t) => !t.paused);
    expect(resumed).toBeDefined();
    expect(transfers.at(-1)).toMatchObject({ sent: transfers.at(-1)!.total, paused: undefined });
    expect(final.report.pauses).toHaveLength(1);
    expect(final.report.log.some((l) => /back in the safe band/.test(l.message))).toBe(true);
    expect(final.report.phases.find((p) => p.phase === 'transfer')?.outcome).toBe('warn');
  });

  it('R01 R16 on a slow device, the reading between chunks still gets a buffer: a charge leaving the band holds the transfer', async () => {
    const b = await bench();
    b.bms.setResponseDelay(150);
    const { final, transfers } = await updateWithExcursion(
      b,
      () => b.bms.battery.setSoc(150),
      () => b.bms.battery.setSoc(500)
    );
    expect(final).toMatchObject({ phase: 'done', outcome: 'updated' });
    expect(transfers.find((t) => t.paused)?.paused?.checks[0]).toMatchObject({ id: 'soc', code: 'UPDATE_SOC_OUT_OF_RANGE' });
    expect(final.report.log.some((l) => /telemetry during the transfer: SMP_TIMEOUT/.test(l.message))).toBe(false);
  });

  it('R01 a state of charge that stays out of band stops the transfer cleanly: nothing activated', async () => {
    const b = await bench();
    const before = b.bms.snapshot();
    let drained = false;
    const final = await runUpdate(
      image(),
      b.options({
        timings: { ...b.options().timings, pauseTimeoutMs: 100 },
        onState: (s) => {
          if (!drained && s.phase === 'transfer' && s.sent > 10_000) {
            drained = true;
            b.bms.battery.setSoc(150);
          }
        }
      })
    );
    expect(final).toMatchObject({ phase: 'failed', outcome: 'aborted', failedIn: 'transfer', error: { code: 'UPDATE_SOC_OUT_OF_RANGE' } });
    const after = b.bms.snapshot();
    expect(after.slots[0]).toEqual(before.slots[0]);
    expect(after.nextBoot).toBe('none');
    expect(final.report.firmwareAfter?.version).toBe('1.0.0+0');
  });

  it('R03 R15 R16 a power cut mid-upload is survived: the device comes back and the transfer starts again', async () => {
    const b = await bench();
    b.bms.powerLossAt({ uploadOffset: 30_000, restoreAfterMs: 200 });
    const states: UpdateState[] = [];
    const final = await runUpdate(image(), b.options({ onState: (s) => states.push(s) }));
    expect(final).toMatchObject({ phase: 'done', outcome: 'updated' });
    // The page is told at once that the device is gone, why, and that the tool waits for it; then that it is back.
    const transfers = states.filter((s) => s.phase === 'transfer');
    const lostAt = transfers.findIndex((s) => s.lost !== undefined);
    expect(lostAt).toBeGreaterThan(0);
    // First the stall itself (no acknowledgement), before the upload's retries are spent…
    expect(transfers[lostAt].lost).toMatchObject({ cause: expect.stringMatching(/restarted|no-answer/) });
    // …then the cause the upload observed, and how long the tool waits for the device.
    expect(transfers.find((s) => s.lost?.waitingMs !== undefined)?.lost).toMatchObject({ cause: expect.stringMatching(/restarted|no-answer/), code: expect.any(String) });
    expect(transfers.at(-1)?.lost).toBeUndefined();
    const transfer = final.report.log.filter((l) => l.phase === 'transfer').map((l) => l.message);
    // The cause observed, not a protocol refusal: the device restarted and forgot the session.
    expect(transfer.some((m) => /the device (restarted|stopped answering).* at byte \d+/.test(m)), transfer.join('\n')).toBe(true);
    expect(transfer.some((m) => /link lost at byte \d+ \(SMP_ACCESS_DENIED\)/.test(m))).toBe(false);
    expect(transfer.some((m) => /answers again/.test(m))).toBe(true);
    expect(b.bms.snapshot()).toMatchObject({ confirmed: true, securityCounter: 2 });
  });

  it('R21 a device that never comes back: the tool says it cannot know what runs, not that the previous firmware runs', async () => {
    const b = await bench();
    b.bms.powerLossAt({ uploadOffset: 30_000 });
    const final = await runUpdate(image(), b.options({ timings: { ...b.options().timings, bootTimeoutMs: 200 } }));
    // Before: "aborted: the previous firmware still runs" next to "read back: not read back".
    expect(final).toMatchObject({ phase: 'failed', outcome: 'failed', error: { code: 'UPDATE_STATE_UNKNOWN' } });
    expect(final.phase === 'failed' && final.error.detail).toMatch(/UPDATE_DEVICE_LOST/);
    expect(final.report.firmwareAfter).toBeUndefined();
    expect(readBackText(final.report)).toMatch(/^not read back: the device did not answer/);
    await b.bms.powerOn();
    await untilRunning(b.bms);
    const after = b.bms.snapshot();
    expect(after).toMatchObject({ nextBoot: 'none', confirmed: true });
    expect(after.slots[0]?.version).toBe('1.0.0+0');
  });
});
