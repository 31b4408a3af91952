/**
 * A host-side Link wired to a device byte port through a simulated UART line: bytes take real time at
 * the line rate (8N1, 10 bits a byte, both ways) so benchmarks measure protocol efficiency, and the line
 * can flip bits, mismatch baud rates (garbage both ways, as real hardware shows), add latency and be
 * cut after N bytes (the cable pulled mid-transfer, R16).
 */
import type { DevicePort } from './device-port';
import { BmsError } from '../errors';
import type { Link, LinkInfo, ReadOptions } from './link';
import { LinkLifecycle } from './link-lifecycle';
import { seededRandom } from './seeded-random';
import { Timeline } from './timeline';
import { BITS_PER_BYTE, cleanBurst, flipBits, resampleUart, type UartBurst } from './uart-line';

export interface PacedLinkOptions {
  /** The host's line rate at start; defaults to the device's (a matched line). */
  baudRate?: number;
  /** Probability that each data bit is flipped, in both directions (0, the default, is a clean line). */
  bitErrorRate?: number;
  /** Seed of the bit-error generator: the same seed flips the same bits. */
  seed?: number;
  /** One-way delay added to every delivery, in ms (a USB adapter's latency timer, an RS485 converter). */
  latencyMs?: number;
  /** The link drops (as if the cable were pulled) once the host has sent this many bytes. */
  disconnectAfterBytes?: number;
  /**
   * false delivers bytes without line time (latency still applies): for fast functional tests. A
   * function is asked at every burst, so a change (the Virtual BMS panel's "unpaced") applies at once.
   */
  pace?: boolean | (() => boolean);
  /** Label for logs; defaults to "virtual line". */
  label?: string;
  /** Clock in ms; defaults to performance.now. */
  now?: () => number;
}

export interface PacedLinkStats {
  bytesSent: number;
  bytesReceived: number;
  /** Data bits flipped by the simulated noise, both directions. */
  bitsFlipped: number;
  /** Bytes dropped for a low stop bit (baud mismatch), both directions. */
  framingErrors: number;
}

export interface PacedLink extends Link {
  readonly stats: Readonly<PacedLinkStats>;
  /** Cuts the line now, as a pulled cable or a power loss would. */
  disconnect(detail?: string): void;
}

/** Bytes delivered together: one timer per ~2 ms of line time instead of one per byte. */
const SLICE_MS = 2;

interface Direction {
  txBaud(): number;
  rxBaud(): number;
  /** When the sender's line is free again. */
  busyUntil: number;
  deliver(bytes: Uint8Array): void;
  framingError(): void;
}

