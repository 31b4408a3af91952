/**
 * The BMS bootloader's run after a reset, in MCUboot's order (loader.c context_boot_go): finish a swap
 * a power cut interrupted; otherwise read the swap type from the trailers, validate a pending image
 * (an invalid one is erased, as boot_validate_slot does) and swap or revert; then validate the primary
 * image and raise the stored security counter when that image is confirmed. Nothing bootable → stay in
 * the bootloader (serial recovery, R22). Each step is logged with its simulated time (R17).
 */
import type { BootEvent } from '../../protocol/smp/groups/bms-group';
import type { ParsedImage } from '../../image/image-types';
import { readImageLayout } from '../../image/image-layout';
import { formatVersion } from '../../image/version';
import { SwapType, readSwapState, swapTypeOf, writeImageOk } from './boot-trailer';
import type { FlashArea, FlashLayout } from '../flash/flash-layout';
import { checkImage, type BootPolicy } from './image-check';
import { finishSwap, isStatusReset, lastIndexFor, readBootStatus, swapRun, type BootStatus } from './swap-move';
import { raiseSecurityCounter, readTrusted } from './trusted-storage';

/** Which code is writing flash, so a power cut can be aimed at one stage of an update. */
export type FlashPhase = 'upload' | 'erase' | 'pending' | 'swap' | 'boot' | 'confirm' | 'config' | 'trusted';

/** Why the MCU last reset, as its reset-reason register says (it survives a soft reset, not a power cut). */
export type ResetReason = 'power_on' | 'software' | 'watchdog';

export interface BootEnvironment {
  layout: FlashLayout;
  policy: BootPolicy;
  resetReason: ResetReason;
  /** the recovery button (MCUboot's detect pin) held during reset */
  recoveryButton: boolean;
  /**
   * false: a bootloader that never swaps (a board without MCUboot's upgrade support): a pending image
   * stays pending in slot 1 and slot 0 runs again, so only a read-back shows the update did not happen.
   */
  swap?: boolean;
  setPhase(phase: FlashPhase): void;
}

export interface BootResult {
  mode: 'app' | 'recovery';
  events: BootEvent[];
  /** simulated time from reset until the bootloader jumps to the application or opens recovery */
  elapsedMs: number;
  running?: { image: ParsedImage; signer: string };
}

/** An MCU hashing ~100 KiB and checking one Ed25519 signature. */
const VALIDATE_MS = 30;
const STEP_MS = 2;

const SWAP_NAMES: Record<number, string> = {
  [SwapType.TEST]: 'test swap',
  [SwapType.PERM]: 'permanent swap',
  [SwapType.REVERT]: 'revert'
};

function slotVersion(area: FlashArea): string {
  try {
    return formatVersion(readImageLayout(area.view()).header.version);
  } catch {
    return 'no image';
  }
}

function slotImageSize(area: FlashArea): number {
  try {
    return readImageLayout(area.view()).imageEnd;
  } catch {
    return 0;
  }
}

class BootLog {
  readonly events: BootEvent[] = [];
  t = 0;
  readonly #layout: FlashLayout;
  constructor(layout: FlashLayout) {
    this.#layout = layout;
  }
  add(phase: string, detail: string, costMs = STEP_MS): void {
    this.t += costMs + this.#layout.flash.takeBusyMs();
    this.events.push({ t_ms: Math.round(this.t), phase, detail });
  }
}

export async function runBootloader(env: BootEnvironment): Promise<BootResult> {
  const { layout } = env;
  const log = new BootLog(layout);
  layout.flash.takeBusyMs();
  log.add('protections_off', 'bootloader running: protection firmware stopped, hardware protector IC only');
  if (env.recoveryButton) {
    log.add('recovery', 'recovery button held: serial recovery, no image is checked or swapped');
    return { mode: 'recovery', events: log.events, elapsedMs: log.t };
  }
  if (env.swap === false) {
    log.add('swap', 'this bootloader does not swap: slot 1 is left as it is');
    return bootPrimary(env, log);
  }
  env.setPhase('swap');
  const bs = readBootStatus(layout.primary, layout.secondary);
  if (!isStatusReset(bs)) {
    const name = SWAP_NAMES[bs.swapType] ?? 'swap';
    swapRun(layout.primary, layout.secondary, bs);
    finishSwap(layout.primary, bs.swapType);
    log.add(bs.swapType === SwapType.REVERT ? 'revert' : 'swap', `resumed the ${name} a reset interrupted and completed it`);
  } else {
    await startSwap(env, log, bs);
  }
  return bootPrimary(env, log);
}

