/**
 * The fault campaign (issue 15, R15 R16 R19): the public procedure (runUpdate) against a virtual device,
 * one fault injected at a phase start or an image byte offset of the transfer, then the device read back
 * on its own, over a new cable and session, and held to the promise of the product:
 *
 *   outcome   what the user is told matches what the device says
 *   settings  the device's settings equal the backup taken before the update
 *   backup    the backup is still stored (and nothing was written without one)
 *   boots     after a power cycle it runs a valid application: the new image proven, or the old one
 *   completes after reconnecting, the same update completes
 *   ends      the run ends (no hang)
 *
 * Every run has its own seed (printed with its failures), so any run can be replayed alone.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { seededRandom } from '../../link/seeded-random';
import { parseImage } from '../../image/parse-image';
import { runUpdate } from '../run-update';
import { PHASES, type FinalState } from '../update-state';
import type { CampaignFamily, CampaignRig } from './campaign-families';
import type { FaultKind, FaultRun, InjectionPoint } from './fault-kinds';
import { untilRunning } from './virtual-bench';

export type Invariant = 'outcome' | 'settings' | 'backup' | 'boots' | 'completes' | 'ends';

export interface RunSpec {
  family: CampaignFamily;
  kind: FaultKind;
  point: InjectionPoint;
  seed: number;
}

export interface RunResult {
  spec: RunSpec;
  /** the outcome the run ended with ('none': it never ended) */
  outcome: FinalState['outcome'] | 'none';
  /** the update reached the point, so the fault was injected */
  injected: boolean;
  /** the error that ended the run, as "CODE in phase" */
  error?: string;
  failures: { invariant: Invariant; detail: string }[];
  ms: number;
}

interface ReadBack {
  running: string;
  inBootloader: boolean;
  confirmed: boolean;
  pending: boolean;
  config: Record<string, unknown>;
}

/** Phase starts a fault can land on ('fallback' only exists after a failure: the kinds reach it themselves). */
export const CAMPAIGN_PHASES = PHASES.filter((p) => p !== 'fallback');

/** Faulty updates for every family × kind: each phase start plus `offsets` byte offsets spread over the image. */
export function campaignPlan(options: { families: readonly CampaignFamily[]; kinds: readonly FaultKind[]; offsets: number; unpointedRuns: number; seed: number }): RunSpec[] {
  const specs: RunSpec[] = [];
  for (const family of options.families) {
    for (const kind of options.kinds) {
      const size = (kind.image?.(family) ?? family.image).length;
      const points: InjectionPoint[] = kind.pointed
        ? [...CAMPAIGN_PHASES.map((phase) => ({ phase })), ...Array.from({ length: options.offsets }, (_, i) => ({ offset: Math.floor(((i + 0.5) * size) / options.offsets) }))]
        : Array.from({ length: options.unpointedRuns }, () => ({ phase: 'connect' as const }));
      for (const point of points) specs.push({ family, kind, point, seed: (options.seed * 1_000_003 + specs.length * 7_919) >>> 0 });
    }
  }
  return specs;
}

const RUN_TIMEOUT_MS = 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function reached(point: InjectionPoint, state: Parameters<NonNullable<Parameters<typeof runUpdate>[1]['onState']>>[0]): boolean {
  if ('phase' in point) return state.phase === point.phase;
  return state.phase === 'transfer' && state.sent >= point.offset;
}

/** What the device says, asked afresh; retried while it boots. */
async function readBack(rig: CampaignRig): Promise<ReadBack> {
  const deadline = Date.now() + 3_000;
  for (;;) {
    try {
      const identity = await rig.session.identity();
      const slots = await rig.session.imageState();
      const config = identity.in_bootloader ? {} : await rig.session.config!.readConfig();
      return {
        running: bytesToHex(identity.fw_hash),
        inBootloader: identity.in_bootloader,
        confirmed: slots.find((s) => s.slot === 0)?.confirmed ?? false,
        pending: slots.some((s) => s.pending),
        config
      };
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(20);
    }
  }
}

/** The technician's part: faults gone, the pack back in its band, the device powered and up. */
async function clearFaults(rig: CampaignRig, pack: { socPm: number; ambientDc: number }): Promise<void> {
  const { bms } = rig;
  bms.setResponseDelay(0);
  bms.setInterfaceFault('can', false);
  bms.failFlashOperations('upload', 0);
  bms.battery.setSoc(pack.socPm);
  bms.battery.setTemperature(pack.ambientDc);
  // A supply that comes back by itself does so within a second; else the technician switches it on.
  for (let waited = 0; bms.status === 'off' && waited < 1_000; waited += 20) await sleep(20);
  if (bms.status === 'off') await bms.powerOn();
  await untilRunning(bms, 5_000, true);
  await rig.reattach();
}

/** What the device must show after the outcome the user was told; undefined when it matches. */
function outcomeMismatch(outcome: FinalState['outcome'], device: ReadBack, oldHash: string, newHash: string): string | undefined {
  const says = `device runs ${device.running === newHash ? 'new' : device.running === oldHash ? 'old' : device.running.slice(0, 12)}${device.confirmed ? ' confirmed' : ' unconfirmed'}${device.pending ? ', a swap pending' : ''}`;
  const told = outcome as string;
  // The new image runs for good (an update whose settings changed or whose last checks failed too).
  if (['updated', 'settings-changed', 'unfinished'].includes(told)) {
    return device.running === newHash && device.confirmed && !device.pending ? undefined : `told ${told}, ${says}`;
  }
  if (told === 'rolled-back') return device.running === oldHash && device.confirmed && !device.pending ? undefined : `told rolled back, ${says}`;
  if (told === 'blocked' || told === 'aborted') {
    return device.running === oldHash && !device.pending ? undefined : `told ${told} (previous image runs, nothing activated), ${says}`;
  }
  // "Not proven, use recovery" and an operator's stop promise nothing about the device.
  return undefined;
}

