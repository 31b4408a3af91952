/**
 * A device SMP endpoint (the UART, or the BLE GATT characteristic): reassembles packets with its framing,
 * drops packets larger than its buffers, holds at most buf_count requests while one is being processed,
 * and sends each response once the processing time has passed.
 */
import { decodePacket, type SmpPacket } from '../../protocol/smp/smp-packet';
import type { SmpLimits } from '../../protocol/smp/smp-client-types';
import type { EndpointFraming } from './endpoint-framing';
import type { SmpAnswer } from './smp-server';

export interface UartHost {
  limits(): SmpLimits;
  handle(packet: SmpPacket): SmpAnswer | undefined;
  /** device timer (cancelled by a reset or power cut) */
  after(ms: number, run: () => void): void;
  /** extra response latency of a slow device (knob) */
  extraDelayMs(): number;
  transmit(bytes: Uint8Array): void;
  /** a fresh framing state (at start and after a reset) */
  framing(): EndpointFraming;
}

/** time to parse and dispatch one request */
const BASE_PROCESSING_MS = 1;

export class SmpUart {
  readonly #host: UartHost;
  #framing: EndpointFraming;
  #queue: SmpPacket[] = [];
  #busy = false;

  constructor(host: UartHost) {
    this.#host = host;
    this.#framing = host.framing();
  }

  /** A reset empties the line buffer and the request queue. */
  reset(): void {
    this.#framing = this.#host.framing();
    this.#queue = [];
    this.#busy = false;
  }

  /** The application's console is up. */
  started(): void {
    this.#framing.started?.();
  }

  receive(bytes: Uint8Array): void {
    const { bufSize, bufCount } = this.#host.limits();
    for (const bytesOfPacket of this.#framing.push(bytes)) {
      if (bytesOfPacket.length > bufSize) continue;
      let packet: SmpPacket;
      try {
        packet = decodePacket(bytesOfPacket);
      } catch {
        continue;
      }
      if (this.#queue.length + (this.#busy ? 1 : 0) >= bufCount) continue;
      this.#queue.push(packet);
    }
    this.#pump();
  }

  #pump(): void {
    if (this.#busy) return;
    const packet = this.#queue.shift();
    if (!packet) return;
    const answer = this.#host.handle(packet);
    if (!answer) return this.#pump();
    this.#busy = true;
    const pieces = this.#framing.encode(answer.response);
    this.#host.after(answer.busyMs + BASE_PROCESSING_MS + this.#host.extraDelayMs(), () => {
      this.#busy = false;
      for (const piece of pieces) this.#host.transmit(piece);
      this.#pump();
    });
  }
}
