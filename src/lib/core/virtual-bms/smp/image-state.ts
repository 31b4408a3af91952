/**
 * Image group state read/write, erase and slot info, with Zephyr img_mgmt's exact rules
 * (img_mgmt_state.c: img_mgmt_state_read, img_mgmt_set_next_boot_slot; img_mgmt.c: img_mgmt_erase).
 * Writes go through boot_set_next (boot-trailer.ts), so the bootloader sees what a real app writes.
 */
import type { CborMap } from '../../protocol/smp/cbor';
import { ImageRc, SmpGroup } from '../../protocol/smp/smp-ids';
import { firstTrailerSector, setNext } from '../mcuboot/boot-trailer';
import type { DeviceContext } from '../device-context';
import type { FlashLayout } from '../flash/flash-layout';
import { IMAGE_F } from '../../image/image-format';
import { ACTIVE_SLOT, nextBoot, readSlotInfo, slotArea, slotInUse, smpVersionString } from '../mcuboot/image-slots';
import { sameBytes } from '../../image/same-bytes';
import { boolField, bytesField, groupError, ok, uintField, type Reply } from './smp-reply';

const IMAGE_HASH_LEN = 32;
const imageError = (rc: number, rsn?: string) => groupError(SmpGroup.image, rc, rsn);

interface SlotFlags {
  active?: boolean;
  pending?: boolean;
  confirmed?: boolean;
  permanent?: boolean;
}

function slotEntry(layout: FlashLayout, slot: 0 | 1, flags: SlotFlags | undefined): CborMap | undefined {
  const info = readSlotInfo(slot === 0 ? layout.primary : layout.secondary);
  if (!info) return undefined;
  const entry: CborMap = { slot, version: smpVersionString(info.version), hash: info.hash };
  if (!flags) return entry;
  return {
    ...entry,
    bootable: (info.flags & IMAGE_F.NON_BOOTABLE) === 0,
    pending: flags.pending === true,
    confirmed: flags.confirmed === true,
    active: flags.active === true,
    permanent: flags.permanent === true
  };
}

/** img_mgmt_state_read; in serial recovery the bootloader lists the slots without state flags. */
export function stateRead(ctx: DeviceContext): Reply {
  const { layout } = ctx;
  if (ctx.mode === 'recovery') {
    const images = [slotEntry(layout, 0, undefined), slotEntry(layout, 1, undefined)].filter((e) => e !== undefined);
    return ok({ images });
  }
  const next = nextBoot(layout);
  const active: SlotFlags = { active: true, confirmed: next.type !== 'revert' };
  let other: SlotFlags = {};
  if (next.slot !== ACTIVE_SLOT) {
    if (next.type === 'normal') other = { pending: true, permanent: true };
    else if (next.type === 'revert') other = { confirmed: true };
    else other = { pending: true };
  }
  const images = [slotEntry(layout, 0, active), slotEntry(layout, 1, other)].filter((e) => e !== undefined);
  return ok({ images, splitStatus: 0 });
}

/** img_mgmt_set_next_boot_slot for a single image in a swap mode. */
function setNextBootSlot(ctx: DeviceContext, slot: 0 | 1, confirm: boolean): number {
  const next = nextBoot(ctx.layout);
  if (!confirm && slot === ACTIVE_SLOT) return ImageRc.IMAGE_SETTING_TEST_TO_ACTIVE_DENIED;
  if (next.type === 'test') return !confirm && slot === next.slot ? ImageRc.OK : ImageRc.IMAGE_ALREADY_PENDING;
  if (next.type === 'normal') {
    if (confirm && slot === next.slot) return ImageRc.OK;
    if ((slot === ACTIVE_SLOT && next.slot !== ACTIVE_SLOT) || (!confirm && slot !== ACTIVE_SLOT && slot === next.slot)) {
      return ImageRc.IMAGE_ALREADY_PENDING;
    }
  }
  if (next.type === 'revert') {
    if (confirm && slot === next.slot) return ImageRc.OK;
    if (!confirm) return ImageRc.IMAGE_ALREADY_PENDING;
  }
  const active = slot === ACTIVE_SLOT;
  ctx.setPhase(active ? 'confirm' : 'pending');
  const result = setNext(slot === 0 ? ctx.layout.primary : ctx.layout.secondary, active, confirm);
  if (result === 'bad-vector') return ImageRc.INVALID_IMAGE_VECTOR_TABLE;
  if (result === 'bad-image') return ImageRc.INVALID_IMAGE_HEADER_MAGIC;
  return ImageRc.OK;
}

export function stateWrite(ctx: DeviceContext, body: CborMap): Reply {
  const hash = bytesField(body, 'hash') ?? new Uint8Array(0);
  const confirm = boolField(body, 'confirm') ?? false;
  let slot: 0 | 1;
  if (hash.length === 0) {
    if (!confirm) return imageError(ImageRc.INVALID_HASH, 'a test request needs the image hash');
    slot = ACTIVE_SLOT;
  } else if (hash.length !== IMAGE_HASH_LEN) {
    return imageError(ImageRc.INVALID_HASH, `hash of ${hash.length} bytes`);
  } else {
    const found = ([0, 1] as const).find((s) => {
      const info = readSlotInfo(s === 0 ? ctx.layout.primary : ctx.layout.secondary);
      return info !== undefined && sameBytes(info.hash, hash);
    });
    if (found === undefined) return imageError(ImageRc.HASH_NOT_FOUND, 'no slot holds an image with this hash');
    slot = found;
  }
  const rc = setNextBootSlot(ctx, slot, confirm);
  if (rc !== ImageRc.OK) return imageError(rc);
  return stateRead(ctx);
}

/**
 * img_mgmt_erase: slot 1 by default; refused while the slot is pending or needed for a revert, unless
 * the firmware is built with CONFIG_MCUMGR_GRP_IMG_ALLOW_ERASE_PENDING (`allowPending`): then only the
 * running slot is refused, and erasing a pending image is how a client gets a stuck slot 1 back.
 */
export function eraseSlotHandler(options: { allowPending: boolean }) {
  return (ctx: DeviceContext, body: CborMap): Reply => eraseSlotWith(ctx, body, options.allowPending);
}

export const eraseSlot = eraseSlotHandler({ allowPending: false });

function eraseSlotWith(ctx: DeviceContext, body: CborMap, allowPending: boolean): Reply {
  const slot = uintField(body, 'slot') ?? 1;
  const area = slotArea(ctx.layout, slot);
  const inUse = allowPending ? slot === ACTIVE_SLOT : slotInUse(ctx.layout, slot);
  if (area && readSlotInfo(area) && inUse) {
    return imageError(ImageRc.NO_FREE_SLOT, `slot ${slot} is in use`);
  }
  if (!area) return imageError(ImageRc.INVALID_SLOT, `no slot ${slot}`);
  ctx.setPhase('erase');
  if (!area.isErased()) area.erase();
  ctx.upload.reset();
  return ok();
}

/** img_mgmt slot info: sizes, and the largest image a swap can install. */
export function slotInfo(ctx: DeviceContext): Reply {
  const { primary, secondary } = ctx.layout;
  const maxImageSize = (firstTrailerSector(primary) - 1) * primary.sectorSize;
  return ok({
    images: [
      {
        image: 0,
        slots: [
          { slot: 0, size: primary.size },
          { slot: 1, size: secondary.size }
        ],
        max_image_size: maxImageSize
      }
    ]
  });
}