const sameSettings = (a: Record<string, unknown>, b: Record<string, unknown>) => JSON.stringify(a) === JSON.stringify(b);

export async function runFaultyUpdate(spec: RunSpec): Promise<RunResult> {
  const started = Date.now();
  const { family, kind, point, seed } = spec;
  const failures: RunResult['failures'] = [];
  const rig = await family.open(seed);
  const timers: ReturnType<typeof setTimeout>[] = [];
  try {
    const before = await readBack(rig);
    const pack = { socPm: rig.bms.battery.state.socPm, ambientDc: rig.bms.battery.state.ambientDc };
    const newHash = bytesToHex(parseImage(family.image).imageHash!);
    const image = kind.image?.(family) ?? family.image;
    const run: FaultRun = {
      rig,
      point,
      random: seededRandom(seed),
      abort: new AbortController(),
      later: (ms, callback) => void timers.push(setTimeout(callback, ms))
    };
    let injected = !kind.pointed;
    if ('offset' in point && kind.armAtOffset) {
      kind.armAtOffset(run, point.offset);
      injected = true;
    }
    const final = await Promise.race([
      runUpdate(
        image,
        rig.options({
          signal: run.abort.signal,
          onState: (state) => {
            if (injected || !reached(point, state)) return;
            injected = true;
            kind.inject(run);
          }
        })
      ),
      sleep(RUN_TIMEOUT_MS).then(() => undefined)
    ]);
    for (const timer of timers) clearTimeout(timer);
    if (!final) failures.push({ invariant: 'ends', detail: `no end within ${RUN_TIMEOUT_MS} ms` });
    // An offset trigger armed on the device fires only if the transfer got that far.
    if ('offset' in point && kind.armAtOffset && final && !(final.report.phases.some((p) => p.phase === 'transfer'))) injected = false;
    await clearFaults(rig, pack);

    const after = await readBack(rig);
    if (final && kind.outcomeSeen) {
      const mismatch = outcomeMismatch(final.outcome, after, before.running, newHash);
      if (mismatch) failures.push({ invariant: 'outcome', detail: mismatch });
    }
    if (!after.inBootloader && !sameSettings(after.config, before.config)) failures.push({ invariant: 'settings', detail: `settings now ${JSON.stringify(after.config)}` });
    const backupId = final?.report.backupId;
    if (backupId) {
      const stored = await rig.store.backups.get(backupId).catch(() => undefined);
      if (!stored) failures.push({ invariant: 'backup', detail: `backup ${backupId} gone` });
      else if (!sameSettings(stored.config, before.config)) failures.push({ invariant: 'backup', detail: 'the stored backup differs from the settings before the update' });
    } else if ((rig.bms.flashOps().upload ?? 0) > 0) {
      failures.push({ invariant: 'backup', detail: 'image bytes written with no backup stored' });
    }

    // Bootable: a power cycle, as the next morning's start-up; the bootloader decides alone.
    await rig.bms.powerCycle();
    await untilRunning(rig.bms, 5_000, true);
    await sleep(50);
    await rig.reattach();
    const booted = await readBack(rig);
    const valid = !booted.inBootloader && (booted.running === before.running || (booted.running === newHash && booted.confirmed));
    if (!valid) failures.push({ invariant: 'boots', detail: outcomeMismatch('updated', booted, before.running, newHash) ?? 'new image unproven' });
    if (!booted.inBootloader && !sameSettings(booted.config, before.config)) failures.push({ invariant: 'settings', detail: `settings after a power cycle ${JSON.stringify(booted.config)}` });

    // Completes: the technician reconnects and runs the same update.
    if (booted.running !== newHash || !booted.confirmed) {
      const again = await runUpdate(family.image, rig.options());
      const done = await readBack(rig);
      if (again.outcome !== 'updated' || done.running !== newHash || !done.confirmed || !sameSettings(done.config, before.config)) {
        const why = again.phase === 'failed' ? `${again.error.code} ${again.error.detail}` : again.outcome;
        failures.push({ invariant: 'completes', detail: `update again: ${why}; ${outcomeMismatch('updated', done, before.running, newHash) ?? 'settings changed'}` });
      }
    }
    const error = final?.phase === 'failed' ? `${final.error.code} in ${final.failedIn}` : undefined;
    return { spec, outcome: final?.outcome ?? 'none', injected, error, failures, ms: Date.now() - started };
  } catch (error) {
    failures.push({ invariant: 'ends', detail: `campaign step threw: ${error instanceof Error ? error.message : String(error)}` });
    return { spec, outcome: 'none', injected: true, failures, ms: Date.now() - started };
  } finally {
    for (const timer of timers) clearTimeout(timer);
    await rig.close().catch(() => {});
  }
}

/** Runs the plan `concurrency` at a time (the runs mostly wait on device timers), in plan order of results. */
export async function runCampaign(plan: readonly RunSpec[], options: { concurrency: number; onResult?: (result: RunResult, done: number) => void }): Promise<RunResult[]> {
  const results: RunResult[] = new Array(plan.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < plan.length) {
      const index = next++;
      results[index] = await runFaultyUpdate(plan[index]);
      done += 1;
      options.onResult?.(results[index], done);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  return results;
}

export function describePoint(point: InjectionPoint): string {
  return 'phase' in point ? `at ${point.phase}` : `at byte ${point.offset}`;
}
