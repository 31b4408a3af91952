/**
 * Drives a virtual BMS on a manual clock the way a host would: SMP packets framed for the serial line
 * into its port, responses decoded from what it transmits, simulated time advanced from one device
 * timer to the next. For tests (this project's and other modules'), where real waiting would be slow.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { ed25519PublicKey, ed25519Sign } from '../../image/ed25519';
import type { CborMap } from '../../protocol/smp/cbor';
import { BMS_GROUP_ID, BmsCommand, authMessage } from '../../protocol/smp/groups/bms-group';
import { ImageCommand, OsCommand, SmpGroup } from '../../protocol/smp/smp-ids';
import { SerialFrameDecoder, encodeSerialFrames } from '../../protocol/smp/serial-frame';
import { SmpOp, decodePacket, encodePacket, type SmpPacket, type SmpVersion } from '../../protocol/smp/smp-packet';
import { createManualClock, type ManualClock } from '../board/device-clock';
import { FIRMWARE_TIMING } from '../firmware-runtime';
import { RESET_DELAY_MS } from '../smp/os-handlers';
import { TECHNICIAN_TEST_SECRET_KEY } from '../../image/test-keys';
import { createVirtualBms, type VirtualBms, type VirtualBmsOptions } from '../virtual-bms';

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
  readonly bms: VirtualBms;
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
    bms,
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

/** Opens a technician session (R14) with the given key (default: the enrolled technician test key). */
export async function authenticate(smp: SmpHarness, secretKey: Uint8Array = TECHNICIAN_TEST_SECRET_KEY): Promise<SmpPacket> {
  const challenge = await smp.request(BMS_GROUP_ID, BmsCommand.auth, 'read');
  const nonce = challenge.body.nonce as Uint8Array;
  const serial = challenge.body.serial as string;
  const sig = ed25519Sign(authMessage(nonce, serial), secretKey);
  return smp.request(BMS_GROUP_ID, BmsCommand.auth, 'write', { pubkey: ed25519PublicKey(secretKey), sig });
}

/**
 * Uploads an image the way a client does: first chunk with len and sha, then wherever the device's
 * `off` says. Stops early (returning the last response) on an error or after `maxChunks`.
 */
export async function uploadImage(
  smp: SmpHarness,
  image: Uint8Array,
  options: { chunk?: number; maxChunks?: number; upgrade?: boolean } = {}
): Promise<SmpPacket> {
  const chunk = options.chunk ?? 256;
  const sha = sha256(image);
  let off = 0;
  let last: SmpPacket | undefined;
  for (let sent = 0; sent < (options.maxChunks ?? Infinity); sent += 1) {
    const data = image.subarray(off, off + chunk);
    const body: CborMap = off === 0 ? { off, data, len: image.length, sha, ...(options.upgrade ? { upgrade: true } : {}) } : { off, data };
    last = await smp.request(SmpGroup.image, ImageCommand.upload, 'write', body);
    if (typeof last.body.off !== 'number') return last;
    off = last.body.off;
    if (off >= image.length) return last;
  }
  return last as SmpPacket;
}

/** A virtual BMS on a manual clock, booted and past its self-test, with a harness to talk to it. */
export async function startVirtualBms(options: Omit<VirtualBmsOptions, 'clock'> = {}) {
  const clock = createManualClock();
  const bms = createVirtualBms({ ...options, clock });
  const smp = createSmpHarness(bms, clock, options.smp?.lineLength);
  await smp.waitUntilReady();
  await smp.advance(FIRMWARE_TIMING.selfTestMs);
  return { bms, clock, smp };
}

/**
 * Asks for a reset (a session is needed), waits until the device answers again, past its self-test,
 * and opens a new session (a reset ends the old one).
 */
export async function resetAndWait(smp: SmpHarness): Promise<void> {
  const answer = await smp.request(SmpGroup.os, OsCommand.reset, 'write');
  if (Object.keys(answer.body).length > 0) throw new Error(`reset refused: ${JSON.stringify(answer.body)}`);
  await smp.advance(RESET_DELAY_MS + 1);
  await smp.waitUntilReady();
  await smp.advance(FIRMWARE_TIMING.selfTestMs);
  if (smp.bms.status === 'app') await authenticate(smp);
}
