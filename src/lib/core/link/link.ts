/**
 * The tiny transport every byte stream implements: Web Serial, WebUSB CDC-ACM, Node serialport, the
 * virtual BMS. No framing, no logging inside: protocol code sits on top.
 */

/** The UART rate tried first: MCUboot serial recovery's and Zephyr's default console rate. */
export const DEFAULT_BAUD = 115_200;

/** How the bytes travel. Wireless links may not carry safety-critical images (R13). */
export type LinkKind = 'web-serial' | 'webusb' | 'node-serial' | 'virtual' | 'ble';

export interface LinkInfo {
  kind: LinkKind;
  /** True for RS485 / CAN / USB cables; false for Bluetooth and other over-the-air links (R13). */
  wired: boolean;
  /** Human label for logs and reports, e.g. "CP2102 (10c4:ea60) @ 115200". */
  label: string;
  /** Line rate in baud when the link is a UART; undefined for USB-native and BLE links. */
  baudRate?: number;
}

export interface ReadOptions {
  /** Reject with LINK_TIMEOUT when no byte arrives within this time. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** Modem control lines; a field left out keeps its current state. */
export interface LinkSignals {
  dataTerminalReady?: boolean;
  requestToSend?: boolean;
  /** Holds the TX line low (a UART "break"), e.g. to wake or reset some bootloaders. */
  break?: boolean;
}

export interface Link {
  readonly info: LinkInfo;
  /** Resolves when the bytes are handed to the OS / device (not when the device has processed them). */
  write(bytes: Uint8Array): Promise<void>;
  /**
   * Resolves with the next bytes received (at least one byte). Bytes that arrive while nobody reads are
   * buffered, never dropped. Rejects with a BmsError: LINK_TIMEOUT, LINK_CLOSED, LINK_DISCONNECTED, or a
   * line error (LINK_FRAMING_ERROR, LINK_PARITY_ERROR, LINK_BUFFER_OVERRUN, LINK_BREAK) that the caller
   * may treat as non-fatal and read again.
   */
  read(options?: ReadOptions): Promise<Uint8Array>;
  /** Changes the line rate (baud probing, R06); absent on links that have no line rate. */
  setBaudRate?(baudRate: number): Promise<void>;
  /**
   * Added by the transport helper: sets DTR / RTS / break, e.g. for reset-into-bootloader wiring or an
   * RS485 direction line. Resolves 'unsupported' when the port has no modem lines (a pseudo-terminal:
   * the ioctl fails there) so callers can fall back to a manual reset; rejects LINK_SIGNALS_FAILED when
   * a real adapter refuses. Absent on links without control lines (the paced virtual link, BLE).
   */
  setSignals?(signals: LinkSignals): Promise<'applied' | 'unsupported'>;
  /** Releases the port; pending reads reject with LINK_CLOSED. Safe to call twice. */
  close(): Promise<void>;
  /** Called once when the device goes away (cable pulled, USB re-enumeration, power loss). */
  onDisconnect(listener: () => void): () => void;
}
