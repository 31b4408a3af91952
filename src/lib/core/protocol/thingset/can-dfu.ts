/**
 * Firmware transfer to a ThingSet node over CAN (thingset-zephyr-sdk dfu.c, scripts/thingset-dfu-can.py):
 * binary `xInit` (0x2D0), `xWrite` (0x2D1) with the chunk as a CBOR byte string, `xBoot` (0x2D3). ISO-TP
 * carries long messages, but the device copies each chunk into bData, a CONFIG_THINGSET_DFU_CHUNK_SIZE
 * buffer (256 bytes unless the build changes it): a longer chunk is refused (status AF) before anything
 * is written, and a request over its 600-byte receive buffer is refused by ISO-TP (OVERFLOW). So the
 * first chunk finds the size: a refusal there halves it (down to the Kconfig minimum, 64) and resends.
 * After xBoot the node answers for 1 s more, resets, and claims its address again once the firmware
 * that now runs has started: the version is read only then, never from the old firmware.
 */
import { fail, isBmsError } from '../../errors';
import type { ThingSetCanBus, ThingSetCanClient } from './can-client';
import { STATUS } from './thingset-status';

export const DFU_IDS = { init: 0x2d0, write: 0x2d1, boot: 0x2d3 } as const;
/** CONFIG_THINGSET_DFU_CHUNK_SIZE's default: what stock LibreSolar builds take per xWrite. */
export const CAN_DFU_CHUNK = 256;
const MIN_CHUNK = 64;
const FIRMWARE_VERSION = 'Device/cFirmwareVersion';

export interface CanDfuOptions {
  /** first chunk size to try (default 256; a custom build may take up to 4096) */
  chunkSize?: number;
  /** xInit may erase the whole slot first (default 10 s) */
  initTimeoutMs?: number;
  onProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
}

async function rc(client: ThingSetCanClient, id: number, args: (Uint8Array | number)[], name: string, timeoutMs?: number): Promise<void> {
  const result = await client.exec(id, args, { timeoutMs });
  if (result !== 0) fail('THINGSET_DFU_FAILED', `DFU/${name} returned ${JSON.stringify(result)}${result === -16 ? ' (EBUSY: the transfer was not initialised)' : ''}`);
}

function checkAbort(signal: AbortSignal | undefined, sent: number, total: number): void {
  if (signal?.aborted) fail('CANCELLED', `firmware transfer stopped after ${sent} of ${total} bytes; the running firmware is untouched`);
}

/** A refusal that means "chunk too large": bData overflow (AF, AD) or the ISO-TP receive buffer. */
function tooLarge(error: unknown, status?: number): boolean {
  if (status === STATUS.UNSUPPORTED_FORMAT || status === STATUS.REQUEST_TOO_LARGE) return true;
  return isBmsError(error) && error.code === 'ISOTP_OVERFLOW';
}

/** Writes `image` to the node's secondary slot; returns the chunk size the device took. */
export async function transferImageCan(client: ThingSetCanClient, image: Uint8Array, options: CanDfuOptions = {}): Promise<number> {
  let chunk = options.chunkSize ?? CAN_DFU_CHUNK;
  if (!Number.isInteger(chunk) || chunk < MIN_CHUNK || chunk > 4096) fail('THINGSET_REQUEST_TOO_LARGE', `chunk size ${chunk}: the firmware's chunk buffer is 64 to 4096 bytes`);
  checkAbort(options.signal, 0, image.length);
  await rc(client, DFU_IDS.init, [], 'xInit', options.initTimeoutMs ?? 10_000);
  for (let at = 0; at < image.length; ) {
    checkAbort(options.signal, at, image.length);
    const part = image.subarray(at, at + chunk);
    let answer;
    try {
      answer = await client.request({ fn: 'exec', endpoint: DFU_IDS.write, data: [part] });
    } catch (error) {
      if (at === 0 && chunk > MIN_CHUNK && tooLarge(error)) {
        chunk = Math.max(MIN_CHUNK, chunk >> 1);
        continue;
      }
      throw error;
    }
    if (at === 0 && chunk > MIN_CHUNK && answer && tooLarge(undefined, answer.status)) {
      chunk = Math.max(MIN_CHUNK, chunk >> 1);
      continue;
    }
    if (!answer || answer.status !== STATUS.CHANGED || answer.data !== 0) {
      fail('THINGSET_DFU_FAILED', `DFU/xWrite at byte ${at} answered status 0x${answer?.status.toString(16)} with ${JSON.stringify(answer?.data)}`);
    }
    at += part.length;
    options.onProgress?.(at, image.length);
  }
  return chunk;
}

/** `xBoot`: marks the slot for a test upgrade; the node resets 1 s later. */
export function requestBootCan(client: ThingSetCanClient): Promise<void> {
  return rc(client, DFU_IDS.boot, [], 'xBoot');
}

/**
 * After xBoot or xReset: waits for the node's next address claim (sent by the firmware that starts
 * after the reset), then reads the version that runs. A node that never claims again (a firmware that
 * does not start, a silent bootloader) is THINGSET_NO_ANSWER, never a success.
 */
export async function readVersionAfterRestartCan(bus: ThingSetCanBus, address: number, options: { withinMs?: number; signal?: AbortSignal } = {}): Promise<string> {
  await bus.nextClaim(address, options.withinMs ?? 20_000, options.signal);
  const version = await bus.client(address).get(FIRMWARE_VERSION, { timeoutMs: 2000 });
  if (typeof version !== 'string') fail('THINGSET_LINE_INVALID', `cFirmwareVersion is ${JSON.stringify(version)}, not a text`);
  return version;
}

/**
 * The whole update: transfer, boot request, restart, version read back. The update counts only when
 * the firmware that runs afterwards reports `expected`; otherwise the bootloader refused the image.
 */
export async function installImageCan(
  bus: ThingSetCanBus,
  address: number,
  image: Uint8Array,
  expected: string,
  options: CanDfuOptions & { restartWithinMs?: number } = {}
): Promise<{ running: string; chunkSize: number }> {
  const client = bus.client(address);
  const before = await client.get(FIRMWARE_VERSION);
  const chunkSize = await transferImageCan(client, image, options);
  // Listen for the claim before asking for the boot: the reset can come before the answer is read.
  const back = readVersionAfterRestartCan(bus, address, { withinMs: options.restartWithinMs, signal: options.signal });
  back.catch(() => undefined);
  await requestBootCan(client);
  const running = await back;
  if (running !== expected) {
    fail('THINGSET_DFU_REFUSED', `node 0x${address.toString(16)} runs ${running} after the update (before: ${JSON.stringify(before)}, sent: ${expected})`);
  }
  return { running, chunkSize };
}
