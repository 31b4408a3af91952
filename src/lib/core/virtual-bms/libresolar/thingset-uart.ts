/**
 * The firmware's serial line handling (thingset-zephyr-sdk serial.c), quirks included: bytes collect
 * in a receive buffer until `\n` (a `\r` before it is dropped, `\b` deletes, bytes past the buffer are
 * lost); the buffer stays locked from that `\n` until the answer has been sent, and a byte arriving
 * meanwhile is dropped and marks the line, so the next `\n` ends it unprocessed. A line ending in `#`
 * and longer than 10 bytes carries a CRC; a wrong one is dropped silently. Every answer goes out with
 * its CRC and `\r\n`. Reports wait for an answer in progress (they share the transmit buffer).
 */
import { checkLineCrc, withCrc } from '../../protocol/thingset/text-codec';

export interface ThingSetUartHost {
  /** the answer message to a request line (CRC removed), undefined for none */
  handle(message: string): string | undefined;
  transmit(bytes: Uint8Array): void;
  after(ms: number, run: () => void): void;
  /** flash time the last request took (erase, program), ms */
  takeBusyMs(): number;
  readonly baudRate: number;
}

/** CONFIG_THINGSET_SERIAL_RX_BUF_SIZE of the BMS builds: room for a 255-byte DFU chunk in base64. */
export const RX_BUFFER_SIZE = 512;
/** Parsing and building an answer on the MCU. */
const PROCESS_MS = 1;

const encoder = new TextEncoder();

export class ThingSetUart {
  readonly #host: ThingSetUartHost;
  #line: number[] = [];
  #locked = false;
  #discard = false;
  #queuedReports: string[] = [];
  /** bytes dropped because they arrived while the device was answering */
  dropped = 0;

  constructor(host: ThingSetUartHost) {
    this.#host = host;
  }

  reset(): void {
    this.#line = [];
    this.#locked = false;
    this.#discard = false;
    this.#queuedReports = [];
  }

  receive(bytes: Uint8Array): void {
    for (const byte of bytes) this.#put(byte);
  }

  /** An unsolicited line (`#mLive {…}`); sent after the answer in progress, if any. */
  report(message: string): void {
    if (this.#locked) this.#queuedReports.push(message);
    else this.#send(message);
  }

  /** A firmware log line: printed as it is, no CRC. */
  log(line: string): void {
    this.#host.transmit(encoder.encode(`${line}\r\n`));
  }

  #put(byte: number): void {
    if (this.#locked) {
      this.dropped += 1;
      this.#discard = true;
      return;
    }
    if (byte === 0x0a) {
      if (this.#line.at(-1) === 0x0d) this.#line.pop();
      const line = this.#line;
      this.#line = [];
      if (this.#discard) this.#discard = false;
      else if (line.length > 0) this.#process(new TextDecoder().decode(Uint8Array.from(line)));
      return;
    }
    if (byte === 0x08) {
      this.#line.pop();
      return;
    }
    if (this.#line.length < RX_BUFFER_SIZE - 1) this.#line.push(byte);
  }

  #process(line: string): void {
    this.#locked = true;
    this.#host.after(PROCESS_MS, () => {
      const check = checkLineCrc(line);
      const answer = check.crc === 'bad' ? undefined : this.#host.handle(check.message);
      const busyMs = this.#host.takeBusyMs();
      if (answer === undefined) {
        this.#host.after(busyMs, () => this.#unlock());
        return;
      }
      const bytes = encoder.encode(`${withCrc(answer)}\r\n`);
      // uart_poll_out: the answer starts once the work is done and the buffer stays locked until its
      // last byte has left at the line rate. The line (a paced link, a real UART) carries the bytes at
      // that rate, so a host never sees the end of an answer before the device unlocks.
      const sendMs = (bytes.length * 10 * 1000) / this.#host.baudRate;
      this.#host.after(busyMs, () => {
        this.#host.transmit(bytes);
        this.#host.after(sendMs, () => this.#unlock());
      });
    });
  }

  #unlock(): void {
    this.#locked = false;
    for (const message of this.#queuedReports.splice(0)) this.#send(message);
  }

  #send(message: string): void {
    this.#host.transmit(encoder.encode(`${withCrc(message)}\r\n`));
  }
}
