/**
 * Device-side faults aimed at flash operations: a power cut during the Nth erase/program of a chosen
 * stage of an update (or when an upload reaches a byte offset), and program/erase failures. The device
 * installs faultHook() as the flash hook; every flash operation is counted per stage, so a test can
 * first measure an update and then cut it at any point.
 */
import type { FlashPhase } from '../mcuboot/bootloader';
import type { FlashOp, FlashVerdict } from './flash';

export type PowerLossTrigger =
  /** the `op`-th flash operation (0-based, counted from now) of `phase`, or of any stage */
  | { phase?: FlashPhase; op: number; cutAfterBytes?: number; restoreAfterMs?: number }
  /** when the upload writes past this byte of the image */
  | { uploadOffset: number; restoreAfterMs?: number };

export interface FaultState {
  phase: FlashPhase;
  /** base of the slot uploads go to, to turn absolute flash offsets into image offsets */
  uploadBase: number;
  trigger: PowerLossTrigger | undefined;
  /** the trigger that cut the power last (for its restoreAfterMs) */
  fired: PowerLossTrigger | undefined;
  /** operations of the trigger's stage seen since it was armed */
  seen: number;
  /** next N program/erase operations of this stage fail */
  failures: { phase: FlashPhase; count: number } | undefined;
  opsByPhase: Partial<Record<FlashPhase, number>>;
}

export function createFaultState(uploadBase: number): FaultState {
  return { phase: 'boot', uploadBase, trigger: undefined, fired: undefined, seen: 0, failures: undefined, opsByPhase: {} };
}

function powerCut(state: FaultState, op: FlashOp): FlashVerdict {
  const trigger = state.trigger;
  if (!trigger) return undefined;
  if ('uploadOffset' in trigger) {
    if (state.phase !== 'upload' || op.kind !== 'program') return undefined;
    const start = op.offset - state.uploadBase;
    if (start + op.length <= trigger.uploadOffset) return undefined;
    return { cutAfterBytes: Math.max(0, trigger.uploadOffset - start) };
  }
  if (trigger.phase !== undefined && trigger.phase !== state.phase) return undefined;
  state.seen += 1;
  if (state.seen - 1 !== trigger.op) return undefined;
  return { cutAfterBytes: trigger.cutAfterBytes ?? Math.floor(op.length / 2) };
}

export function faultHook(state: FaultState, op: FlashOp): FlashVerdict {
  state.opsByPhase[state.phase] = (state.opsByPhase[state.phase] ?? 0) + 1;
  const cut = powerCut(state, op);
  if (cut) {
    state.fired = state.trigger;
    state.trigger = undefined;
    return cut;
  }
  const failures = state.failures;
  if (failures && failures.phase === state.phase && failures.count > 0) {
    failures.count -= 1;
    return { writeError: true };
  }
  return undefined;
}
