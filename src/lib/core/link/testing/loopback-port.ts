/**
 * A device port that sends back every byte it receives, like a loopback plug (TX wired to RX) on a
 * serial adapter. It checks a link end to end without a device, in tests and in the pty bridge's demo.
 */
import type { DevicePort } from '../device-port';

export interface LoopbackPort extends DevicePort {
  baudRate: number;
  /** Everything received so far, in order. */
  readonly received: Uint8Array[];
}

export function createLoopbackPort(baudRate: number): LoopbackPort {
  const listeners = new Set<(bytes: Uint8Array) => void>();
  const received: Uint8Array[] = [];
  return {
    baudRate,
    received,
    receive(bytes) {
      const copy = bytes.slice();
      received.push(copy);
      for (const listener of listeners) listener(copy);
    },
    onTransmit(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }
  };
}
