/**
 * Drives a virtual BMS on a manual clock the way a host would: SMP packets framed for the serial line
 * into its port, responses decoded from what it transmits, simulated time advanced from one device
 * timer to the next. For tests (this project's and other modules'), where real waiting would be slow.
 */
import type { CborMap } from '../smp/cbor';
import { SerialFrameDecoder, encodeSerialFrames } from '../smp/serial-frame';
import { SmpOp, decodePacket, encodePacket, type SmpPacket, type SmpVersion } from '../smp/smp-packet';
import type { ManualClock } from './device-clock';
import type { VirtualBms } from './virtual-bms';

export interface SmpHarness {
  /** Sends one request and waits (in simulated time) for the response with the same sequence number. */
  request(group: number, command: number, op: 'read' | 'write', body?: CborMap, options?: { version?: SmpVersion; timeoutMs?: number }): Promise<SmpPacket>;
  /** Sends raw bytes (e.g. hand-made frames) without waiting. */
  send(bytes: Uint8Array): void;
  /** Runs the device's timers for this much simulated time. */
  advance(ms: number): Promise<void>;
  /** Advances until the device answers SMP again (after a reset), or throws after timeoutMs. */
  waitUntilReady(timeoutMs?: number): Promise<void>;
  /** Responses received and not yet claimed by request(). */
  readonly unclaimed: SmpPacket[];
}

export class SmpTimeout extends Error {}

export function createSmpHarness(bms: VirtualBms, clock: ManualClock, lineLength = 127): SmpHarness {
  const decoder = new SerialFrameDecoder();
  const unclaimed: SmpPacket[] = [];
  let seq = 0;
  bms.port.onTransmit((bytes) => {
    for (const event of decoder.push(bytes)) if (event.type === 'packet') unclaimed.push(decodePacket(event.packet));
  });

  async function runUntil(deadline: number, done: () => boolean): Promise<boolean> {
    for (;;) {
      await bms.settled();
      if (done()) return true;
      const next = clock.nextTimerIn();
      if (next === undefined || clock.now() + next > deadline) {
        clock.advance(Math.max(0, deadline - clock.now()));
        await bms.settled();
        return done();
      }
      clock.advance(next);
    }
  }

  const harness: SmpHarness = {
    unclaimed,
    send: (bytes) => bms.port.receive(bytes),
    async request(group, command, op, body = {}, options = {}) {
      seq = (seq + 1) & 0xff;
      const mySeq = seq;
      const packet = encodePacket({ version: options.version ?? 1, op: op === 'read' ? SmpOp.read : SmpOp.write, group, seq: mySeq, command, body });
      bms.port.receive(encodeSerialFrames(packet, { lineLength }));
      const match = () => unclaimed.findIndex((p) => p.header.seq === mySeq && p.header.group === group && p.header.command === command);
      const deadline = clock.now() + (options.timeoutMs ?? 10_000);
      if (!(await runUntil(deadline, () => match() >= 0))) throw new SmpTimeout(`no response to group ${group} command ${command} (seq ${mySeq})`);
      return unclaimed.splice(match(), 1)[0];
    },
    async advance(ms) {
      await runUntil(clock.now() + ms, () => false);
    },
    async waitUntilReady(timeoutMs = 30_000) {
      const deadline = clock.now() + timeoutMs;
      const ready = () => bms.status === 'app' || bms.status === 'recovery';
      if (!(await runUntil(deadline, ready))) throw new SmpTimeout(`device not ready after ${timeoutMs} ms (status ${bms.status})`);
    }
  };
  return harness;
}
