/**
 * MCUboot built with BOOT_UPGRADE_ONLY, as on stock BMS-C1 boards: a pending image (magic in slot 1's
 * trailer, test or permanent alike) is checked, then copied over slot 0 and slot 1 is erased; there is
 * no copy of the old image, so nothing can be reverted. Without a signature type only the SHA-256 TLV
 * is checked; an image that fails it is erased and the old firmware keeps running. Slot 0 itself is not
 * validated: MCUboot jumps to whatever carries an image header.
 */
import type { BootEvent } from '../../protocol/smp/groups/bms-group';
import { readImageLayout } from '../../image/image-layout';
import type { TrustedKey } from '../../image/keys';
import { verifyImage, verifyImageHash } from '../../image/verify-image';
import { formatVersion } from '../../image/version';
import { isBmsError } from '../../errors';
import type { ImageVersion } from '../../image/image-types';
import { SwapType, readSwapState, swapTypeOf } from '../mcuboot/boot-trailer';
import type { FlashArea, FlashLayout } from '../flash/flash-layout';

export interface UpgradeOnlyResult {
  events: BootEvent[];
  elapsedMs: number;
  /** the header of slot 0 MCUboot jumps to, or undefined when there is none (the board stays silent) */
  running?: { version: ImageVersion; payload: Uint8Array };
}

const VALIDATE_MS = 20;

async function validate(area: FlashArea, keys: TrustedKey[] | undefined): Promise<string | undefined> {
  try {
    if (keys) await verifyImage(area.view(), keys);
    else await verifyImageHash(readImageLayout(area.view()));
    return undefined;
  } catch (error) {
    if (isBmsError(error)) return `${error.code}: ${error.detail}`;
    throw error;
  }
}

/** `keys` undefined: no signature check (BOOT_SIGNATURE_TYPE_NONE). */
export async function runUpgradeOnly(layout: FlashLayout, keys?: TrustedKey[]): Promise<UpgradeOnlyResult> {
  const { primary, secondary, flash } = layout;
  const events: BootEvent[] = [];
  let t = 0;
  const add = (phase: string, detail: string, costMs = 2) => {
    t += costMs + flash.takeBusyMs();
    events.push({ t_ms: Math.round(t), phase, detail });
  };
  flash.takeBusyMs();
  const request = swapTypeOf(readSwapState(primary), readSwapState(secondary));
  if (request === SwapType.TEST || request === SwapType.PERM) {
    const problem = await validate(secondary, keys);
    if (problem) {
      secondary.erase();
      add('image_rejected', `slot 1 is not valid (${problem}); slot 1 erased, slot 0 unchanged`, VALIDATE_MS);
    } else {
      const image = readImageLayout(secondary.view());
      const length = Math.ceil(image.imageEnd / primary.writeAlign) * primary.writeAlign;
      const bytes = secondary.read(0, length);
      primary.erase();
      primary.program(0, bytes);
      secondary.erase();
      add('overwrite', `slot 1 ${formatVersion(image.header.version)} copied over slot 0 (upgrade-only: the old image is gone)`, VALIDATE_MS);
    }
  }
  try {
    const image = readImageLayout(primary.view());
    add('firmware_loaded', `jumping to ${formatVersion(image.header.version)} (slot 0 not validated)`);
    const payload = primary.read(image.header.hdrSize, image.header.imgSize);
    return { events, elapsedMs: t, running: { version: image.header.version, payload } };
  } catch {
    add('no_image', 'slot 0 holds no image header: the bootloader waits, nothing answers');
    return { events, elapsedMs: t };
  }
}
