/**
 * The truth at the end of a run: what the device runs, read back after the event, and the outcome
 * judged from that reading, never from the path the procedure took (a cancel, a fallback that could
 * not prove itself, a lost link all end here). Before reading, the device is left to finish what it
 * does by itself: a new image still on test runs its self-test, then confirms itself or resets so the
 * bootloader reverts (firmware-runtime.ts). Reading earlier would report a state about to change.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { toErrorData, type ErrorData } from '../errors';
import { sameBytes } from '../image/same-bytes';
import type { BmsIdentity } from '../protocol/smp/groups/bms-group';
import { lostInTransit, reachDevice, waitForDevice } from './device-contact';
import type { ImageSlot } from '../family/device-session';
import type { UpdateContext } from './update-context';
import type { UpdateOutcome } from './update-state';
import { render, text, type Text } from '../../i18n/translate';

/** Which image runs, against the two the run knows: the one before it, and the package. */
export type Running = 'previous' | 'package' | 'other' | 'bootloader';

export interface ReadBack {
  at: string;
  identity: BmsIdentity;
  runs: Running;
  /** the running image is confirmed (it stays across a reset) */
  confirmed: boolean;
  slots: ImageSlot[];
}

/**
 * Reads what runs now. `wait`: after a write, a silent device is waited for (it may be rebooting);
 * before any write a silent device is simply not read. Undefined when the device did not answer.
 */
export async function readBack(ctx: UpdateContext, wait: boolean): Promise<ReadBack | undefined> {
  try {
    let identity = wait ? await afterAnyReset(ctx) : await ctx.session.identity();
    // A firmware without a self-test report confirms nothing by itself: it is read as it runs.
    if (runsPackage(ctx, identity) && wait && ctx.session.reports) identity = await letSelfTestSettle(ctx, identity);
    const slots = await ctx.session.imageState();
    const active = slots.find((s) => s.active);
    const runs = classify(ctx, identity);
    return { at: ctx.iso(), identity, runs, confirmed: runs !== 'bootloader' && active?.confirmed === true, slots };
  } catch (error) {
    const { code, detail } = toErrorData(error);
    ctx.log('warn', text('log.readBackFailed', { code }), detail);
    return undefined;
  }
}

/**
 * A reset the tool asked for may still be on its way when a stop cut the wait short: the device then
 * answers from its old boot for a moment. The session knows a reset is pending and waits for the new
 * boot; a device that never reboots is read as it answers.
 */
async function afterAnyReset(ctx: UpdateContext): Promise<BmsIdentity> {
  try {
    return await waitForDevice(ctx, text('log.why.readingBack'));
  } catch (error) {
    ctx.log('warn', text('log.readBackLate'), toErrorData(error).detail);
    return ctx.session.identity();
  }
}

function runsPackage(ctx: UpdateContext, identity: BmsIdentity): boolean {
  return !identity.in_bootloader && ctx.verified !== undefined && sameBytes(identity.fw_hash, ctx.verified.digest);
}

function classify(ctx: UpdateContext, identity: BmsIdentity): Running {
  if (identity.in_bootloader) return 'bootloader';
  if (runsPackage(ctx, identity)) return 'package';
  if (ctx.before && sameBytes(identity.fw_hash, ctx.before.fw_hash)) return 'previous';
  return 'other';
}

/**
 * The new image runs: wait for its own self-test (it then confirms itself, or resets to revert), so
 * the state read back is the one the device keeps. A firmware that leaves confirmation to the tool
 * stays on test, and is read as such.
 */
