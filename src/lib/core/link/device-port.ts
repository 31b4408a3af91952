/**
 * The device side of a byte link, as seen from inside the device: what its UART receives and what it
 * transmits. The virtual BMS implements it; the paced link (src/lib/core/link/paced-link.ts) and the
 * pseudo-terminal bridge (src/lib/platform/node/pty-bridge.ts) connect a host-side Link to it.
 * `baudRate` is the device's own line rate: when it differs from the host's, the bytes arrive garbled.
 */
export interface DevicePort {
  receive(bytes: Uint8Array): void;
  onTransmit(listener: (bytes: Uint8Array) => void): () => void;
  readonly baudRate: number;
}

/**
 * The device's SMP GATT characteristic seen from inside (smp-mcuboot.md §2.5): what the host writes
 * without response, and the notifications the device sends, each at most `notifySize` bytes.
 */
export interface GattEndpoint {
  write(bytes: Uint8Array): void;
  onNotify(listener: (bytes: Uint8Array) => void): () => void;
  /** ATT payload of one notification: the MTU minus 3 (20 at the default MTU of 23) */
  readonly notifySize: number;
}

/** The host end of a simulated line, as the fakes of Web Serial and WebUSB expose it. */
export interface SimulatedLine {
  /** Called with every chunk the host writes; returns the unsubscribe. */
  onHostWrite(listener: (bytes: Uint8Array) => void): () => void;
  /** Bytes from the device, as the host will read them. */
  deviceSend(bytes: Uint8Array): void;
}

/** Wires a device model to a simulated line (host writes in, device transmissions out); returns the unwiring. */
export function wireDevice(line: SimulatedLine, device: DevicePort): () => void {
  const stopIn = line.onHostWrite((bytes) => device.receive(bytes));
  const stopOut = device.onTransmit((bytes) => line.deviceSend(bytes));
  return () => {
    stopIn();
    stopOut();
  };
}