export function connectPacedLink(device: DevicePort, options: PacedLinkOptions = {}): PacedLink {
  const timeline = new Timeline(options.now ?? (() => performance.now()));
  const random = seededRandom(options.seed ?? 1);
  const latencyMs = options.latencyMs ?? 0;
  const paced = typeof options.pace === 'function' ? options.pace : () => options.pace !== false;
  const life = new LinkLifecycle();
  const stats: PacedLinkStats = { bytesSent: 0, bytesReceived: 0, bitsFlipped: 0, framingErrors: 0 };
  const labelBase = options.label ?? 'virtual line';
  let hostBaud = options.baudRate ?? device.baudRate;
  const info: LinkInfo = { kind: 'virtual', wired: true, label: '', baudRate: hostBaud };
  const relabel = () => {
    info.baudRate = hostBaud;
    // no words in the label: it is shown as is in every language; "≠" flags a baud mismatch
    info.label = `${labelBase} @ ${hostBaud}${hostBaud === device.baudRate ? '' : ` (≠ ${device.baudRate})`}`;
  };
  relabel();

  const toDevice: Direction = {
    txBaud: () => hostBaud,
    rxBaud: () => device.baudRate,
    busyUntil: 0,
    deliver: (bytes) => device.receive(bytes),
    framingError: () => {}
  };
  const toHost: Direction = {
    txBaud: () => device.baudRate,
    rxBaud: () => hostBaud,
    busyUntil: 0,
    deliver: (bytes) => {
      stats.bytesReceived += bytes.length;
      life.queue.push(bytes);
    },
    framingError: () =>
      life.queue.pushError(
        new BmsError('LINK_FRAMING_ERROR', `stop bit low: host at ${hostBaud} baud, device at ${device.baudRate}`)
      )
  };

  /** Puts `bytes` on the line; returns when the sender has clocked the last bit out (ms clock). */
  const transmit = (direction: Direction, bytes: Uint8Array): number => {
    const tx = direction.txBaud();
    const rx = direction.rxBaud();
    const noisy = flipBits(bytes, options.bitErrorRate ?? 0, random);
    stats.bitsFlipped += noisy.flipped;
    const burst = tx === rx ? cleanBurst(noisy.bytes) : resampleUart(noisy.bytes, tx, rx);
    stats.framingErrors += burst.framingErrors;
    const bitMs = paced() ? 1000 / tx : 0;
    const start = Math.max(timeline.now(), direction.busyUntil);
    direction.busyUntil = start + bytes.length * BITS_PER_BYTE * bitMs;
    scheduleBurst(direction, burst, start + latencyMs, bitMs);
    return direction.busyUntil;
  };

  /** Schedules the receiver's side of a burst in time order; a run of framing errors is one event. */
  const scheduleBurst = (direction: Direction, burst: UartBurst, origin: number, bitMs: number) => {
    const { bytes, endBits, framingErrorBits: errorBits } = burst;
    const errorBefore = (e: number, b: number) => e < errorBits.length && (b >= bytes.length || errorBits[e] < endBits[b]);
    let b = 0;
    let e = 0;
    while (b < bytes.length || e < errorBits.length) {
      if (errorBefore(e, b)) {
        timeline.at(origin + errorBits[e] * bitMs, () => life.isOpen && direction.framingError());
        while (errorBefore(e, b)) e += 1;
        continue;
      }
      const sliceEnd = endBits[b] * bitMs + SLICE_MS;
      let last = b;
      while (last + 1 < bytes.length && endBits[last + 1] * bitMs <= sliceEnd && !errorBefore(e, last + 1)) last += 1;
      const slice = bytes.subarray(b, last + 1);
      timeline.at(origin + endBits[last] * bitMs, () => life.isOpen && direction.deliver(slice));
      b = last + 1;
    }
  };

  const cut = (detail: string) => {
    if (!life.disconnected(detail)) return;
    stopListening();
    timeline.clear();
  };

  const stopListening = device.onTransmit((bytes) => {
    // Copy: deliveries are queued, and the contract does not forbid a device reusing its buffer.
    if (life.isOpen) transmit(toHost, bytes.slice());
  });

  const waitUntil = (time: number) => life.whileOpen(new Promise<void>((resolve) => timeline.at(time, resolve)));

  return {
    info,
    stats,
    async write(bytes: Uint8Array): Promise<void> {
      life.assertOpen('write');
      const limit = options.disconnectAfterBytes ?? Infinity;
      const room = Math.max(0, limit - stats.bytesSent);
      const sent = bytes.length <= room ? bytes : bytes.slice(0, room);
      stats.bytesSent += sent.length;
      // Copy: the caller may reuse its buffer once write resolves, while deliveries are still queued.
      const done = transmit(toDevice, sent.slice());
      // At the limit the line is cut once the last byte is out (deliveries due then still happen). The
      // order of the two events decides the write's fate: a truncated write rejects, a full one resolves.
      const truncated = sent.length < bytes.length;
      const scheduleCut = () => timeline.at(done, () => cut(`line cut after ${limit} bytes sent (simulated cable pull)`));
      if (truncated) scheduleCut();
      const finished = waitUntil(done);
      if (!truncated && stats.bytesSent >= limit) scheduleCut();
      await finished;
    },
    read: (readOptions?: ReadOptions) => life.queue.read(readOptions),
    async setBaudRate(baudRate: number): Promise<void> {
      life.assertOpen('change the baud rate');
      hostBaud = baudRate;
      relabel();
    },
    async close(): Promise<void> {
      if (!life.closing()) return;
      stopListening();
      timeline.clear();
    },
    onDisconnect: (listener) => life.onDisconnect(listener),
    disconnect: (detail = 'line cut (simulated)') => cut(detail)
  };
}
