/**
 * The MCUboot image trailer at the end of each slot, read and written as bootutil_public.c does, for
 * BOOT_MAX_ALIGN 8 (top down: 16-byte magic, image_ok, copy_done, swap_info, swap_size, each padded to
 * 8 bytes, then the swap-status area of the swap-using-move algorithm: 3 entries of 8 bytes per sector).
 * Also the swap-type table that turns the two trailers into the next boot's action, and boot_set_next,
 * which the application side (SMP image state write, the firmware's self-confirm) uses.
 */
import { bootMagic } from '../../image/trailer';
import type { FlashArea } from '../flash/flash-layout';

export const BOOT_MAX_ALIGN = 8;
const MAGIC_SIZE = 16;
const MAGIC = bootMagic(8);
const FLAG_SET = 0x01;

/** BOOT_SWAP_TYPE_* (bootutil_public.h); the numbers are MCUboot's. */
export const SwapType = { NONE: 1, TEST: 2, PERM: 3, REVERT: 4, FAIL: 5, PANIC: 0xff } as const;
export type SwapType = (typeof SwapType)[keyof typeof SwapType];

export type Magic = 'good' | 'unset' | 'bad';
export type Flag = 'set' | 'unset' | 'bad';

export interface SwapState {
  magic: Magic;
  /** from swap_info; NONE when erased or out of range */
  swapType: SwapType;
  copyDone: Flag;
  imageOk: Flag;
}

const magicOffset = (area: FlashArea) => area.size - MAGIC_SIZE;
const imageOkOffset = (area: FlashArea) => magicOffset(area) - BOOT_MAX_ALIGN;
const copyDoneOffset = (area: FlashArea) => imageOkOffset(area) - BOOT_MAX_ALIGN;
const swapInfoOffset = (area: FlashArea) => copyDoneOffset(area) - BOOT_MAX_ALIGN;
const swapSizeOffset = (area: FlashArea) => swapInfoOffset(area) - BOOT_MAX_ALIGN;

/** BOOT_MAX_IMG_SECTORS: one status slot per sector of the image slot. */
const maxImageSectors = (area: FlashArea) => area.size / area.sectorSize;
/** Status entries: first one "move" entry per sector, then two "swap" entries per sector. */
export const moveEntries = (area: FlashArea) => maxImageSectors(area);
const statusEntries = (area: FlashArea) => 3 * maxImageSectors(area);
const statusOffset = (area: FlashArea) => swapSizeOffset(area) - statusEntries(area) * BOOT_MAX_ALIGN;

/** The sectors holding the trailer; the swap never moves them. */
export function firstTrailerSector(area: FlashArea): number {
  return Math.floor(statusOffset(area) / area.sectorSize);
}

function isErased(bytes: Uint8Array): boolean {
  return bytes.every((b) => b === 0xff);
}

function readFlag(area: FlashArea, offset: number): Flag {
  const byte = area.read(offset, 1)[0];
  if (byte === 0xff) return 'unset';
  return byte === FLAG_SET ? 'set' : 'bad';
}

export function readSwapState(area: FlashArea): SwapState {
  const magicBytes = area.read(magicOffset(area), MAGIC_SIZE);
  const magic: Magic = isErased(magicBytes) ? 'unset' : magicBytes.every((b, i) => b === MAGIC[i]) ? 'good' : 'bad';
  const info = area.read(swapInfoOffset(area), 1)[0];
  const type = info & 0x0f;
  const swapType = info === 0xff || type > SwapType.REVERT || type < SwapType.NONE ? SwapType.NONE : (type as SwapType);
  return { magic, swapType, copyDone: readFlag(area, copyDoneOffset(area)), imageOk: readFlag(area, imageOkOffset(area)) };
}

/** boot_write_trailer: one byte padded with erased bytes to the write alignment. */
function writeTrailerByte(area: FlashArea, offset: number, value: number): void {
  const unit = new Uint8Array(area.writeAlign).fill(0xff);
  unit[0] = value;
  area.program(offset, unit);
}

export function writeMagic(area: FlashArea): void {
  area.program(magicOffset(area), MAGIC);
}

export function writeImageOk(area: FlashArea): void {
  writeTrailerByte(area, imageOkOffset(area), FLAG_SET);
}

export function writeCopyDone(area: FlashArea): void {
  writeTrailerByte(area, copyDoneOffset(area), FLAG_SET);
}

/** swap_info = image number (0) in the high nibble, swap type in the low one. */
export function writeSwapInfo(area: FlashArea, swapType: SwapType): void {
  writeTrailerByte(area, swapInfoOffset(area), swapType & 0x0f);
}

export function writeSwapSize(area: FlashArea, size: number): void {
  const unit = new Uint8Array(BOOT_MAX_ALIGN).fill(0xff);
  new DataView(unit.buffer).setUint32(0, size, true);
  area.program(swapSizeOffset(area), unit);
}

export function readSwapSize(area: FlashArea): number {
  const bytes = area.read(swapSizeOffset(area), 4);
  return new DataView(bytes.buffer).getUint32(0, true);
}

/** boot_write_status: the entry's first byte holds the state number (1 or 2). */
export function writeStatusEntry(area: FlashArea, index: number, state: number): void {
  writeTrailerByte(area, statusOffset(area) + index * BOOT_MAX_ALIGN, state);
}

/**
 * swap_read_status_bytes: the 1-based position of the last written entry, 0 when none. A half-written
 * entry counts as written, which is safe because each entry is written after the copy it records.
 */
export function lastStatusEntry(area: FlashArea): number {
  const base = statusOffset(area);
  for (let i = statusEntries(area); i > 0; i -= 1) {
    if (area.read(base + (i - 1) * BOOT_MAX_ALIGN, 1)[0] !== 0xff) return i;
  }
  return 0;
}

export function eraseTrailerSectors(area: FlashArea): void {
  const first = firstTrailerSector(area) * area.sectorSize;
  area.erase(first, area.size - first);
}

/**
 * boot_swap_type_multi: the secondary's request wins (TEST, PERM), then a tested but unconfirmed
 * primary means REVERT; anything else boots the primary as it is.
 */
export function swapTypeOf(primary: SwapState, secondary: SwapState): SwapType {
  if (secondary.magic === 'good' && secondary.imageOk === 'unset') return SwapType.TEST;
  if (secondary.magic === 'good' && secondary.imageOk === 'set') return SwapType.PERM;
  if (primary.magic === 'good' && secondary.magic === 'unset' && primary.imageOk === 'unset' && primary.copyDone === 'set') {
    return SwapType.REVERT;
  }
  return SwapType.NONE;
}

export type SetNextResult = 'ok' | 'bad-vector' | 'bad-image';

/**
 * boot_set_next: on the running slot (active) it confirms; on the other slot it writes the magic, then
 * image_ok for a permanent request, then swap_info, in that order, so a power cut between two writes
 * still leaves a request MCUboot understands. A corrupt trailer on the other slot gets the slot erased.
 */
export function setNext(area: FlashArea, active: boolean, confirm: boolean): SetNextResult {
  const state = readSwapState(area);
  if (state.magic === 'good') {
    if (active && state.imageOk === 'unset') writeImageOk(area);
    return 'ok';
  }
  if (state.magic === 'unset') {
    if (!active) {
      writeMagic(area);
      if (confirm) writeImageOk(area);
      writeSwapInfo(area, confirm ? SwapType.PERM : SwapType.TEST);
    }
    return 'ok';
  }
  if (active) return 'bad-vector';
  area.erase();
  return 'bad-image';
}
