/**
 * ISO-TP in user space over any CAN channel (no kernel isotp socket in a browser): one endpoint sends on
 * `txId` and listens on `rxId`. As a sender it follows the receiver's flow control (block size, STmin,
 * WAIT, OVERFLOW); as a receiver it sends its own flow control every `blockSize` frames and checks the
 * sequence numbers. Timers as ISO 15765-2 names them: N_As (a frame could not be sent), N_Bs (no flow
 * control), N_Cr (no consecutive frame); 1000 ms each by default.
 */
import { BmsError, fail } from '../../errors';
import { dataFrame, type CanChannel, type CanFrame } from './can-frame';
import { CanReceiver } from './can-receiver';
import { decodeIsoTp, encodeConsecutive, encodeFirst, encodeFlowControl, encodeSingle, FlowStatus, type IsoTpFrame } from './isotp-codec';

export interface IsoTpOptions {
  txId: number;
  rxId: number;
  extended?: boolean;
  /** Our flow control as a receiver: consecutive frames per block (0 = no further flow control). */
  blockSize?: number;
  /** Our flow control as a receiver: minimum gap between consecutive frames, ms. */
  stMinMs?: number;
  /** Pad every frame to 8 bytes with this byte (0xCC, 0xAA, 0x55 are usual); undefined sends short frames. */
  padding?: number;
  nAsMs?: number;
  nBsMs?: number;
  nCrMs?: number;
  /** Longest message we accept; longer first frames are answered with OVERFLOW. */
  maxLength?: number;
  /** Flow-control WAIT frames tolerated in a row (N_WFTmax). */
  maxWaits?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class IsoTpTransport {
  readonly #channel: CanChannel;
  readonly #receiver: CanReceiver;
  readonly #o: Required<Omit<IsoTpOptions, 'padding'>> & { padding?: number };

  constructor(channel: CanChannel, options: IsoTpOptions) {
    this.#channel = channel;
    this.#receiver = new CanReceiver(channel);
    this.#o = {
      extended: false,
      blockSize: 0,
      stMinMs: 0,
      nAsMs: 1000,
      nBsMs: 1000,
      nCrMs: 1000,
      maxLength: 0xffffffff,
      maxWaits: 10,
      ...options
    };
  }

  close(): void {
    this.#receiver.close();
  }

  /** Drops frames received so far: a late answer to an abandoned request must not pass for the next one. */
  discardReceived(): void {
    this.#receiver.clear();
  }

  async send(payload: Uint8Array): Promise<void> {
    if (payload.length <= 7) return this.#put(encodeSingle(payload, this.#o.padding));
    const first = encodeFirst(payload.length, payload);
    await this.#put(first.data);
    let offset = first.carried;
    let sequence = 1;
    while (offset < payload.length) {
      const flow = await this.#awaitContinue();
      const gapMs = flow.stMinMs;
      for (let sent = 0; offset < payload.length && (flow.blockSize === 0 || sent < flow.blockSize); sent += 1) {
        if (gapMs > 0 && (sent > 0 || offset > first.carried)) await sleep(Math.ceil(gapMs));
        await this.#put(encodeConsecutive(sequence, payload.subarray(offset, offset + 7), this.#o.padding));
        offset += 7;
        sequence = (sequence + 1) & 0x0f;
      }
    }
  }

  /** The next whole message on rxId. */
  async receive(timeoutMs: number): Promise<Uint8Array> {
    for (;;) {
      const start = await this.#next(timeoutMs, 'a single or first frame');
      if (start.type === 'single') return start.payload;
      if (start.type !== 'first') continue; // stray consecutive or flow frames: not for a message start
      if (start.length > this.#o.maxLength) {
        await this.#put(encodeFlowControl(FlowStatus.overflow, 0, 0, this.#o.padding));
        fail('ISOTP_OVERFLOW', `a ${start.length}-byte message exceeds our ${this.#o.maxLength}-byte buffer`);
      }
      return this.#reassemble(start.length, start.payload);
    }
  }

  async #reassemble(length: number, firstPayload: Uint8Array): Promise<Uint8Array> {
    const message = new Uint8Array(length);
    message.set(firstPayload.subarray(0, length));
    let filled = Math.min(length, firstPayload.length);
    let expected = 1;
    while (filled < length) {
      await this.#put(encodeFlowControl(FlowStatus.continue, this.#o.blockSize, this.#o.stMinMs, this.#o.padding));
      for (let inBlock = 0; filled < length && (this.#o.blockSize === 0 || inBlock < this.#o.blockSize); inBlock += 1) {
        const frame = await this.#next(this.#o.nCrMs, 'consecutive frame (N_Cr)');
        if (frame.type !== 'consecutive') fail('ISOTP_SEQUENCE_ERROR', `a ${frame.type} frame arrived in the middle of a message`);
        if (frame.sequence !== expected) fail('ISOTP_SEQUENCE_ERROR', `consecutive frame ${frame.sequence} where ${expected} was due`);
        const part = frame.payload.subarray(0, length - filled);
        message.set(part, filled);
        filled += part.length;
        expected = (expected + 1) & 0x0f;
      }
    }
    return message;
  }

  /** Waits for flow control: CONTINUE returns it, WAIT waits again (N_Bs each), OVERFLOW fails. */
  async #awaitContinue(): Promise<Extract<IsoTpFrame, { type: 'flow' }>> {
    for (let waits = 0; ; waits += 1) {
      const frame = await this.#next(this.#o.nBsMs, 'flow control (N_Bs)', (f) => f.type === 'flow');
      if (frame.type !== 'flow') continue;
      if (frame.status === FlowStatus.overflow) fail('ISOTP_OVERFLOW', 'the receiver answered the first frame with OVERFLOW');
      if (frame.status === FlowStatus.continue) return frame;
      if (waits >= this.#o.maxWaits) fail('ISOTP_WAIT_LIMIT', `${waits + 1} flow-control WAIT frames in a row`);
    }
  }

  async #next(timeoutMs: number, what: string, accept: (frame: IsoTpFrame) => boolean = () => true): Promise<IsoTpFrame> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const left = Math.max(0, deadline - performance.now());
      const frame = await this.#receiver.next((f) => this.#mine(f), left, what).catch((error: unknown) => {
        if (error instanceof BmsError && error.code === 'CAN_TIMEOUT') fail('ISOTP_TIMEOUT', `no ${what} within ${timeoutMs} ms`);
        throw error;
      });
      const decoded = decodeIsoTp(frame.data);
      if (accept(decoded)) return decoded;
    }
  }

  #mine(frame: CanFrame): boolean {
    return frame.id === this.#o.rxId && frame.extended === this.#o.extended && !frame.remote && frame.data.length > 0;
  }

  /** Sends one frame; the adapter must take it within N_As. */
  async #put(data: Uint8Array): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new BmsError('ISOTP_TIMEOUT', `the adapter did not send a frame within ${this.#o.nAsMs} ms (N_As)`)), this.#o.nAsMs);
    });
    try {
      await Promise.race([this.#channel.send(dataFrame(this.#o.txId, data, this.#o.extended)), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
