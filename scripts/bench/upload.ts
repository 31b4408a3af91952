/**
 * Upload throughput: the virtual BMS flashed through the paced UART line in real time (8N1), windowed
 * client vs stop-and-wait (window 1, as classic mcumgr), against the protocol-bound maximum: the line
 * rate times the share of payload in the exact bytes of the upload requests (serial framing, base64,
 * SMP header, CBOR). Rates are measured after the first chunk, whose answer waits for the slot erase
 * (device time, not protocol); the whole upload, erase included, is printed as well.
 *
 * Each run boots a virtual BMS whose slots fit the image (512 KiB for 256 KiB, 2 MiB for 1 MiB).
 * BENCH_UPLOAD_CASES picks the cases, e.g. "115200:256K,1000000:1M". The default leaves out
 * 115200 baud × 1 MiB (about 2 minutes a run, 4 runs); BENCH_UPLOAD_CASES=all adds it.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import type { SmpLimits } from '../../src/lib/core/protocol/smp/smp-client-types';
import { DEFAULT_SLOT_SIZE } from '../../src/lib/core/virtual-bms/flash/flash-layout';
import { uploadBody, type UploadChunk } from '../../src/lib/core/protocol/smp/groups/image-group';
import { encodeSerialFrames } from '../../src/lib/core/protocol/smp/serial-frame';
import { ImageCommand, SmpGroup } from '../../src/lib/core/protocol/smp/smp-ids';
import { encodePacket, SmpOp } from '../../src/lib/core/protocol/smp/smp-packet';
import { uploadImage, type UploadResult } from '../../src/lib/core/protocol/smp/upload';
import { MIB, type BenchModule, type BenchRow } from './bench-types';
import { benchImage, bootVirtualBms, deviceAtBaud, openRigSession } from './virtual-rig';

const KIB = 1024;
const DEFAULT_CASES = '115200:256K,1000000:256K,1000000:1M';
const ALL_CASES = '115200:256K,115200:1M,1000000:256K,1000000:1M';

/** The virtual BMS's default (a Zephyr app's CONFIG_MCUMGR_TRANSPORT_NETBUF_SIZE/COUNT) and a large-buffer build. */
const DEVICE_CONFIGS: { name: string; smp: Pick<SmpLimits, 'bufSize' | 'bufCount'> }[] = [
  { name: 'buf 384×4 (default)', smp: { bufSize: 384, bufCount: 4 } },
  { name: 'buf 2475×4', smp: { bufSize: 2475, bufCount: 4 } }
];

interface Case {
  baud: number;
  size: number;
}

export function parseCases(text: string): Case[] {
  return (text === 'all' ? ALL_CASES : text).split(',').map((item) => {
    const match = /^(\d+):(\d+)([KM])$/i.exec(item.trim());
    if (!match) throw new Error(`BENCH_UPLOAD_CASES item "${item}" should look like 115200:256K or 1000000:1M`);
    return { baud: Number(match[1]), size: Number(match[2]) * (match[3].toUpperCase() === 'M' ? MIB : KIB) };
  });
}

/** Bytes on the line for each upload request of this image, exactly as the client frames them. */
export function requestLineBytes(image: Uint8Array, result: Pick<UploadResult, 'firstChunkSize' | 'chunkSize'>, lineLength: number, sha: Uint8Array) {
  const frameBytes = (chunk: UploadChunk) =>
    encodeSerialFrames(
      encodePacket({ version: 1, op: SmpOp.write, group: SmpGroup.image, seq: 0, command: ImageCommand.upload, body: uploadBody(chunk) }),
      { lineLength }
    ).length;
  const first = frameBytes({ off: 0, len: image.length, sha, data: image.subarray(0, result.firstChunkSize) });
  let rest = 0;
  for (let off = result.firstChunkSize; off < image.length; off += result.chunkSize) {
    rest += frameBytes({ off, data: image.subarray(off, Math.min(image.length, off + result.chunkSize)) });
  }
  return { first, rest };
}

interface Run {
  result: UploadResult;
  /** after the first chunk: bytes and ms */
  streamBytes: number;
  streamMs: number;
  totalMs: number;
  lineLength: number;
  /** bytes the host put on the line during the upload */
  lineBytes: number;
}

/**
 * The smallest power-of-two slot (flash parts come in those) that holds the image: the slot's trailer
 * (24 bytes per 4 KiB sector) and swap-using-move's spare sector take less than 1/16 of it.
 */
function slotFor(imageLength: number): number {
  let slot = DEFAULT_SLOT_SIZE;
  while (imageLength > slot - slot / 16) slot *= 2;
  return slot;
}