/**
 * boot_prepare_image_for_update without a partial swap: the swap type recorded in the primary trailer
 * (a swap that started but wrote no step yet) or else the one the trailers ask for; the image to swap in
 * is validated first (also for a revert), and an invalid one is erased.
 */
async function startSwap(env: BootEnvironment, log: BootLog, bs: BootStatus): Promise<void> {
  const { primary, secondary } = env.layout;
  const restarted = bs.swapType !== SwapType.NONE;
  const type = restarted ? bs.swapType : swapTypeOf(readSwapState(primary), readSwapState(secondary));
  if (type === SwapType.NONE) return;
  const from = slotVersion(primary);
  const to = slotVersion(secondary);
  const stored = readTrusted(env.layout.trusted).securityCounter;
  const verdict = await checkImage(secondary.view(), env.policy, stored);
  if (!verdict.ok) {
    log.add('image_check', `slot 1 (${to}) is not valid`, VALIDATE_MS);
    if (!secondary.isErased()) secondary.erase();
    // BOOT_SWAP_TYPE_FAIL: pretend the revert happened so the running image is not reverted again.
    if (restarted && readSwapState(primary).imageOk === 'unset') writeImageOk(primary);
    log.add('image_rejected', `${verdict.code}: ${verdict.detail}; slot 1 erased, ${from} keeps running`);
    return;
  }
  log.add('image_check', `slot 1 ${to} valid: signed by ${verdict.signer}`, VALIDATE_MS);
  if (type === SwapType.REVERT && env.resetReason === 'watchdog') {
    log.add('boot_loop', `${from} reset (watchdog) before confirming itself`);
  }
  bs.swapType = type;
  bs.swapSize = Math.max(slotImageSize(primary), slotImageSize(secondary));
  if (!swapRun(primary, secondary, bs)) {
    log.add('image_rejected', `DEVICE_IMAGE_NO_SWAP_SPACE: ${bs.swapSize} bytes need more sectors than the swap can move`);
    return;
  }
  finishSwap(primary, type);
  const sectors = lastIndexFor(primary, bs.swapSize);
  if (type === SwapType.REVERT) {
    log.add('revert', `${from} was not confirmed: ${to} restored to slot 0 (${sectors} sectors)`);
  } else {
    log.add('swap', `${SWAP_NAMES[type]}: ${to} into slot 0, ${from} kept in slot 1 (${sectors} sectors)`);
  }
}

async function bootPrimary(env: BootEnvironment, log: BootLog): Promise<BootResult> {
  const { primary, trusted } = env.layout;
  const stored = readTrusted(trusted).securityCounter;
  const verdict = await checkImage(primary.view(), env.policy, stored);
  const version = slotVersion(primary);
  if (!verdict.ok) {
    log.add('image_check', `slot 0 (${version}) is not valid`, VALIDATE_MS);
    log.add('image_rejected', `${verdict.code}: ${verdict.detail}; nothing bootable, serial recovery`);
    return { mode: 'recovery', events: log.events, elapsedMs: log.t };
  }
  log.add('image_check', `slot 0 ${version} valid: signed by ${verdict.signer}`, VALIDATE_MS);
  // boot_update_hw_rollback_protection: only once the image is confirmed, so a revert stays possible.
  const state = readSwapState(primary);
  if (state.magic !== 'good' || state.imageOk === 'set') {
    env.setPhase('boot');
    const counter = verdict.image.securityCounter ?? 0;
    if (raiseSecurityCounter(trusted, counter)) log.add('image_check', `stored security counter raised to ${counter}`);
  }
  log.add('firmware_loaded', `jumping to ${version}`);
  return { mode: 'app', events: log.events, elapsedMs: log.t, running: { image: verdict.image, signer: verdict.signer } };
}
