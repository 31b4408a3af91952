/** The fault campaign's figures: one row per family × fault kind, as printed and as docs/reliability.md shows them. */
import { describePoint, type RunResult } from './fault-campaign';

export interface CampaignRow {
  family: string;
  fallbackBank: boolean;
  kind: string;
  runs: number;
  /** runs where the update reached the point (a fault at the report phase of a run blocked earlier never lands) */
  injected: number;
  /** by outcome, as the procedure names them ('none': the run never ended) */
  outcomes: Record<string, number>;
  /** runs with at least one invariant failure */
  failed: number;
}

export function summarise(results: readonly RunResult[]): CampaignRow[] {
  const rows = new Map<string, CampaignRow>();
  for (const result of results) {
    const { family, kind } = result.spec;
    const key = `${family.name}\u0000${kind.id}`;
    let row = rows.get(key);
    if (!row) {
      row = { family: family.name, fallbackBank: family.fallbackBank, kind: kind.label, runs: 0, injected: 0, outcomes: {}, failed: 0 };
      rows.set(key, row);
    }
    row.runs += 1;
    if (result.injected) row.injected += 1;
    row.outcomes[result.outcome] = (row.outcomes[result.outcome] ?? 0) + 1;
    if (result.failures.length > 0) row.failed += 1;
  }
  return [...rows.values()];
}

export function formatTable(rows: readonly CampaignRow[]): string {
  const lines = [
    '| family | fault | runs | injected | updated | rolled back | aborted / cancelled | blocked | not proven | invariant failures |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|'
  ];
  for (const r of rows) {
    const n = (...names: string[]) => names.reduce((sum, name) => sum + (r.outcomes[name] ?? 0), 0);
    // Without a fallback bank "new image proven or the old one" cannot hold after a fault in the swap: the pre-flight warns.
    const failures = r.fallbackBank ? String(r.failed) : `${r.failed} (no fallback bank: pre-flight warning)`;
    lines.push(`| ${r.family} | ${r.kind} | ${r.runs} | ${r.injected} | ${n('updated', 'settings-changed', 'unfinished')} | ${n('rolled-back')} | ${n('aborted', 'cancelled')} | ${n('blocked')} | ${n('failed', 'none')} | ${failures} |`);
  }
  const total = rows.reduce((sum, r) => ({ runs: sum.runs + r.runs, injected: sum.injected + r.injected, failed: sum.failed + r.failed }), { runs: 0, injected: 0, failed: 0 });
  lines.push(`| **all** | | **${total.runs}** | **${total.injected}** | | | | | | **${total.failed}** |`);
  return lines.join('\n');
}

/** One line per failing run, with what replays it alone. */
export function formatFailures(results: readonly RunResult[]): string[] {
  return results
    .filter((r) => r.failures.length > 0)
    .map((r) => {
      const point = 'phase' in r.spec.point ? r.spec.point.phase : `byte:${r.spec.point.offset}`;
      const what = r.failures.map((f) => `${f.invariant}: ${f.detail}`).join('; ');
      return `${r.spec.family.name} / ${r.spec.kind.id} ${describePoint(r.spec.point)} (outcome ${r.outcome}) — ${what}\n    replay: npm run faults -- --kind ${r.spec.kind.id} --point ${point} --run-seed ${r.spec.seed}`;
    });
}
