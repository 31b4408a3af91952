/**
 * Image upload (SMP image group, command 1) as Zephyr's img_mgmt does it (img_mgmt_upload_inspect and
 * img_mgmt_upload): the first chunk (off 0) needs `len` and a header with the MCUboot magic, picks the
 * free slot, refuses a non-newer version when `upgrade` is set, and erases the slot; later chunks must
 * come at the expected offset, otherwise the device answers that offset instead. A new off-0 request
 * whose `sha` matches the upload in progress answers the current offset (resume); another sha starts
 * over. The session lives in RAM only: a reset forgets it and the next chunk is answered with off 0.
 * In serial recovery the bootloader writes slot 0 and knows no sha resume (MCUboot boot_serial.c).
 */
import { IMAGE_HEADER_SIZE, IMAGE_MAGIC } from '../../image/image-format';
import { decodeVersion } from '../../image/version';
import { sameBytes } from '../../image/same-bytes';
import { ImageRc, SmpGroup } from '../../protocol/smp/smp-ids';
import { eraseTrailerSectors, firstTrailerSector } from '../mcuboot/boot-trailer';
import type { DeviceContext } from '../device-context';
import { FlashFault } from '../flash/flash';
import type { FlashArea } from '../flash/flash-layout';
import { readSlotInfo, slotInUse } from '../mcuboot/image-slots';
import { boolField, bytesField, groupError, ok, uintField, type Reply } from './smp-reply';
import type { CborMap } from '../../protocol/smp/cbor';

const MAX_SHA = 32;

export class UploadSession {
  area: FlashArea | undefined;
  size = 0;
  off = 0;
  sha = new Uint8Array(0);
  #pending = new Uint8Array(0);
  #writeAt = 0;

  reset(): void {
    this.area = undefined;
    this.size = 0;
    this.off = 0;
    this.sha = new Uint8Array(0);
    this.#pending = new Uint8Array(0);
    this.#writeAt = 0;
  }

  begin(area: FlashArea, size: number, sha: Uint8Array): void {
    this.area = area;
    this.size = size;
    this.off = 0;
    this.sha = sha.slice();
    this.#pending = new Uint8Array(0);
    this.#writeAt = 0;
  }

  /**
   * Takes over an image whose first `off` bytes are already in `area` (a broadcast to the bank, docs/rs485.md):
   * an upload with the same sha then resumes at `off`, exactly as after a lost link.
   */
  adopt(area: FlashArea, size: number, sha: Uint8Array, off: number): void {
    this.begin(area, size, sha);
    this.off = off;
    this.#writeAt = off;
  }

