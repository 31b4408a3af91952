import { describe, expect, it } from 'vitest';
import { makeTestFirmware } from '../../core/virtual-bms/firmware-behaviour';
import { runUpdate } from '../../core/update/run-update';
import { createBench } from '../../core/update/testing/virtual-bench';
import type { PhaseRecord, UpdateState } from '../../core/update/update-state';
import { formatDuration } from '../../core/format';
import { canCancel, mustNotUnplug, phaseRows, rebootSequence, transferView } from './update-view';

describe('update view', () => {
  it('R16 R17 follows a real update of the virtual BMS: phases, progress, reboot sequence, safe points', async () => {
    const bench = await createBench();
    const states: { state: UpdateState; timeline: readonly PhaseRecord[] }[] = [];
    try {
      const final = await runUpdate(
        makeTestFirmware({ version: '1.1.0', securityCounter: 2, size: 8192 }),
        bench.options({ onState: (state, timeline) => states.push({ state, timeline }) })
      );
      expect(final.phase).toBe('done');
    } finally {
      await bench.close();
    }

    const transfers = states.flatMap(({ state }) => (state.phase === 'transfer' ? [transferView(state)] : []));
    expect(transfers.length).toBeGreaterThan(2);
    expect(transfers.map((t) => t.sent)).toEqual([...transfers.map((t) => t.sent)].sort((a, b) => a - b));
    expect(transfers.at(-1)).toMatchObject({ percent: 100, etaSeconds: 0, restarts: 0 });
    expect(transfers.every((t) => t.percent >= 0 && t.percent <= 100)).toBe(true);

    const during = states.find(({ state }) => state.phase === 'transfer')!;
    const rows = phaseRows(during.timeline, false);
    expect(rows.find((r) => r.phase === 'backup')).toMatchObject({ status: 'ok' });
    expect(rows.find((r) => r.phase === 'transfer')).toMatchObject({ status: 'running' });
    expect(rows.find((r) => r.phase === 'self-test')).toEqual({ phase: 'self-test', status: 'pending' });
    expect(rows.map((r) => r.phase)).not.toContain('fallback');

    const boot = states.flatMap(({ state }) => (state.phase === 'test-boot' && state.events.length > 0 ? [state.events] : []));
    expect(rebootSequence(boot[0]).map((s) => s.done)).toEqual([true, true, true]);

    const last = states.at(-1)!;
    const finalRows = phaseRows(last.timeline, true);
    expect(finalRows.every((r) => r.status === 'ok' || r.status === 'warn')).toBe(true);
    expect(finalRows.map((r) => r.phase)).toContain('balance-check');

    expect(states.filter(({ state }) => mustNotUnplug(state.phase)).map(({ state }) => state.phase)).toContain('transfer');
    expect(canCancel('transfer')).toBe(true);
    // Issue 16: a stop is a state of its own at every phase, only the fallback cannot be stopped.
    expect(canCancel('test-boot')).toBe(true);
    expect(canCancel('fallback')).toBe(false);
    expect(mustNotUnplug('backup')).toBe(false);
  });

  it('R17 the reboot steps count only in order', () => {
    const at = (phase: string, t_ms: number) => ({ phase, t_ms, detail: '' });
    expect(rebootSequence([at('reset', 0), at('firmware_loaded', 5), at('protections_off', 9)])).toEqual([
      { step: 'protections_off', atMs: 9, done: true },
      { step: 'firmware_loaded', done: false },
      { step: 'protections_on', done: false }
    ]);
    expect(rebootSequence([])).toEqual([
      { step: 'protections_off', done: false },
      { step: 'firmware_loaded', done: false },
      { step: 'protections_on', done: false }
    ]);
  });

  it('a phase left open when the operation ended counts as failed; fallback shows once it ran', () => {
    const timeline: PhaseRecord[] = [
      { phase: 'connect', startedAt: 'a', endedAt: 'b', outcome: 'ok', durationMs: 1 },
      { phase: 'test-boot', startedAt: 'c' },
      { phase: 'fallback', startedAt: 'd', endedAt: 'e', outcome: 'ok', durationMs: 3 }
    ];
    expect(phaseRows(timeline, true).map((r) => [r.phase, r.status])).toEqual([
      ['connect', 'ok'],
      ['test-boot', 'failed'],
      ['fallback', 'ok']
    ]);
    expect(transferView({ phase: 'transfer', sent: 0, total: 100, bytesPerSecond: 0, restarts: 1 })).toEqual({
      sent: 0, total: 100, percent: 0, bytesPerSecond: 0, etaSeconds: undefined, restarts: 1, held: false
    });
    // R16 issue 16: while the device is lost the countdown stops; it does not keep promising "11 s left".
    const lost = { cause: 'restarted', code: 'SMP_ACCESS_DENIED', since: '2026-01-01T00:00:00Z', waitingMs: 60_000 } as const;
    expect(transferView({ phase: 'transfer', sent: 8145, total: 20_000, bytesPerSecond: 1000, restarts: 1, lost })).toMatchObject({ held: true, etaSeconds: undefined });
    expect(transferView({ phase: 'transfer', sent: 8145, total: 20_000, bytesPerSecond: 1000, restarts: 1 })).toMatchObject({ held: false, etaSeconds: 12 });
    expect([formatDuration(4.4), formatDuration(65), formatDuration(-3)]).toEqual(['4 s', '1 min 05 s', '0 s']);
  });
});
