/**
 * MCUboot's swap-using-move algorithm (boot/bootutil/src/swap_move.c), step for step, so a power cut at
 * any flash operation resumes at the next boot exactly as on hardware:
 *   1. move: the primary's sectors shift up by one (the last one into the spare sector above the image);
 *   2. swap: for each sector i, the new image's sector i goes to primary[i] and the old sector i (now at
 *      primary[i + 1]) goes to secondary[i].
 * A destination is erased only once its content exists elsewhere, and a status entry is written in the
 * primary trailer after each copy; the trailer sectors themselves are never moved.
 */
import type { FlashArea } from '../flash/flash-layout';
import {
  SwapType,
  eraseTrailerSectors,
  writeCopyDone,
  firstTrailerSector,
  lastStatusEntry,
  moveEntries,
  readSwapSize,
  readSwapState,
  writeImageOk,
  writeMagic,
  writeStatusEntry,
  writeSwapInfo,
  writeSwapSize
} from './boot-trailer';

export interface BootStatus {
  op: 'move' | 'swap';
  /** 1-based sector step (BOOT_STATUS_IDX_0 = 1) */
  idx: number;
  /** 1-based state within the step (BOOT_STATUS_STATE_0 = 1) */
  state: number;
  swapType: SwapType;
  swapSize: number;
  /** 'primary' when the primary trailer holds an unfinished swap's status */
  source: 'primary' | 'none';
}

/** boot_status_is_reset: no step recorded, so there is nothing to resume. */
export function isStatusReset(bs: BootStatus): boolean {
  return bs.op === 'move' && bs.idx === 1 && bs.state === 1;
}

/** swap_read_status: where an interrupted swap stopped, from the primary trailer. */
export function readBootStatus(primary: FlashArea, secondary: FlashArea): BootStatus {
  const pri = readSwapState(primary);
  const sec = readSwapState(secondary);
  const inProgress = pri.magic === 'good' && pri.copyDone === 'unset' && sec.magic !== 'good';
  const bs: BootStatus = { op: 'move', idx: 1, state: 1, swapType: SwapType.NONE, swapSize: 0, source: 'none' };
  if (!inProgress) return bs;
  bs.source = 'primary';
  const found = lastStatusEntry(primary);
  const moves = moveEntries(primary);
  if (found > 0 && found < moves) {
    bs.idx = found + 1;
  } else if (found >= moves) {
    const done = found - moves;
    bs.op = 'swap';
    bs.idx = Math.floor(done / 2) + 1;
    bs.state = (done % 2) + 1;
  }
  bs.swapType = pri.swapType;
  bs.swapSize = readSwapSize(primary);
  return bs;
}

/** Sector steps the swap needs (find_last_idx): at least one. */
export function lastIndexFor(area: FlashArea, swapSize: number): number {
  return Math.max(1, Math.ceil(swapSize / area.sectorSize));
}

/** Whether an image of this size leaves the spare sector below the trailer (swap_run's space check). */
export function fitsSwap(area: FlashArea, swapSize: number): boolean {
  return lastIndexFor(area, swapSize) < firstTrailerSector(area);
}

/**
 * Runs (or resumes) the swap. Returns false, changing nothing, when a new swap would not fit
 * ("Not enough free space to run swap upgrade").
 */
export function swapRun(primary: FlashArea, secondary: FlashArea, bs: BootStatus): boolean {
  const lastIdx = lastIndexFor(primary, bs.swapSize);
  if (isStatusReset(bs) && !fitsSwap(primary, bs.swapSize)) return false;
  fixupRevert(secondary, bs);
  if (bs.op === 'move') {
    for (let idx = lastIdx; idx > 0; idx -= 1) {
      if (idx <= lastIdx - bs.idx + 1) moveSectorUp(primary, secondary, bs, idx);
    }
    bs.idx = 1;
  }
  bs.op = 'swap';
  for (let idx = 1; idx <= lastIdx; idx += 1) {
    if (idx >= bs.idx) swapSectors(primary, secondary, bs, idx);
  }
  return true;
}

/** boot_perform_update's ending: image_ok for a revert or a permanent swap, then copy_done. */
export function finishSwap(primary: FlashArea, type: SwapType): void {
  if ((type === SwapType.REVERT || type === SwapType.PERM) && readSwapState(primary).imageOk === 'unset') {
    writeImageOk(primary);
  }
  writeCopyDone(primary);
}

/**
 * fixup_revert: a revert starts from an erased secondary trailer; until the primary status exists a cut
 * would lose the revert, so the secondary is first made to look like a permanent upgrade of the old image.
 */
function fixupRevert(secondary: FlashArea, bs: BootStatus): void {
  if (bs.swapType !== SwapType.REVERT || bs.op !== 'move' || bs.idx !== 1) return;
  if (readSwapState(secondary).magic !== 'unset') return;
  eraseTrailerSectors(secondary);
  writeImageOk(secondary);
  writeSwapSize(secondary, bs.swapSize);
  writeMagic(secondary);
}

/** swap_status_init: magic last, so a half-written status reads as "no swap started". */
function statusInit(primary: FlashArea, secondary: FlashArea, bs: BootStatus): void {
  const sec = readSwapState(secondary);
  if (bs.swapType !== SwapType.NONE) writeSwapInfo(primary, bs.swapType);
  if (sec.imageOk === 'set') writeImageOk(primary);
  writeSwapSize(primary, bs.swapSize);
  writeMagic(primary);
}

function statusIndex(area: FlashArea, bs: BootStatus): number {
  if (bs.op === 'move') return bs.idx - 1 + (bs.state - 1);
  return moveEntries(area) + (bs.idx - 1) * 2 + (bs.state - 1);
}

function copySector(from: FlashArea, fromSector: number, to: FlashArea, toSector: number): void {
  const size = from.sectorSize;
  to.program(toSector * size, from.read(fromSector * size, size));
}

function moveSectorUp(primary: FlashArea, secondary: FlashArea, bs: BootStatus, idx: number): void {
  if (bs.idx === 1) {
    if (bs.source !== 'primary') {
      eraseTrailerSectors(primary);
      statusInit(primary, secondary, bs);
    }
    eraseTrailerSectors(secondary);
  }
  primary.erase(idx * primary.sectorSize, primary.sectorSize);
  copySector(primary, idx - 1, primary, idx);
  writeStatusEntry(primary, statusIndex(primary, bs), bs.state);
  bs.idx += 1;
}

function swapSectors(primary: FlashArea, secondary: FlashArea, bs: BootStatus, idx: number): void {
  const size = primary.sectorSize;
  if (bs.state === 1) {
    primary.erase((idx - 1) * size, size);
    copySector(secondary, idx - 1, primary, idx - 1);
    writeStatusEntry(primary, statusIndex(primary, bs), bs.state);
    bs.state = 2;
  }
  if (bs.state === 2) {
    secondary.erase((idx - 1) * size, size);
    copySector(primary, idx, secondary, idx - 1);
    writeStatusEntry(primary, statusIndex(primary, bs), bs.state);
    bs.idx += 1;
    bs.state = 1;
  }
}
