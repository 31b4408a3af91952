/**
 * R15 R16 R19: the short fault campaign of `npm test` — every fault kind, on every family that can be
 * flashed, at a phase start and at a transfer offset (the full campaign, `npm run faults`, takes every
 * phase and 100 offsets). A failing run prints the command that replays it alone.
 */
import { describe, expect, it } from 'vitest';
import { CAMPAIGN_FAMILIES } from './campaign-families';
import { formatFailures } from './campaign-report';
import { runCampaign, runFaultyUpdate, type RunSpec } from './fault-campaign';
import { FAULT_KINDS, type FaultKind } from './fault-kinds';

/** The phases where a fault does the most: around the writes and the activation. */
const SAMPLE_PHASES = ['backup', 'verify-on-device', 'test-boot', 'self-test', 'confirm', 'config-check'] as const;

function sample(): RunSpec[] {
  return CAMPAIGN_FAMILIES.flatMap((family) =>
    FAULT_KINDS.flatMap((kind, k): RunSpec[] => {
      const seed = 1_000 + k;
      if (!kind.pointed) return [{ family, kind, point: { phase: 'connect' }, seed }];
      const offset = Math.floor(((k + 0.5) * family.image.length) / FAULT_KINDS.length);
      return [
        { family, kind, point: { phase: SAMPLE_PHASES[k % SAMPLE_PHASES.length] }, seed },
        { family, kind, point: { offset }, seed: seed + 100 }
      ];
    })
  );
}

describe('fault campaign (short)', () => {
  it('R15 R16 R19 every fault kind at a phase start and mid-transfer: bootable, settings and backup kept, outcome true, update completes', async () => {
    const results = await runCampaign(sample(), { concurrency: 4 });
    expect(formatFailures(results)).toEqual([]);
    // The faults landed: each kind was injected in at least one run that got as far as its point.
    for (const kind of FAULT_KINDS) expect(results.some((r) => r.spec.kind === kind && r.injected), kind.id).toBe(true);
    // And they mattered: the sample sees the procedure hold, stop and fall back, not only succeed.
    const outcomes = new Set(results.map((r) => r.outcome));
    for (const outcome of ['updated', 'rolled-back', 'aborted'] as const) expect(outcomes).toContain(outcome);
    // A run stopped before any write is 'blocked' by a check or 'cancelled' by a stop (the reloaded tab, the killed CLI).
    expect(outcomes.has('blocked') || outcomes.has('cancelled')).toBe(true);
  }, 180_000);

  it('R15 the campaign catches a lost backup: a fault that deletes it fails the backup invariant', async () => {
    const loseBackups: FaultKind = {
      id: 'lose-backups',
      label: 'backups deleted (checker control)',
      pointed: true,
      outcomeSeen: true,
      inject: (run) => void run.rig.store.backups.list().then((all) => Promise.all(all.map((b) => run.rig.store.backups.delete(b.id))))
    };
    const result = await runFaultyUpdate({ family: CAMPAIGN_FAMILIES[0], kind: loseBackups, point: { phase: 'transfer' }, seed: 7 });
    expect(result.failures.map((f) => f.invariant)).toContain('backup');
  }, 60_000);

});
