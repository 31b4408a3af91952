/**
 * `npm run faults`: the fault campaign (issue 15). Every fault kind at every phase start and at
 * --offsets byte offsets of the transfer, for every family that can be flashed; prints the table and
 * writes it to docs/reliability.md (a full, unfiltered run only). Exit status 1 on any invariant failure.
 *
 *   npm run faults -- [--offsets 100] [--unpointed 10] [--seed 1] [--concurrency 4] [--kind id,id]
 *   npm run faults -- --kind power-loss --point test-boot|byte:2781 --run-seed N     (replay one run)
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { CAMPAIGN_FAMILIES } from '../src/lib/core/update/testing/campaign-families';
import { formatFailures, formatTable, summarise } from '../src/lib/core/update/testing/campaign-report';
import { campaignPlan, describePoint, runCampaign, type RunSpec } from '../src/lib/core/update/testing/fault-campaign';
import { FAULT_KINDS } from '../src/lib/core/update/testing/fault-kinds';
import type { InjectionPoint } from '../src/lib/core/update/testing/fault-kinds';
import type { PhaseName } from '../src/lib/core/update/update-state';

const { values } = parseArgs({
  options: {
    offsets: { type: 'string', default: '100' },
    unpointed: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '4' },
    kind: { type: 'string' },
    point: { type: 'string' },
    'run-seed': { type: 'string' }
  }
});

const kindIds = values.kind?.split(',');
const unknown = kindIds?.filter((id) => !FAULT_KINDS.some((k) => k.id === id)) ?? [];
if (unknown.length > 0) {
  console.error(`unknown fault kind(s): ${unknown.join(', ')}; available: ${FAULT_KINDS.map((k) => k.id).join(', ')}`);
  process.exit(2);
}
const kinds = kindIds ? FAULT_KINDS.filter((k) => kindIds.includes(k.id)) : FAULT_KINDS;

function replayPlan(point: string, seed: number): RunSpec[] {
  const at: InjectionPoint = point.startsWith('byte:') ? { offset: Number(point.slice(5)) } : { phase: point as PhaseName };
  return CAMPAIGN_FAMILIES.flatMap((family) => kinds.map((kind) => ({ family, kind, point: at, seed })));
}

const replay = values.point !== undefined && values['run-seed'] !== undefined;
const plan = replay
  ? replayPlan(values.point!, Number(values['run-seed']))
  : campaignPlan({ families: CAMPAIGN_FAMILIES, kinds, offsets: Number(values.offsets), unpointedRuns: Number(values.unpointed), seed: Number(values.seed) });
const concurrency = Number(values.concurrency);

console.log(`fault campaign: ${plan.length} faulty updates, ${CAMPAIGN_FAMILIES.length} famil${CAMPAIGN_FAMILIES.length === 1 ? 'y' : 'ies'}, ${kinds.length} fault kinds, ${concurrency} at a time`);
const started = Date.now();
const results = await runCampaign(plan, {
  concurrency,
  onResult: (result, done) => {
    if (replay) console.log(`${result.spec.kind.id} ${describePoint(result.spec.point)}: ${result.outcome}${result.error ? ` (${result.error})` : ''}, ${result.ms} ms`);
    if (result.failures.length > 0) console.log(`FAIL ${formatFailures([result])[0]}`);
    else if (done % 50 === 0) console.log(`  ${done}/${plan.length} (${Math.round((Date.now() - started) / 1000)} s)`);
  }
});
const wallS = Math.round((Date.now() - started) / 1000);
const table = formatTable(summarise(results));
const failures = formatFailures(results);
console.log(`\n${table}\n\nwall time ${wallS} s`);
if (failures.length > 0) console.log(`\n${failures.length} failing run(s):\n${failures.join('\n')}`);

if (!replay && !kindIds) {
  const command = `npm run faults -- --offsets ${values.offsets} --unpointed ${values.unpointed} --seed ${values.seed} --concurrency ${concurrency}`;
  const machine = `${cpus().length} cores, load average ${loadavg()[0].toFixed(1)} at the end (shared with other jobs)`;
  writeFileSync(
    'docs/reliability.md',
    `# Reliability: the fault campaign

The promise: no fault during an update leaves a battery unbootable or loses its settings. The campaign
(\`scripts/faults.ts\`, \`src/lib/core/update/testing/fault-campaign.ts\`) runs the real procedure
(\`runUpdate\`) against the virtual BMS, injects one fault per run, then reads the device back over a new
cable and session and checks:

- **outcome**: what the user is told matches the device (updated: new image confirmed; rolled back: old
  image confirmed, nothing pending; blocked / aborted: old image, nothing activated; "not proven" promises
  nothing and sends the user to recovery). Not checked for a reloaded tab or a killed CLI: nobody is told.
- **settings**: the device's settings equal those before the update (a commissioned, non-default set).
- **backup**: the backup is still stored and equals them; no image byte is written without one.
- **boots**: after a power cycle the device runs an application: the old image, or the new one proven
  (confirmed).
- **completes**: after reconnecting, the same update ends \`updated\` with the settings kept.
- **ends**: the run ends (no hang).

Points: every phase start (the fault lands as the phase begins) and ${values.offsets} image byte offsets spread
over the transfer; a power loss at an offset cuts the supply in the middle of the flash program holding
that byte. Image-borne faults (boot loop) have no point: ${values.unpointed} runs. A fault at a point the run never
reaches (e.g. the report of a run blocked earlier) is counted in *runs* but not in *injected*.
Each run has its own seed: a failing run prints the command that replays it alone.

Modelled, not real: a reloaded tab is the run stopped (abort signal) with the port closed, then a new run
with the same stores; a killed CLI is the port closed first, then the run stopped. The campaign's
families: today our BMS (SMP over MCUboot swap with revert, fallback bank). Stock mcumgr and LibreSolar
(ThingSet DFU) join as entries of \`campaign-families.ts\` once their sessions sit behind the family seam;
a family without a fallback bank is shown with its failures marked, the pre-flight warning being the
mitigation. \`npm test\` runs a short version (\`fault-campaign.test.ts\`).

Produced by \`${command}\` — ${plan.length} faulty updates in ${wallS} s wall time on ${machine}.

${table}
${failures.length > 0 ? `\n## Failing runs\n\nEach line names the invariant broken and the command that replays the run alone.\n\n\`\`\`\n${failures.join('\n')}\n\`\`\`\n` : ''}`
  );
  console.log('\nwritten to docs/reliability.md');
}
process.exit(failures.length > 0 ? 1 : 0);
