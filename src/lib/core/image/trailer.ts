/**
 * The MCUboot slot trailer imgtool writes with --pad / --confirm (image.py _trailer_size, pad_to):
 * swap status (max_sectors × 3 × align), image_ok/copy_done/swap_info/swap_size (4 × max_align), then
 * the boot magic at the very end of the slot.
 */
import { fail } from '../errors';

export const DEFAULT_MAX_SECTORS = 128;
export const ERASED = 0xff;
const MAGIC_SIZE = 16;
/** boot_img_magic for BOOT_MAX_ALIGN 8; larger max-aligns put the alignment in the first two bytes. */
const MAGIC_8 = Uint8Array.of(0x77, 0xc2, 0x95, 0xf3, 0x60, 0xd2, 0xef, 0x7f, 0x35, 0x52, 0x50, 0x0f, 0x2c, 0xb6, 0x79, 0x80);
const MAGIC_TAIL = Uint8Array.of(0x2d, 0xe1, 0x5d, 0x29, 0x41, 0x0b, 0x8d, 0x77, 0x67, 0x9c, 0x11, 0x0f, 0x1f, 0x8a);

export type FlashAlign = 1 | 2 | 4 | 8 | 16 | 32;
export const FLASH_ALIGNS: readonly number[] = [1, 2, 4, 8, 16, 32];

const alignUp = (n: number, align: number) => Math.ceil(n / align) * align;
const maxAlignOf = (align: FlashAlign) => Math.max(8, align);

export function bootMagic(align: FlashAlign): Uint8Array {
  const maxAlign = maxAlignOf(align);
  if (maxAlign === 8) return MAGIC_8.slice();
  const magic = new Uint8Array(MAGIC_SIZE);
  magic[0] = maxAlign & 0xff;
  magic[1] = maxAlign >> 8;
  magic.set(MAGIC_TAIL, 2);
  return magic;
}

export function trailerSize(align: FlashAlign, maxSectors = DEFAULT_MAX_SECTORS): number {
  const maxAlign = maxAlignOf(align);
  return maxSectors * 3 * align + maxAlign * 4 + alignUp(MAGIC_SIZE, maxAlign);
}

/** imgtool check_trailer: the image and a full trailer must both fit in the slot. */
export function checkFitsSlot(imageLength: number, slotSize: number, align: FlashAlign): void {
  const trailer = trailerSize(align);
  if (imageLength + trailer > slotSize) {
    fail(
      'IMAGE_TOO_LARGE',
      `image 0x${imageLength.toString(16)} + trailer 0x${trailer.toString(16)} bytes exceeds the slot size 0x${slotSize.toString(16)}`
    );
  }
}

/** The whole slot: image, erased padding, trailer with magic and, when confirmed, image_ok = 0x01. */
export function padToSlot(image: Uint8Array, slotSize: number, align: FlashAlign, confirm: boolean): Uint8Array {
  checkFitsSlot(image.length, slotSize, align);
  const slot = new Uint8Array(slotSize).fill(ERASED);
  slot.set(image);
  slot.set(bootMagic(align), slotSize - MAGIC_SIZE);
  if (confirm) {
    const maxAlign = maxAlignOf(align);
    slot[slotSize - alignUp(MAGIC_SIZE, maxAlign) - maxAlign] = 0x01;
  }
  return slot;
}
