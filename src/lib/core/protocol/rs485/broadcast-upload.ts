/**
 * The broadcast transfer (docs/rs485.md), host side: the image goes once to the broadcast address, then
 * each unit is asked what it missed and gets only that, addressed, until it holds every chunk but the
 * last. The last chunk is left to each unit's own safe procedure: its ordinary upload resumes there
 * (same sha), so the unit's transfer phase sends a few hundred bytes instead of the whole image.
 * Units must have a technician session (the chunks are protected writes) and the "bcast" capability.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { fail, isBmsError, toErrorData } from '../../errors';
import { sameBytes } from '../../image/same-bytes';
import { need, needList } from '../smp/groups/body-fields';
import { BMS_GROUP_ID, BmsCommand, type BroadcastStatus } from '../smp/groups/bms-group';
import { encodePacket, SmpOp } from '../smp/smp-packet';
import type { SmpClient } from '../smp/smp-client';
import type { Rs485Bus } from './rs485-bus';

/** Data bytes per chunk: a chunk frame stays within a 384-byte SMP buffer, and 256 suits any flash alignment. */
export const BROADCAST_CHUNK = 256;

export interface BroadcastTarget {
  address: number;
  client: SmpClient;
}

export interface BroadcastOptions {
  chunkSize?: number;
  /** rounds of asking each unit for its gaps and resending them (default 4) */
  maxRounds?: number;
  /** bytes of the image broadcast so far */
  onProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
}

export interface BroadcastUnitResult {
  address: number;
  /** the unit holds every chunk but the last: its upload will resume there */
  ready: boolean;
  /** chunks sent to this unit alone */
  resent: number;
  /** why it is not ready */
  error?: string;
}

export interface BroadcastResult {
  units: BroadcastUnitResult[];
  /** chunks sent to the broadcast address */
  chunks: number;
}

const chunkBody = (image: Uint8Array, off: number, blk: number, sha: Uint8Array) => {
  const data = image.subarray(off, off + blk);
  return off === 0 ? { off, data, len: image.length, blk, sha } : { off, data };
};

export async function readBroadcastStatus(client: SmpClient): Promise<BroadcastStatus> {
  const body = await client.request({ op: 'read', group: BMS_GROUP_ID, command: BmsCommand.bcastStatus });
  const what = 'bms broadcast status';
  return {
    len: need(body, 'len', 'number', what),
    blk: need(body, 'blk', 'number', what),
    sha: need(body, 'sha', 'bytes', what),
    missing: needList(body, 'missing', 'number', what),
    ready: need(body, 'ready', 'boolean', what)
  };
}

export async function broadcastImage(bus: Rs485Bus, targets: BroadcastTarget[], image: Uint8Array, options: BroadcastOptions = {}): Promise<BroadcastResult> {
  const blk = options.chunkSize ?? BROADCAST_CHUNK;
  const sha = sha256(image);
  // Every chunk but the last: that one completes the image through each unit's own upload.
  const offsets: number[] = [];
  for (let off = 0; off + blk < image.length; off += blk) offsets.push(off);
  let seq = 0;
  for (const off of offsets) {
    stopIfAborted(options.signal);
    const packet = encodePacket({ version: 1, op: SmpOp.write, group: BMS_GROUP_ID, seq: seq++ & 0xff, command: BmsCommand.bcastChunk, body: chunkBody(image, off, blk, sha) });
    await bus.broadcast(packet);
    options.onProgress?.(off + blk, image.length);
  }
  const units: BroadcastUnitResult[] = [];
  for (const { address, client } of targets) units.push(await repair(client, address, image, blk, sha, options));
  return { units, chunks: offsets.length };
}

/** Asks the unit what it missed and resends that, addressed, a few rounds at most. */
async function repair(client: SmpClient, address: number, image: Uint8Array, blk: number, sha: Uint8Array, options: BroadcastOptions): Promise<BroadcastUnitResult> {
  const result: BroadcastUnitResult = { address, ready: false, resent: 0 };
  try {
    for (let round = 0; round < (options.maxRounds ?? 4); round += 1) {
      const status = await readBroadcastStatus(client);
      if (status.ready && sameBytes(status.sha, sha)) return { ...result, ready: true };
      // A unit that missed the first chunk knows nothing of this image yet: start it there.
      const missing = status.len === image.length && sameBytes(status.sha, sha) ? status.missing : [0];
      for (const off of missing) {
        stopIfAborted(options.signal);
        await client.request({ op: 'write', group: BMS_GROUP_ID, command: BmsCommand.bcastChunk, body: chunkBody(image, off, blk, sha) });
        result.resent += 1;
      }
    }
    const status = await readBroadcastStatus(client);
    if (status.ready && sameBytes(status.sha, sha)) return { ...result, ready: true };
    return { ...result, error: `RS485_BROADCAST_INCOMPLETE: ${status.missing.length} chunk(s) still missing after ${options.maxRounds ?? 4} rounds` };
  } catch (error) {
    if (!isBmsError(error) || error.code === 'CANCELLED') throw error;
    const { code, detail } = toErrorData(error);
    return { ...result, error: `${code}: ${detail}` };
  }
}

const stopIfAborted = (signal?: AbortSignal) => {
  if (signal?.aborted) fail('CANCELLED', 'the broadcast transfer was stopped');
};
