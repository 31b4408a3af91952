/**
 * Firmware transfer through the ThingSet DFU group (thingset-zephyr-sdk dfu.c): `!DFU/xInit` erases the
 * secondary slot, `!DFU/xWrite ["<base64>"]` appends at most 255 bytes (the device's chunk buffer; 256
 * answer `:AD`), `!DFU/xBoot` asks MCUboot for a test upgrade and reboots after 1 s. Each function
 * answers an errno (0 = done, -16 = write before init). The image is checked by the caller before this
 * runs; whether it is then booted is the bootloader's decision, read back after the reboot.
 */
import { fail, isBmsError } from '../../errors';
import { base64Encode } from '../smp/base64';
import type { ThingSetTextClient } from './text-client';

export interface ThingSetDfuOptions {
  /** data bytes per xWrite, 1 to 255 (default 255) */
  chunkSize?: number;
  /** xInit erases a whole slot first: give it time (default 10 s) */
  initTimeoutMs?: number;
  onProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
}

/** CONFIG_THINGSET_DFU_CHUNK_SIZE of the firmware: the bData buffer of xWrite. */
export const DFU_MAX_CHUNK = 255;

const decoder = new TextDecoder();

async function call(client: ThingSetTextClient, fn: string, args: string[], timeoutMs?: number): Promise<void> {
  const rc = await client.exec(`DFU/${fn}`, args, { timeoutMs });
  if (rc !== 0) fail('THINGSET_DFU_FAILED', `!DFU/${fn} returned ${JSON.stringify(rc)}${rc === -16 ? ' (EBUSY: the transfer was not initialised)' : ''}`);
}

function checkAbort(signal: AbortSignal | undefined, sent: number, total: number): void {
  if (signal?.aborted) fail('CANCELLED', `firmware transfer stopped after ${sent} of ${total} bytes; the running firmware is untouched`);
}

/** Writes `image` to the secondary slot; with `boot`, requests the test upgrade and the reboot. */
export async function transferImage(client: ThingSetTextClient, image: Uint8Array, options: ThingSetDfuOptions = {}): Promise<void> {
  const chunkSize = options.chunkSize ?? DFU_MAX_CHUNK;
  if (!Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > DFU_MAX_CHUNK) {
    fail('THINGSET_REQUEST_TOO_LARGE', `chunk size ${chunkSize}: the device takes 1 to ${DFU_MAX_CHUNK} bytes per write`);
  }
  checkAbort(options.signal, 0, image.length);
  await call(client, 'xInit', [], options.initTimeoutMs ?? 10_000);
  for (let at = 0; at < image.length; at += chunkSize) {
    checkAbort(options.signal, at, image.length);
    await call(client, 'xWrite', [decoder.decode(base64Encode(image.subarray(at, at + chunkSize)))]);
    options.onProgress?.(Math.min(at + chunkSize, image.length), image.length);
  }
}

/** `!DFU/xBoot`: flushes the last bytes, marks the slot for a test upgrade; the device reboots 1 s later. */
export function requestBoot(client: ThingSetTextClient): Promise<void> {
  return call(client, 'xBoot', []);
}

/** dfu.c reboots 1 s after xBoot; the board then stays silent while MCUboot and the firmware start. */
const POLL_TIMEOUT_MS = 250;

async function ask(client: ThingSetTextClient): Promise<string | undefined> {
  try {
    const version = await client.get('Device/cFirmwareVersion', { timeoutMs: POLL_TIMEOUT_MS });
    if (typeof version !== 'string') fail('THINGSET_LINE_INVALID', `cFirmwareVersion is ${JSON.stringify(version)}, not a text`);
    return version;
  } catch (error) {
    if (isBmsError(error) && error.code === 'THINGSET_NO_ANSWER') return undefined;
    throw error;
  }
}

/**
 * After xBoot or xReset: waits until the device has really gone (it answers for up to 1 s more), then
 * until it answers again, and returns what the firmware that runs now says it is. Reading too early
 * would return the old firmware's version and claim an update that has not happened.
 */
export async function readVersionAfterRestart(client: ThingSetTextClient, options: { withinMs?: number; signal?: AbortSignal } = {}): Promise<string> {
  const start = Date.now();
  const withinMs = options.withinMs ?? 20_000;
  const check = (phase: string) => {
    if (options.signal?.aborted) fail('CANCELLED', `stopped while waiting for the BMS to ${phase}`);
    if (Date.now() - start > withinMs) fail('THINGSET_NO_ANSWER', `the BMS did not ${phase} within ${withinMs} ms`);
  };
  while ((await ask(client)) !== undefined) check('restart');
  for (;;) {
    check('come back after its restart');
    const version = await ask(client);
    if (version !== undefined) return version;
  }
}

/** Waits until the device answers (after power-on or a reconnect) and returns its firmware version. */
export async function readVersionWhenReady(client: ThingSetTextClient, withinMs = 5000): Promise<string> {
  const start = Date.now();
  for (;;) {
    const version = await ask(client);
    if (version !== undefined) return version;
    if (Date.now() - start > withinMs) fail('THINGSET_NO_ANSWER', `the BMS did not answer within ${withinMs} ms`);
  }
}
