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
