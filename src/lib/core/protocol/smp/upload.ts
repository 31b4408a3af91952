/**
 * Fast, resumable image upload (image group, cmd 1). Chunks are as large as the device buffer allows and
 * up to `window` of them are in flight (pipelining; the device answers each with the next offset it
 * expects). The device is the truth about progress:
 *   - every chunk carries its offset, and the device answers an unexpected one with the offset it does
 *     expect without writing it, so resending is never misplaced;
 *   - an answer ahead of our cursor moves the cursor (data the device already has);
 *   - an answer behind the chunk it acknowledges means a chunk was lost: drop the requests in flight
 *     and go back to that offset;
 *   - an answer of 0 means the device lost the session (reset, other transport): send the first-chunk
 *     fields again.
 * The upload always starts with an off=0 request carrying `len` and the file's SHA-256, so calling it
 * again after a disconnect resumes: the device answers with the offset to continue from.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { BmsError, fail } from '../../errors';
import { framingOverhead, maxChunkData } from './chunk-size';
import { uploadChunk, type UploadAnswer } from './groups/image-group';
import { LONG_TIMEOUT_MS, type SmpClient } from './smp-client';

export interface UploadProgress {
  /** bytes the device has confirmed */
  sent: number;
  total: number;
  percent: number;
  /** confirmed bytes of this session per second (bytes resumed from an earlier session excluded) */
  bytesPerSecond: number;
  etaSeconds: number;
  /** resends: timeouts, lost chunks sent again, session restarts */
  retries: number;
}

export interface SmpUploadOptions {
  /** image number for multi-image devices; sent in the first chunk only when given */
  image?: number;
  /** ask the device to refuse a version that is not newer */
  upgrade?: boolean;
  /** requests in flight; default the device's buf_count */
  window?: number;
  /** one request at a time (benchmark baseline) */
  stopAndWait?: boolean;
  /** chunk data lengths are a multiple of this (flash write alignment); default 1 */
  alignment?: number;
  timeoutMs?: number;
  /** the first chunk may erase the whole slot */
  firstChunkTimeoutMs?: number;
  /** how many times the device may drop the session (answer off=0) before giving up */
  maxRestarts?: number;
  signal?: AbortSignal;
  onProgress?: (progress: UploadProgress) => void;
  now?: () => number;
}

export interface UploadResult {
  total: number;
  /** offset the device continued from (0 for a fresh upload) */
  resumedFrom: number;
  firstChunkSize: number;
  chunkSize: number;
  window: number;
  durationMs: number;
  bytesPerSecond: number;
  retries: number;
  /** the device's `match` on the last answer, when it checks the image */
  match?: boolean;
}

interface Flight {
  off: number;
  end: number;
  outcome: Promise<{ answer?: UploadAnswer; error?: unknown }>;
  /** abandons the request: no resend of a chunk nobody waits for (after a rewind or a restart) */
  stop: AbortController;
}

/** Rewinds in a row without the device confirming new data before we call the upload stalled. */
const MAX_STALLED_REWINDS = 8;

