/**
 * A stand-in for Chrome's Web Serial objects, for Node tests and Playwright pages (injected as
 * `navigator.serial`): real WHATWG ReadableStream/WritableStream with the lock rules and error
 * behaviour the WICG spec and its web-platform-tests describe. No DOM, no Node: only streams,
 * EventTarget and DOMException, which browsers and Node 20 both provide.
 *
 * Host side: the SerialPortLike / SerialLike members. Device side: `deviceSend`, `onHostWrite`,
 * `injectLineError`, `unplug`, `attachDevice`, and the knobs for failures users meet (busy port, refused
 * signals, cancelled chooser, re-enumeration after reset).
 */
import { wireDevice, type DevicePort } from '../../../core/link/device-port';
import type {
  SerialLike,
  SerialOptions,
  SerialOutputSignals,
  SerialPortFilter,
  SerialPortInfo,
  SerialPortLike
} from '../links/web-serial-types';

export type LineErrorName = 'FramingError' | 'ParityError' | 'BreakError' | 'BufferOverrunError';

/** Received bytes, a line error to report after them, or the fatal loss of the device. */
type InboxItem = Uint8Array | LineErrorName | 'NetworkError';

const DEFAULT_BUFFER_SIZE = 255; // Chrome's default bufferSize

export class FakeSerialPort extends EventTarget implements SerialPortLike {
  #info: SerialPortInfo;
  #state: 'closed' | 'opened' | 'closing' = 'closed';
  #connected = true;
  #fatal = false;
  #readable: ReadableStream<Uint8Array> | null = null;
  #writable: WritableStream<Uint8Array> | null = null;
  #inbox: InboxItem[] = [];
  #inboxBytes = 0;
  #wake: (() => void) | undefined;
  #writeListeners = new Set<(bytes: Uint8Array) => void>();
  #openFailure: DOMException | undefined;
  /** The options of the last successful open(). */
  openedWith: SerialOptions | undefined;
  /** The output signals as last set by the host. */
  signals: Required<SerialOutputSignals> = { dataTerminalReady: false, requestToSend: false, break: false };
  /** When set, setSignals() rejects like Chrome's "Failed to set control signals." */
  failSignals = false;

  constructor(info: SerialPortInfo = { usbVendorId: 0x10c4, usbProductId: 0xea60 }) {
    super();
    this.#info = { ...info };
  }

  get connected(): boolean {
    return this.#connected;
  }

