/**
 * The device end of the serial line: reassembles SMP console frames (lines longer than the device's
 * line buffer are lost, as a Zephyr UART driver drops them), drops packets larger than its buffers,
 * holds at most buf_count requests while one is being processed, and sends each response once the
 * processing time has passed, in the device's line length.
 */
import { decodePacket, type SmpPacket } from '../smp/smp-packet';
import { SerialFrameDecoder, encodeSerialFrames } from '../smp/serial-frame';
import type { SmpLimits } from './device-context';
import type { SmpAnswer } from './smp-server';

export interface UartHost {
  limits(): SmpLimits;
  handle(packet: SmpPacket): SmpAnswer | undefined;
  /** device timer (cancelled by a reset or power cut) */
  after(ms: number, run: () => void): void;
  /** extra response latency of a slow device (knob) */
  extraDelayMs(): number;
  transmit(bytes: Uint8Array): void;
}

/** time to parse and dispatch one request */
const BASE_PROCESSING_MS = 1;

export class SmpUart {
  readonly #host: UartHost;
  #decoder: SerialFrameDecoder;
  #queue: SmpPacket[] = [];
  #busy = false;

  constructor(host: UartHost) {
    this.#host = host;
    this.#decoder = this.#newDecoder();
  }

  /** A reset empties the line buffer and the request queue. */
  reset(): void {
    this.#decoder = this.#newDecoder();
    this.#queue = [];
    this.#busy = false;
  }

  receive(bytes: Uint8Array): void {
    const { bufSize, bufCount } = this.#host.limits();
    for (const event of this.#decoder.push(bytes)) {
      if (event.type !== 'packet' || event.packet.length > bufSize) continue;
      let packet: SmpPacket;
      try {
        packet = decodePacket(event.packet);
      } catch {
        continue;
      }
      if (this.#queue.length + (this.#busy ? 1 : 0) >= bufCount) continue;
      this.#queue.push(packet);
    }
    this.#pump();
  }

  #newDecoder(): SerialFrameDecoder {
    return new SerialFrameDecoder({ maxLineLength: this.#host.limits().lineLength });
  }

  #pump(): void {
    if (this.#busy) return;
    const packet = this.#queue.shift();
    if (!packet) return;
    const answer = this.#host.handle(packet);
    if (!answer) return this.#pump();
    this.#busy = true;
    const lineLength = this.#host.limits().lineLength;
    this.#host.after(answer.busyMs + BASE_PROCESSING_MS + this.#host.extraDelayMs(), () => {
      this.#busy = false;
      this.#host.transmit(encodeSerialFrames(answer.response, { lineLength }));
      this.#pump();
    });
  }
}