export async function uploadImage(client: SmpClient, file: Uint8Array, options: SmpUploadOptions = {}): Promise<UploadResult> {
  const now = options.now ?? (() => performance.now());
  const total = file.length;
  if (total === 0) fail('SMP_INVALID_ARGUMENT', 'the image is empty');
  const { bufSize, bufCount } = client.limits;
  const alignment = options.alignment;
  const first = { len: total, sha: sha256(file), image: options.image, upgrade: options.upgrade };
  const overhead = framingOverhead(client.framing);
  const firstChunkSize = Math.min(total, maxChunkData({ bufSize, alignment, overhead, fields: { ...first, off: 0 } }));
  const chunkSize = maxChunkData({ bufSize, alignment, overhead, fields: { off: total } });
  if (firstChunkSize < 1 || chunkSize < 1) {
    fail('SMP_UPLOAD_BUFFER_TOO_SMALL', `buf_size ${bufSize} leaves no room for data in an upload request`);
  }
  const window = options.stopAndWait ? 1 : Math.max(1, Math.floor(options.window ?? bufCount));
  const signal = options.signal;
  const started = now();
  const retriesAtStart = client.stats.retries;
  let resends = 0;

  const sendFirst = async (): Promise<UploadAnswer> =>
    uploadChunk(
      client,
      { ...first, off: 0, data: file.subarray(0, firstChunkSize) },
      { timeoutMs: options.firstChunkTimeoutMs ?? LONG_TIMEOUT_MS, signal }
    );

  let answer = await sendFirst();
  const resumedFrom = answer.off > firstChunkSize ? answer.off : 0;
  let acked = checkOffset(answer.off, total);
  let cursor = acked;
  let restarts = 0;
  let stalled = 0;
  const inflight = new Set<Flight>();

  const report = () => {
    const seconds = Math.max((now() - started) / 1000, 1e-6);
    const bytesPerSecond = Math.max(0, acked - resumedFrom) / seconds;
    options.onProgress?.({
      sent: acked,
      total,
      percent: Math.round((acked / total) * 1000) / 10,
      bytesPerSecond: Math.round(bytesPerSecond),
      etaSeconds: bytesPerSecond > 0 ? Math.round((total - acked) / bytesPerSecond) : Infinity,
      retries: client.stats.retries - retriesAtStart + resends
    });
  };
  report();

  try {
    while (acked < total) {
      if (signal?.aborted) throw new BmsError('CANCELLED', `upload cancelled at ${acked} of ${total} bytes`);
      while (inflight.size < window && cursor < total) {
        const off = cursor;
        const end = Math.min(total, off + chunkSize);
        const stop = new AbortController();
        const flightSignal = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
        const outcome = uploadChunk(client, { off, data: file.subarray(off, end) }, { timeoutMs: options.timeoutMs, signal: flightSignal }).then(
          (result) => ({ answer: result }),
          (error: unknown) => ({ error })
        );
        inflight.add({ off, end, outcome, stop });
        cursor = end;
      }
      if (inflight.size === 0) {
        // Every chunk went out, yet the device has not confirmed the end: send again from where it is.
        stallCheck(++stalled, acked, total);
        cursor = acked;
        continue;
      }
      const { flight, answer: next, error } = await Promise.race([...inflight].map((f) => f.outcome.then((o) => ({ flight: f, ...o }))));
      inflight.delete(flight);
      // Every flight here was sent after the last rewind or restart (those abandon the older ones).
      if (next === undefined) throw error;
      answer = next;
      if (answer.off === 0) {
        if (++restarts > (options.maxRestarts ?? 3)) {
          fail('SMP_UPLOAD_STALLED', `the device restarted the upload ${restarts} times (answered off=0 at ${acked} bytes)`);
        }
        // Chunks still in flight belong to the lost session: stop waiting for (and resending) them.
        abandon(inflight);
        resends++;
        answer = await sendFirst();
        acked = cursor = checkOffset(answer.off, total);
        report();
        continue;
      }
      const off = checkOffset(answer.off, total);
      if (off > acked) {
        acked = off;
        stalled = 0;
        report();
      }
      if (off > cursor) cursor = off;
      else if (off < flight.end) {
        // The device did not take this whole chunk: one before it (or part of it) was lost. Resend from
        // there. The chunks still in flight are behind the rewind: the device will not write them, so stop
        // waiting for them, or a lost one holds its window slot until its own retries run out.
        stallCheck(++stalled, off, total);
        abandon(inflight);
        resends++;
        cursor = off;
      }
    }
  } finally {
    // Chunks still in flight when the device confirmed the end (or the upload failed) must not be resent later.
    abandon(inflight);
  }
  const durationMs = now() - started;
  const result: UploadResult = {
    total,
    resumedFrom,
    firstChunkSize,
    chunkSize,
    window,
    durationMs,
    bytesPerSecond: Math.round((total - resumedFrom) / Math.max(durationMs / 1000, 1e-6)),
    retries: client.stats.retries - retriesAtStart + resends
  };
  return answer.match === undefined ? result : { ...result, match: answer.match };
}

function checkOffset(off: number, total: number): number {
  if (!Number.isInteger(off) || off < 0 || off > total) {
    fail('SMP_IMAGE_OFFSET_INVALID', `the device answered offset ${off} for an image of ${total} bytes`);
  }
  return off;
}

function abandon(flights: Set<Flight>): void {
  for (const flight of flights) flight.stop.abort(new BmsError('CANCELLED', 'chunk no longer needed'));
  flights.clear();
}

function stallCheck(stalled: number, off: number, total: number): void {
  if (stalled > MAX_STALLED_REWINDS) {
    fail('SMP_UPLOAD_STALLED', `the device asked ${stalled} times in a row for offset ${off} of ${total}`);
  }
}
