/**
 * The RS485 broadcast transfer as our firmware serves it (docs/rs485.md): the host sends an image once to
 * the broadcast address, every unit with a technician session writes the chunks it hears straight into
 * its inactive slot and remembers which ones it has; the host then asks each unit what it missed and
 * resends only that, addressed. The last chunk is never broadcast: once every other chunk is in, the
 * unit hands the image to its image-upload session (as if the link had been lost just before the end),
 * so the unit's own safe procedure finishes the transfer with an ordinary upload that resumes there.
 * Like the upload session it lives in RAM: a reset forgets it.
 */
import { IMAGE_HEADER_SIZE, IMAGE_MAGIC } from '../../image/image-format';
import { sameBytes } from '../../image/same-bytes';
import type { CborMap } from '../../protocol/smp/cbor';
import { BmsCapability } from '../../protocol/smp/groups/bms-group';
import { MgmtRc } from '../../protocol/smp/smp-ids';
import type { DeviceContext } from '../device-context';
import { FlashFault } from '../flash/flash';
import type { FlashArea } from '../flash/flash-layout';
import { eraseForUpload, firstChunkTarget } from '../smp/image-upload';
import { bytesField, mgmtError, ok, uintField, type Reply } from '../smp/smp-reply';

/** Offsets listed by one status answer: it must fit the unit's SMP buffer. */
const MAX_LISTED = 64;

export class BroadcastReceiver {
  area: FlashArea | undefined;
  len = 0;
  blk = 0;
  sha = new Uint8Array(0);
  /** one flag per chunk but the last */
  have: boolean[] = [];

  reset(): void {
    this.area = undefined;
    this.len = 0;
    this.blk = 0;
    this.sha = new Uint8Array(0);
    this.have = [];
  }

  get ready(): boolean {
    return this.area !== undefined && this.have.every(Boolean);
  }

  missing(): number[] {
    return this.have.flatMap((got, i) => (got ? [] : [i * this.blk]));
  }
}

/** Our firmware announces the extension unless it is an older build (marker NO_BROADCAST). */
export function capabilities(ctx: DeviceContext): string[] {
  return ctx.mode === 'app' && ctx.running && !ctx.running.behaviour.noBroadcast ? [BmsCapability.broadcast] : [];
}

const supported = (ctx: DeviceContext) => capabilities(ctx).includes(BmsCapability.broadcast);

export function broadcastChunk(ctx: DeviceContext, body: CborMap): Reply {
  if (!supported(ctx)) return mgmtError(MgmtRc.NOT_SUPPORTED);
  const rx = ctx.broadcast;
  const off = uintField(body, 'off');
  const data = bytesField(body, 'data') ?? new Uint8Array(0);
  if (off === undefined) return mgmtError(MgmtRc.INVALID, 'no "off"');
  try {
    if (off === 0) {
      const started = start(ctx, body, data);
      if (started) return started;
    }
    const area = rx.area;
    if (!area || off % rx.blk !== 0 || off + rx.blk >= rx.len || data.length !== rx.blk) {
      return mgmtError(MgmtRc.INVALID, `chunk at ${off} of ${data.length} bytes does not fit the broadcast in progress`);
    }
    const index = off / rx.blk;
    // A resend of a chunk already held must not program the same flash twice.
    if (!rx.have[index]) {
      ctx.setPhase('upload');
      area.program(off, data);
      rx.have[index] = true;
      if (rx.ready) ctx.upload.adopt(area, rx.len, rx.sha, rx.have.length * rx.blk);
    }
  } catch (error) {
    if (!(error instanceof FlashFault)) throw error;
    rx.reset();
    return mgmtError(MgmtRc.UNKNOWN, `flash ${error.op.kind} failed`);
  }
  return ok({ missing: rx.missing().length });
}

/** The first chunk: the same checks as an image upload's first chunk, then the slot is erased. */
function start(ctx: DeviceContext, body: CborMap, data: Uint8Array): Reply | undefined {
  const rx = ctx.broadcast;
  const len = uintField(body, 'len');
  const blk = uintField(body, 'blk');
  const sha = bytesField(body, 'sha') ?? new Uint8Array(0);
  if (rx.area && sameBytes(rx.sha, sha)) return undefined;
  if (len === undefined || blk === undefined || sha.length !== 32) return mgmtError(MgmtRc.INVALID, 'the first chunk needs "len", "blk" and a 32-byte "sha"');
  const align = ctx.layout.secondary.writeAlign;
  if (blk === 0 || blk % align !== 0 || data.length < IMAGE_HEADER_SIZE) return mgmtError(MgmtRc.INVALID, `chunk size ${blk} must be a multiple of ${align} and hold the image header`);
  if (new DataView(data.buffer, data.byteOffset, 4).getUint32(0, true) !== IMAGE_MAGIC) return mgmtError(MgmtRc.INVALID, 'magic mismatch');
  const picked = firstChunkTarget(ctx, data, len, false);
  if ('error' in picked) return picked.error;
  ctx.upload.reset();
  rx.reset();
  ctx.setPhase('upload');
  eraseForUpload(picked.area, len);
  rx.area = picked.area;
  rx.len = len;
  rx.blk = blk;
  rx.sha = sha.slice();
  rx.have = new Array<boolean>(Math.ceil(len / blk) - 1).fill(false);
  return undefined;
}

export function broadcastStatus(ctx: DeviceContext): Reply {
  if (!supported(ctx)) return mgmtError(MgmtRc.NOT_SUPPORTED);
  const rx = ctx.broadcast;
  return ok({ len: rx.len, blk: rx.blk, sha: rx.sha, missing: rx.missing().slice(0, MAX_LISTED), ready: rx.ready });
}
