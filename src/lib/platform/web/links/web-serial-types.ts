/**
 * The part of the Web Serial API (WICG serial.idl) we use, as structural types: TypeScript's DOM library
 * does not ship them, and typing against these lets the stand-in in `fake-serial-port.ts` (Node tests,
 * Playwright) and Chrome's real objects be used interchangeably.
 */

export interface SerialPortFilter {
  usbVendorId?: number;
  usbProductId?: number;
}

export interface SerialPortInfo {
  usbVendorId?: number;
  usbProductId?: number;
}

export interface SerialOptions {
  baudRate: number;
  dataBits?: 7 | 8;
  stopBits?: 1 | 2;
  parity?: 'none' | 'even' | 'odd';
  /** Size of the browser's read and write buffers in bytes (Chrome's default is only 255). */
  bufferSize?: number;
  flowControl?: 'none' | 'hardware';
}

export interface SerialOutputSignals {
  dataTerminalReady?: boolean;
  requestToSend?: boolean;
  break?: boolean;
}

/** Fires 'connect' and 'disconnect' (which bubble to the Serial object). */
export interface SerialPortLike extends EventTarget {
  /** Null until opened, after close, and after a fatal error; re-created after a non-fatal one. */
  readonly readable: ReadableStream<Uint8Array> | null;
  readonly writable: WritableStream<Uint8Array> | null;
  /** Absent in older Chrome versions. */
  readonly connected?: boolean;
  open(options: SerialOptions): Promise<void>;
  close(): Promise<void>;
  setSignals(signals: SerialOutputSignals): Promise<void>;
  getInfo(): SerialPortInfo;
}

/** `navigator.serial`. */
export interface SerialLike extends EventTarget {
  requestPort(options?: { filters?: SerialPortFilter[] }): Promise<SerialPortLike>;
  getPorts(): Promise<SerialPortLike[]>;
}
