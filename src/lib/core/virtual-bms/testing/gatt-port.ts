/**
 * A room's GATT endpoint seen as a byte port, so the line model (and the protocol clients on it) can
 * reach a board over Bluetooth in tests: host writes go out in ATT-sized pieces, notifications come back.
 */
import type { DevicePort, GattEndpoint } from '../../link/device-port';

export function gattAsPort(endpoint: GattEndpoint, baudRate = 115200): DevicePort {
  return {
    baudRate,
    receive: (bytes) => {
      for (let at = 0; at < bytes.length; at += endpoint.notifySize) endpoint.write(bytes.slice(at, at + endpoint.notifySize));
    },
    onTransmit: (listener) => endpoint.onNotify(listener)
  };
}
