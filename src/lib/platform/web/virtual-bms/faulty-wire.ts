/**
 * The cable between the tool and the virtual BMS, with faults the fault panel turns on and off while
 * bytes flow: bit errors (noise on a long RS485 run) and a device UART running at another rate than the
 * tool's ("wrong baud", R06). The paced link on top turns the rate difference into the garbage and
 * framing errors real hardware shows; this wrapper only decides the rate and flips bits.
 */
import type { DevicePort } from '../../../core/link/device-port';
import { seededRandom } from '../../../core/link/seeded-random';
import { flipBits } from '../../../core/link/uart-line';

export interface WireFaults {
  /** probability that each data bit is flipped, both directions (0: a clean line) */
  bitErrorRate: number;
  /** the device's UART runs at this rate instead of its configured one; null: as configured */
  deviceBaud: number | null;
  /**
   * true: bytes cross the line at once instead of taking their time at the baud rate (quick demos,
   * fast tests). Off by default, so progress, rate, time left and the link test look like hardware.
   */
  unpaced: boolean;
}

export const CLEAN_WIRE: WireFaults = { bitErrorRate: 0, deviceBaud: null, unpaced: false };

/** `device` seen through a wire whose faults are read at every byte burst, so changes apply at once. */
export function faultyWire(device: DevicePort, faults: () => WireFaults, seed = 1): DevicePort {
  const random = seededRandom(seed);
  const noise = (bytes: Uint8Array) => flipBits(bytes, faults().bitErrorRate, random).bytes;
  return {
    receive: (bytes) => device.receive(noise(bytes)),
    onTransmit: (listener) => device.onTransmit((bytes) => listener(noise(bytes))),
    get baudRate() {
      return faults().deviceBaud ?? device.baudRate;
    }
  };
}
