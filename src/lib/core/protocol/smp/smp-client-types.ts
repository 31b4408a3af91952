/** The client's options, requests, events and limits (split from smp-client.ts to keep it readable). */
import type { ErrorCode } from '../../errors';
import type { CborMap } from './cbor';
import type { SmpHeader, SmpVersion } from './smp-packet';

/**
 * A device's SMP transport limits, shared by the client (from OS params, cmd 6, when the device answers,
 * else the device profile) and the virtual BMS (Kconfig choices on a real device, options there).
 */
export interface SmpLimits {
  /** longest serial line, marker and newline included (127 is the SMP standard; never reported) */
  lineLength: number;
  /** the device's receive buffer: largest SMP packet accepted (CONFIG_MCUMGR_TRANSPORT_NETBUF_SIZE) */
  bufSize: number;
  /**
   * requests the device holds while one is processed (CONFIG_MCUMGR_TRANSPORT_NETBUF_COUNT): the
   * largest useful upload window
   */
  bufCount: number;
}

/** MCUboot serial recovery defaults (smp-mcuboot.md §2.2, §2.4). */
export const DEFAULT_SMP_LIMITS: Readonly<SmpLimits> = { lineLength: 127, bufSize: 512, bufCount: 1 };

export const DEFAULT_TIMEOUT_MS = 3000;
/** Erase and the first upload chunk (which erases the slot) can take seconds (smp-mcuboot.md §3). */
export const LONG_TIMEOUT_MS = 30_000;

export type SmpClientEvent =
  | { type: 'tx'; header: SmpHeader; attempt: number; bytes: number }
  | { type: 'rx'; header: SmpHeader }
  | { type: 'noise'; text: string }
  | { type: 'bad-frame'; code: ErrorCode; detail: string }
  | { type: 'line-error'; code: ErrorCode; detail: string }
  | { type: 'retry'; what: string; attempt: number }
  | { type: 'version-fallback'; detail: string }
  | { type: 'unmatched'; header: SmpHeader };

/**
 * How packets travel on the link: 'console' is the serial framing (base64 lines with a CRC), 'raw' is
 * bare packets reassembled by the header length (BLE GATT, smp-mcuboot.md §2.5).
 */
export type SmpFraming = 'console' | 'raw';

export interface SmpClientOptions {
  /** default: 'raw' on a BLE link, 'console' on every other */
  framing?: SmpFraming;
  /** Per-device-profile defaults; OS params overrides bufSize and bufCount when the device answers. */
  limits?: Partial<SmpLimits>;
  timeoutMs?: number;
  /** resends of an idempotent request after a timeout (default 2) */
  retries?: number;
  /** header version to start with: 1 (SMP v2, default) falls back to 0 when the device answers v1 */
  version?: SmpVersion;
  onEvent?: (event: SmpClientEvent) => void;
}

export interface SmpRequest {
  op: 'read' | 'write';
  group: number;
  command: number;
  body?: CborMap;
  timeoutMs?: number;
  /** Safe to resend: the device ends in the same state whether it ran once or twice. Default: reads. */
  idempotent?: boolean;
  /** overrides the client's retries for an idempotent request */
  retries?: number;
  signal?: AbortSignal;
}

export interface SmpStats {
  requests: number;
  responses: number;
  retries: number;
  timeouts: number;
  badFrames: number;
  lineErrors: number;
  noiseBytes: number;
}
