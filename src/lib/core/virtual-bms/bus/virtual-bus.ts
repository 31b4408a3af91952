/**
 * A half-duplex RS485 bus: one pair of wires shared by the host's USB-RS485 adapter and every unit.
 * Whoever transmits occupies the wire for its bytes' line time (8N1 at its own rate); two transmissions
 * that overlap in time garble each other, both of them (RS485 drivers fight, receivers see nonsense), and
 * every other member hears each transmission once it is complete. A unit starts answering only after
 * its turnaround (the firmware and the transceiver's driver-enable switch-over). A member listening at
 * another rate than the talker's hears the garbage a UART would (uart-line.ts). Per-unit faults: a
 * unit can drop off the bus (unplugged, its fuse blown) and come back, or sit on a noisy segment.
 */
import type { DevicePort } from '../../link/device-port';
import type { Link, ReadOptions } from '../../link/link';
import { LinkLifecycle } from '../../link/link-lifecycle';
import { seededRandom } from '../../link/seeded-random';
import { Timeline } from '../../link/timeline';
import { BITS_PER_BYTE, flipBits, resampleUart } from '../../link/uart-line';

export interface VirtualBusOptions {
  /** the adapter's line rate at start (default 115200, our BMS's and the JK-PB's default) */
  baudRate?: number;
  /** a unit's switch from receiving to transmitting, in ms (default 1) */
  turnaroundMs?: number;
  /** seeds collision garbage and per-unit noise */
  seed?: number;
  now?: () => number;
}

/** One unit on the bus, with its faults. */
export interface BusTap {
  readonly label: string;
  readonly port: DevicePort;
  /** off the bus: hears nothing, and nothing it sends reaches the wire */
  dropped: boolean;
  /** probability of each data bit being flipped in both directions (a noisy segment, a bad crimp) */
  bitErrorRate: number;
}

export interface BusStats {
  transmissions: number;
  /** pairs of transmissions that overlapped on the wire */
  collisions: number;
}

export interface VirtualBus {
  /** the adapter end as a device port, for the pseudo-terminal bridge */
  readonly adapter: DevicePort;
  readonly taps: readonly BusTap[];
  readonly stats: Readonly<BusStats>;
  attach(port: DevicePort, label: string): BusTap;
  /** the host's Link through the adapter (in-process tests and benchmarks); its rate can be changed */
  hostLink(label?: string): Link;
  close(): void;
}

interface Member {
  baud(): number;
  receive(bytes: Uint8Array): void;
  tap?: BusTap;
  txBusyUntil: number;
}

interface Transmission {
  from: Member;
  bytes: Uint8Array;
  baud: number;
  start: number;
  end: number;
  collided: boolean;
}

/** Fraction of bits a collision flips: two drivers fighting leave about every other bit undefined. */
const COLLISION_BIT_RATE = 0.3;

export function createVirtualBus(options: VirtualBusOptions = {}): VirtualBus {
  const timeline = new Timeline(options.now ?? (() => performance.now()));
  const random = seededRandom(options.seed ?? 1);
  const turnaroundMs = options.turnaroundMs ?? 1;
  const stats: BusStats = { transmissions: 0, collisions: 0 };
  let hostBaud = options.baudRate ?? 115_200;
  const adapterListeners = new Set<(bytes: Uint8Array) => void>();
  let hostLife: LinkLifecycle | undefined;
  const host: Member = {
    baud: () => hostBaud,
    receive: (bytes) => {
      adapterListeners.forEach((listener) => listener(bytes));
      if (hostLife?.isOpen) hostLife.queue.push(bytes);
    },
    txBusyUntil: 0
  };
  const members: Member[] = [host];
  const taps: BusTap[] = [];
  const onWire = new Set<Transmission>();

  const noisy = (member: Member, bytes: Uint8Array) => flipBits(bytes, member.tap?.bitErrorRate ?? 0, random).bytes;

  const deliver = (t: Transmission) => {
    onWire.delete(t);
    const heard = t.collided ? flipBits(t.bytes, COLLISION_BIT_RATE, random).bytes : t.bytes;
    for (const member of members) {
      if (member === t.from || member.tap?.dropped) continue;
      const rx = member.baud();
      const bytes = rx === t.baud ? heard : resampleUart(heard, t.baud, rx).bytes;
      if (bytes.length > 0) member.receive(noisy(member, bytes));
    }
  };

  /** Puts bytes on the wire no earlier than `earliest`; returns when the last bit is out. */
  const transmit = (from: Member, bytes: Uint8Array, earliest: number): number => {
    const baud = from.baud();
    const start = Math.max(earliest, from.txBusyUntil);
    const end = start + (bytes.length * BITS_PER_BYTE * 1000) / baud;
    from.txBusyUntil = end;
    const t: Transmission = { from, bytes: noisy(from, bytes), baud, start, end, collided: false };
    for (const other of onWire) {
      if (other.from === from || other.start >= end || start >= other.end) continue;
      other.collided = t.collided = true;
      stats.collisions += 1;
    }
    stats.transmissions += 1;
    onWire.add(t);
    timeline.at(end, () => deliver(t));
    return end;
  };

  return {
    adapter: {
      get baudRate() {
        return hostBaud;
      },
      receive: (bytes) => void transmit(host, bytes.slice(), timeline.now()),
      onTransmit: (listener) => {
        adapterListeners.add(listener);
        return () => adapterListeners.delete(listener);
      }
    },
    taps,
    stats,
    attach(port, label) {
      const tap: BusTap = { label, port, dropped: false, bitErrorRate: 0 };
      const member: Member = { baud: () => port.baudRate, receive: (bytes) => port.receive(bytes), tap, txBusyUntil: 0 };
      port.onTransmit((bytes) => {
        if (!tap.dropped) transmit(member, bytes.slice(), timeline.now() + turnaroundMs);
      });
      members.push(member);
      taps.push(tap);
      return tap;
    },
    hostLink(label = 'virtual RS485 bus') {
      const life = new LinkLifecycle();
      hostLife = life;
      const info = { kind: 'virtual' as const, wired: true, label, baudRate: hostBaud };
      return {
        info,
        async write(bytes: Uint8Array) {
          life.assertOpen('write');
          const end = transmit(host, bytes.slice(), timeline.now());
          await life.whileOpen(new Promise<void>((resolve) => timeline.at(end, resolve)));
        },
        read: (readOptions?: ReadOptions) => life.queue.read(readOptions),
        async setBaudRate(baudRate: number) {
          life.assertOpen('change the baud rate');
          hostBaud = baudRate;
          info.baudRate = baudRate;
        },
        async close() {
          life.closing();
        },
        onDisconnect: (listener) => life.onDisconnect(listener)
      };
    },
    close: () => {
      timeline.clear();
      hostLife?.closing();
    }
  };
}
