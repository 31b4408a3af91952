/**
 * The application's view of the two slots, as Zephyr's img_mgmt computes it: what each slot holds
 * (img_mgmt_read_info), which slot boots next and how (img_mgmt_get_next_boot_slot, from the MCUboot
 * swap type), and whether a slot is in use (may not be erased or uploaded to).
 */
import { readImageLayout } from '../../image/image-layout';
import type { ImageVersion } from '../../image/image-types';
import { TLV } from '../../image/image-format';
import { SwapType, readSwapState, swapTypeOf } from './boot-trailer';
import type { FlashArea, FlashLayout } from '../flash/flash-layout';

/** What one slot holds (img_mgmt_read_info); the image group's slot-info reply is another thing. */
export interface SlotContents {
  version: ImageVersion;
  /** the SHA256 TLV */
  hash: Uint8Array;
  flags: number;
}

/** img_mgmt_read_info: a header with the magic and exactly one 32-byte SHA256 TLV, else nothing. */
export function readSlotInfo(area: FlashArea): SlotContents | undefined {
  try {
    const layout = readImageLayout(area.view());
    const hashes = layout.tlvs.filter((t) => !t.protected && t.type === TLV.SHA256 && t.data.length === 32);
    if (hashes.length !== 1) return undefined;
    return { version: layout.header.version, hash: hashes[0].data.slice(), flags: layout.header.flags };
  } catch {
    return undefined;
  }
}

export type NextBootType = 'normal' | 'test' | 'revert';

/** The running image is always slot 0 (swap modes). */
export const ACTIVE_SLOT = 0;

export function nextBoot(layout: FlashLayout): { slot: 0 | 1; type: NextBootType } {
  const type = swapTypeOf(readSwapState(layout.primary), readSwapState(layout.secondary));
  if (type === SwapType.TEST) return { slot: 1, type: 'test' };
  if (type === SwapType.PERM) return { slot: 1, type: 'normal' };
  if (type === SwapType.REVERT) return { slot: 1, type: 'revert' };
  return { slot: 0, type: 'normal' };
}

/** img_mgmt_slot_in_use */
export function slotInUse(layout: FlashLayout, slot: number): boolean {
  const next = nextBoot(layout);
  if (slot === next.slot && next.type === 'revert') return true;
  if ((slot === next.slot && next.type === 'test') || (next.slot !== ACTIVE_SLOT && next.type === 'normal')) return true;
  return slot === ACTIVE_SLOT;
}

export function slotArea(layout: FlashLayout, slot: number): FlashArea | undefined {
  return slot === 0 ? layout.primary : slot === 1 ? layout.secondary : undefined;
}

/** Zephyr's version text: "1.2.3", with ".build" only when the build number is not 0. */
export function smpVersionString(v: ImageVersion): string {
  return `${v.major}.${v.minor}.${v.revision}${v.build !== 0 ? `.${v.build}` : ''}`;
}