  getInfo(): SerialPortInfo {
    return { ...this.#info };
  }

  get readable(): ReadableStream<Uint8Array> | null {
    if (this.#state !== 'opened' || this.#fatal) return null;
    this.#readable ??= this.#createReadable();
    return this.#readable;
  }

  get writable(): WritableStream<Uint8Array> | null {
    if (this.#state !== 'opened' || this.#fatal) return null;
    this.#writable ??= this.#createWritable();
    return this.#writable;
  }

  async open(options: SerialOptions): Promise<void> {
    if (this.#state !== 'closed') throw new DOMException('The port is already open.', 'InvalidStateError');
    const failure = this.#openFailure ?? (this.#connected ? undefined : openFailed());
    this.#openFailure = undefined;
    if (failure) throw failure;
    checkOptions(options);
    this.#state = 'opened';
    this.#fatal = false;
    this.openedWith = { ...options };
  }

  async close(): Promise<void> {
    if (this.#state !== 'opened') throw new DOMException('The port is already closed.', 'InvalidStateError');
    if (this.#readable?.locked || this.#writable?.locked) throw new TypeError('Cannot cancel a locked stream');
    this.#state = 'closing';
    await this.#readable?.cancel().catch(() => {});
    await this.#writable?.abort().catch(() => {});
    this.#readable = null;
    this.#writable = null;
    this.#inbox = [];
    this.#inboxBytes = 0;
    this.#state = 'closed';
  }

  async setSignals(signals: SerialOutputSignals): Promise<void> {
    if (this.#state !== 'opened') throw new DOMException('The port is closed.', 'InvalidStateError');
    const given = Object.entries(signals).filter(([, value]) => value !== undefined);
    if (given.length === 0) throw new TypeError('Signals dictionary must contain at least one member.');
    if (this.failSignals || this.#fatal) throw new DOMException('Failed to set control signals.', 'NetworkError');
    this.signals = { ...this.signals, ...Object.fromEntries(given) };
  }

  // ---- device side ----

  /** The device transmits: bytes wait in the browser's buffer until read; too many is a buffer overrun. */
  deviceSend(bytes: Uint8Array): void {
    if (this.#state !== 'opened' || this.#fatal) return;
    const bufferSize = this.openedWith?.bufferSize ?? DEFAULT_BUFFER_SIZE;
    if (this.#inboxBytes + bytes.length > bufferSize) {
      this.#inbox = ['BufferOverrunError'];
      this.#inboxBytes = 0;
    } else {
      this.#inbox.push(bytes.slice());
      this.#inboxBytes += bytes.length;
    }
    this.#wake?.();
  }

  /** The device's UART reports a line error after the bytes already received (a non-fatal read error). */
  injectLineError(name: LineErrorName): void {
    this.#inbox.push(name);
    this.#wake?.();
  }

  /** Called with every chunk the host writes. */
  onHostWrite(listener: (bytes: Uint8Array) => void): () => void {
    this.#writeListeners.add(listener);
    return () => this.#writeListeners.delete(listener);
  }

  /** Wires a device model (e.g. the virtual BMS) to this port: host writes in, device transmissions out. */
  attachDevice(device: DevicePort): () => void {
    return wireDevice(this, device);
  }

  /** The next open() rejects with this DOMException name (e.g. 'NetworkError' for a port held elsewhere). */
  failNextOpen(name: string, message = 'Failed to open serial port.'): void {
    this.#openFailure = new DOMException(message, name);
  }

  /** The cable is pulled: pending reads and writes fail with NetworkError, streams become null, 'disconnect' fires. */
  unplug(): void {
    if (!this.#connected) return;
    this.#connected = false;
    this.#fatal = true;
    this.#inbox.push('NetworkError');
    this.#wake?.();
    this.#readable = null;
    this.#writable = null;
    this.dispatchEvent(new Event('disconnect'));
  }

  #createReadable(): ReadableStream<Uint8Array> {
    const stream: ReadableStream<Uint8Array> = new ReadableStream<Uint8Array>(
      {
        pull: async (controller) => {
          while (this.#inbox.length === 0) {
            if (this.#readable !== stream && !this.#fatal) return; // cancelled: stop waiting
            await new Promise<void>((resolve) => (this.#wake = resolve));
          }
          const item = this.#inbox.shift()!;
          if (typeof item !== 'string') {
            this.#inboxBytes -= item.length;
            controller.enqueue(item);
            return;
          }
          controller.error(new DOMException(lineErrorMessage(item), item));
          // A non-fatal error: the next access to `readable` creates a fresh stream (spec behaviour).
          if (this.#readable === stream) this.#readable = null;
        },
        cancel: () => {
          if (this.#readable === stream) this.#readable = null;
          this.#wake?.();
        }
      },
      { highWaterMark: 0 }
    );
    return stream;
  }

  #createWritable(): WritableStream<Uint8Array> {
    return new WritableStream<Uint8Array>({
      write: (chunk) => {
        if (this.#fatal) throw new DOMException('The device has been lost.', 'NetworkError');
        if (!ArrayBuffer.isView(chunk)) throw new TypeError('Can only write BufferSource chunks.');
        const bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength).slice();
        for (const listener of this.#writeListeners) listener(bytes);
      }
    });
  }
}

/** `navigator.serial` stand-in: a chooser whose answer the test sets, granted ports, hot-plug events. */
export class FakeSerial extends EventTarget implements SerialLike {
  readonly ports: FakeSerialPort[] = [];
  #granted = new Set<FakeSerialPort>();
  /** What the next requestPort() does: pick a port, be cancelled, or be blocked (no user gesture). */
  nextChoice: FakeSerialPort | 'first-match' | 'cancel' | 'blocked' = 'first-match';
  /** The filters passed to the last requestPort(). */
  lastFilters: SerialPortFilter[] | undefined;

  /** Connects a port; `granted` ports are returned by getPorts() without a prompt. */
  plug(port: FakeSerialPort, options: { granted?: boolean } = {}): FakeSerialPort {
    this.ports.push(port);
    if (options.granted) this.#granted.add(port);
    this.dispatchEvent(new Event('connect'));
    port.addEventListener('disconnect', () => this.dispatchEvent(new Event('disconnect')));
    return port;
  }

  async requestPort(options: { filters?: SerialPortFilter[] } = {}): Promise<SerialPortLike> {
    this.lastFilters = options.filters;
    const choice = this.nextChoice;
    if (choice === 'blocked') {
      throw new DOMException('Must be handling a user gesture to show a permission request.', 'SecurityError');
    }
    const firstMatch = () => this.ports.find((p) => p.connected && matches(p.getInfo(), options.filters));
    const port = choice === 'first-match' ? firstMatch() : choice === 'cancel' ? undefined : choice;
    if (!port) throw new DOMException('No port selected by the user.', 'NotFoundError');
    this.#granted.add(port);
    return port;
  }

  async getPorts(): Promise<SerialPortLike[]> {
    return this.ports.filter((port) => port.connected && this.#granted.has(port));
  }

  /**
   * A USB-CDC device resets and re-enumerates: the old port object disconnects and, after `delayMs`,
   * a NEW port object with the same (or a new) identity appears, already granted, as Chrome does.
   */
  reenumerate(
    port: FakeSerialPort,
    options: { delayMs?: number; info?: SerialPortInfo } = {}
  ): Promise<FakeSerialPort> {
    port.unplug();
    const reborn = new FakeSerialPort(options.info ?? port.getInfo());
    return new Promise((resolve) => setTimeout(() => resolve(this.plug(reborn, { granted: true })), options.delayMs ?? 0));
  }
}

function matches(info: SerialPortInfo, filters: SerialPortFilter[] | undefined): boolean {
  if (!filters || filters.length === 0) return true;
  return filters.some(
    (filter) =>
      (filter.usbVendorId === undefined || filter.usbVendorId === info.usbVendorId) &&
      (filter.usbProductId === undefined || filter.usbProductId === info.usbProductId)
  );
}

function checkOptions(options: SerialOptions): void {
  const { baudRate, dataBits, stopBits, bufferSize } = options;
  if (!Number.isInteger(baudRate) || baudRate <= 0) throw new TypeError('Requested baud rate must be greater than zero.');
  if (dataBits !== undefined && dataBits !== 7 && dataBits !== 8) throw new TypeError('Requested number of data bits must be 7 or 8.');
  if (stopBits !== undefined && stopBits !== 1 && stopBits !== 2) throw new TypeError('Requested number of stop bits must be 1 or 2.');
  if (bufferSize !== undefined && !(bufferSize > 0 && bufferSize <= 16 * 1024 * 1024)) {
    throw new TypeError('Requested buffer size is out of range.');
  }
}

function openFailed(): DOMException {
  return new DOMException('Failed to open serial port.', 'NetworkError');
}

function lineErrorMessage(name: string): string {
  switch (name) {
    case 'FramingError':
      return 'A framing error was detected.';
    case 'ParityError':
      return 'A parity error was detected.';
    case 'BreakError':
      return 'A break condition has been detected.';
    case 'BufferOverrunError':
      return 'A buffer overrun has been detected.';
    default:
      return 'The device has been lost.';
  }
}