async function measure(config: (typeof DEVICE_CONFIGS)[number], { baud }: Case, image: Uint8Array, stopAndWait: boolean): Promise<Run> {
  const bms = await bootVirtualBms({ smp: config.smp, slotSize: slotFor(image.length) });
  const rig = await openRigSession(deviceAtBaud(bms.port, baud), { baudRate: baud });
  try {
    const bytesBefore = rig.link.stats.bytesSent;
    let firstAt: number | undefined;
    let firstSent = 0;
    const started = performance.now();
    const result = await uploadImage(rig.session.client, image, {
      stopAndWait,
      onProgress: (p) => {
        if (firstAt === undefined) {
          firstAt = performance.now();
          firstSent = p.sent;
        }
      }
    });
    const ended = performance.now();
    return {
      result,
      streamBytes: image.length - firstSent,
      streamMs: ended - (firstAt ?? started),
      totalMs: ended - started,
      lineLength: rig.session.client.limits.lineLength,
      lineBytes: rig.link.stats.bytesSent - bytesBefore
    };
  } finally {
    await rig.close();
  }
}

const percent = (x: number) => `${(x * 100).toFixed(1)} %`;
const kibPerSecond = (bytes: number, ms: number) => `${(bytes / KIB / (ms / 1000)).toFixed(1)} KiB/s`;

/** One line per case with the ratios the table does not show; printed under the description. */
let notes: string[] = [];

export const uploadBench: BenchModule = {
  name: 'upload',
  baseline: 'stop-and-wait',
  describe: () =>
    [
      `Virtual BMS over the paced 8N1 line in real time, Node ${process.version}. Per case: "protocol max" = line ` +
    `rate × payload share of the exact request bytes (framing + base64 + header + CBOR) for the chunk size used; ` +
    `"stop-and-wait" = window 1 (classic mcumgr); "windowed" = window of the device's buf_count; device slots ` +
    `sized to fit the image (smallest power of two, from 128 KiB). MB/s and ms ` +
    `are after the first chunk (the slot erase is device time); efficiency = payload rate ÷ (baud/10). ` +
    `Cases: BENCH_UPLOAD_CASES (default ${DEFAULT_CASES}; "all" adds 115200:1M).`,
      ...notes
    ].join('\n'),
  async run() {
    const rows: BenchRow[] = [];
    notes = [];
    for (const benchCase of parseCases(process.env.BENCH_UPLOAD_CASES ?? DEFAULT_CASES)) {
      const image = benchImage(benchCase.size);
      const lineRate = benchCase.baud / 10;
      for (const config of DEVICE_CONFIGS) {
        const label = `${benchCase.baud} baud ${benchCase.size >= MIB ? `${benchCase.size / MIB} MiB` : `${benchCase.size / KIB} KiB`} ${config.name}`;
        const slow = await measure(config, benchCase, image, true);
        const fast = await measure(config, benchCase, image, false);
        const bytes = requestLineBytes(image, fast.result, fast.lineLength, sha256(image));
        // The computed request bytes are what the client sends: checked against the line when nothing was resent.
        if (fast.result.retries === 0 && fast.lineBytes !== bytes.first + bytes.rest) {
          throw new Error(`computed ${bytes.first + bytes.rest} request bytes, the line carried ${fast.lineBytes}`);
        }
        const maxMs = (bytes.rest / lineRate) * 1000;
        rows.push({ case: label, method: 'protocol max', bytes: fast.streamBytes, ms: maxMs });
        rows.push({ case: label, method: 'stop-and-wait', bytes: slow.streamBytes, ms: slow.streamMs });
        rows.push({ case: label, method: `windowed ×${fast.result.window}`, bytes: fast.streamBytes, ms: fast.streamMs });
        const efficiency = (run: Run) => run.streamBytes / (run.streamMs / 1000) / lineRate;
        // What stop-and-wait pays per request on top of the line time: device processing plus the answer.
        const chunks = Math.ceil(slow.streamBytes / slow.result.chunkSize);
        const turnaroundMs = (slow.streamMs - maxMs) / chunks;
        const maxEfficiency = fast.streamBytes / (bytes.rest / lineRate) / lineRate;
        notes.push(
          `- ${label}: chunk ${fast.result.chunkSize} B, windowed ${kibPerSecond(fast.streamBytes, fast.streamMs)}; ` +
            `efficiency max ${percent(maxEfficiency)}, ` +
            `stop-and-wait ${percent(efficiency(slow))}, windowed ${percent(efficiency(fast))}; ` +
            `windowed/max ${percent(maxMs / fast.streamMs)}, windowed/stop-and-wait ${(slow.streamMs / fast.streamMs).toFixed(2)}× ` +
            `(line ${(maxMs / chunks).toFixed(1)} ms + turnaround ${turnaroundMs.toFixed(1)} ms per request); ` +
            `whole upload incl. erase: windowed ${(fast.totalMs / 1000).toFixed(1)} s, stop-and-wait ${(slow.totalMs / 1000).toFixed(1)} s`
        );
      }
    }
    return rows;
  }
};