  /** flash_img_buffered_write: whole write units go to flash, the unaligned tail waits in RAM. */
  write(data: Uint8Array, last: boolean): void {
    const area = this.area as FlashArea;
    const align = area.writeAlign;
    const buffer = new Uint8Array(this.#pending.length + data.length);
    buffer.set(this.#pending);
    buffer.set(data, this.#pending.length);
    const take = last ? buffer.length : buffer.length - (buffer.length % align);
    if (take > 0) {
      const unit = new Uint8Array(Math.ceil(take / align) * align).fill(0xff);
      unit.set(buffer.subarray(0, take));
      area.program(this.#writeAt, unit);
      this.#writeAt += unit.length;
    }
    this.#pending = buffer.slice(take);
    this.off += data.length;
  }
}

const imageError = (rc: number, rsn: string) => groupError(SmpGroup.image, rc, rsn);

/** img_mgmt_erase_image_data: the sectors the image needs, plus the trailer sectors. */
export function eraseForUpload(area: FlashArea, size: number): void {
  const eraseSize = Math.ceil(size / area.sectorSize) * area.sectorSize;
  area.erase(0, eraseSize);
  if (firstTrailerSector(area) * area.sectorSize >= eraseSize) eraseTrailerSectors(area);
}

/** The slot a new upload goes to, or the reason there is none. */
export function firstChunkTarget(ctx: DeviceContext, data: Uint8Array, len: number, upgrade: boolean): { area: FlashArea } | { error: Reply } {
  const area = ctx.mode === 'recovery' ? ctx.layout.primary : ctx.layout.secondary;
  if (ctx.mode === 'app' && slotInUse(ctx.layout, 1)) {
    return { error: imageError(ImageRc.NO_FREE_SLOT, 'no slot: slot 1 is pending or holds the revert image') };
  }
  if (len > area.size) return { error: imageError(ImageRc.INVALID_IMAGE_TOO_LARGE, `img too large: ${len} > ${area.size}`) };
  if (upgrade && ctx.mode === 'app') {
    const current = readSlotInfo(ctx.layout.primary);
    if (!current) return { error: imageError(ImageRc.VERSION_GET_FAILED, 'running version unknown') };
    const offered = decodeVersion(data, 20);
    // img_mgmt_vercmp ignores the build number by default.
    const cmp = current.version.major - offered.major || current.version.minor - offered.minor || current.version.revision - offered.revision;
    if (cmp >= 0) return { error: imageError(ImageRc.CURRENT_VERSION_IS_NEWER, 'downgrade') };
  }
  return { area };
}

export function handleUpload(ctx: DeviceContext, body: CborMap): Reply {
  const reply = runUpload(ctx, body);
  // Any refused chunk ends the upload in progress (img_mgmt_upload: rc != 0 → img_mgmt_reset_upload).
  if (reply.kind !== 'ok') ctx.upload.reset();
  return reply;
}

function runUpload(ctx: DeviceContext, body: CborMap): Reply {
  const session = ctx.upload;
  const off = uintField(body, 'off');
  const data = bytesField(body, 'data') ?? new Uint8Array(0);
  const len = uintField(body, 'len');
  const sha = bytesField(body, 'sha') ?? new Uint8Array(0);
  const upgrade = boolField(body, 'upgrade') ?? false;
  uintField(body, 'image');
  if (off === undefined) return imageError(ImageRc.INVALID_OFFSET, 'header malformed: no "off"');
  let target: FlashArea | undefined;
  if (off === 0) {
    if (data.length < IMAGE_HEADER_SIZE) return imageError(ImageRc.INVALID_IMAGE_HEADER, 'header malformed: first chunk shorter than the header');
    if (len === undefined) return imageError(ImageRc.INVALID_LENGTH, 'header malformed: no "len" in the first chunk');
    const magic = new DataView(data.buffer, data.byteOffset, 4).getUint32(0, true);
    if (magic !== IMAGE_MAGIC) return imageError(ImageRc.INVALID_IMAGE_HEADER_MAGIC, 'magic mismatch');
    if (sha.length > MAX_SHA) return imageError(ImageRc.INVALID_HASH, `sha of ${sha.length} bytes`);
    const resumable = ctx.mode === 'app' && sha.length > 0 && session.area !== undefined && sameBytes(session.sha, sha);
    if (resumable) return ok({ off: session.off });
    const picked = firstChunkTarget(ctx, data, len, upgrade);
    if ('error' in picked) return picked.error;
    target = picked.area;
    if (data.length > len) return imageError(ImageRc.INVALID_IMAGE_DATA_OVERRUN, 'data overrun');
  } else {
    if (session.area === undefined || off !== session.off) return ok({ off: session.off });
    if (off + data.length > session.size) return imageError(ImageRc.INVALID_IMAGE_DATA_OVERRUN, 'data overrun');
  }
  try {
    if (target) {
      ctx.setPhase('upload');
      const erase = !target.isErased();
      session.begin(target, len as number, sha);
      if (erase) eraseForUpload(target, session.size);
    }
    if (data.length > 0) {
      ctx.setPhase('upload');
      session.write(data, session.off + data.length === session.size);
    }
  } catch (error) {
    if (!(error instanceof FlashFault)) throw error;
    const erase = error.op.kind === 'erase';
    return imageError(erase ? ImageRc.FLASH_ERASE_FAILED : ImageRc.FLASH_WRITE_FAILED, erase ? 'fa erase fail' : 'fa write fail');
  }
  const reply = ok({ off: session.off });
  if (session.off === session.size) session.reset();
  return reply;
}