async function letSelfTestSettle(ctx: UpdateContext, identity: BmsIdentity): Promise<BmsIdentity> {
  const deadline = ctx.now() + ctx.timings.selfTestTimeoutMs + ctx.timings.bootTimeoutMs;
  for (;;) {
    try {
      const report = await ctx.session.reports!.selfTest();
      const active = (await ctx.session.imageState()).find((s) => s.active);
      if (report.done && (report.pass || active?.confirmed)) return ctx.session.identity();
    } catch (error) {
      if (!lostInTransit(error)) throw error;
    }
    if (ctx.now() >= deadline) return reachDevice(ctx, text('log.why.readingBack'));
    await ctx.wait(ctx.timings.selfTestPollMs);
    // A failed self-test resets the device for the revert: the reading follows it.
    const now = await reachDevice(ctx, text('log.why.readingBack'));
    if (!runsPackage(ctx, now)) return now;
  }
}

/** What happened on the way, as the procedure saw it; the read-back decides what it means. */
export interface RunFacts {
  /** where the procedure stopped: before any write, in the install, in the acceptance, or not at all */
  stoppedIn?: 'before-write' | 'install' | 'acceptance' | 'return-to-service';
  /** the operator stopped it (Ctrl-C, SIGTERM, the Stop button) */
  cancelled: boolean;
  readBack?: ReadBack;
  configChanged: boolean;
  /** false: the device has no fallback bank, so a failed acceptance never rolled anything back */
  fallbackBank?: boolean;
}

export interface Judgement {
  outcome: UpdateOutcome;
  /** the error the outcome carries when the path's own error does not say it */
  error?: ErrorData;
}

export function judgeOutcome(f: RunFacts): Judgement {
  const written = f.stoppedIn !== 'before-write';
  if (!written) return { outcome: f.cancelled ? 'cancelled' : 'blocked' };
  const rb = f.readBack;
  if (!rb) {
    const why = f.cancelled ? 'after the stop' : 'at the end of the run';
    return { outcome: 'failed', error: { code: 'UPDATE_STATE_UNKNOWN', detail: `no answer from the device ${why}: which firmware runs is not known` } };
  }
  const known = rb.confirmed && (rb.runs === 'previous' || rb.runs === 'package');
  if (f.cancelled && (known || rb.runs === 'package')) return { outcome: 'cancelled' };
  if (!known) return { outcome: 'failed', error: { code: 'UPDATE_FALLBACK_UNPROVEN', detail: `read back: ${render(describeRunning(rb), 'en')}` } };
  if (rb.runs === 'package') {
    if (f.stoppedIn === undefined) return { outcome: f.configChanged ? 'settings-changed' : 'updated' };
    return { outcome: 'unfinished' };
  }
  if (f.stoppedIn === undefined) {
    return { outcome: 'failed', error: { code: 'UPDATE_CONFIRM_FAILED', detail: `read back after the update: ${render(describeRunning(rb), 'en')}` } };
  }
  // Without a fallback bank the previous image still running means the new one never started: nothing
  // was rolled back, and nothing is claimed.
  if (f.stoppedIn === 'install' || f.fallbackBank === false) return { outcome: 'aborted' };
  // The previous image runs, but a new one still marked for a test boot would be tried at the next reset:
  // that is no proven rollback (found by the fault campaign: a reset or its answer lost to bit errors).
  if (pendingVersion(rb)) {
    return { outcome: 'failed', error: { code: 'UPDATE_FALLBACK_UNPROVEN', detail: `read back: ${render(describeRunning(rb), 'en')}` } };
  }
  return { outcome: 'rolled-back' };
}

/** "1.4.0+0 (3f2a…), confirmed" — one line of what was read back. */
export function describeRunning(rb: ReadBack): Text {
  if (rb.runs === 'bootloader') return text('readBack.bootloader');
  const confirmed = text(rb.confirmed ? 'readBack.confirmed' : 'readBack.onTest');
  const pending = pendingVersion(rb);
  const state = pending ? text('readBack.pending', { state: confirmed, version: pending }) : confirmed;
  return text('readBack.identity', { version: rb.identity.fw_version, hash: bytesToHex(rb.identity.fw_hash).slice(0, 16), state });
}

/** The image the bootloader will try at the next reset, when one is marked (a stop between mark and reset). */
export function pendingVersion(rb: ReadBack): string | undefined {
  return rb.slots.find((s) => !s.active && s.pending)?.version;
}
