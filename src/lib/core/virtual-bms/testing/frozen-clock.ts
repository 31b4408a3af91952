/**
 * A device clock whose time stands still while its timers run in real time: the rooms' measurement
 * stays on one AFE cycle for a whole test (so a reading taken through the protocol can be compared
 * with the battery model exactly), while answers still take their latency on the line.
 */
import { systemClock, type DeviceClock } from '../board/device-clock';

export function frozenMeasurementClock(atMs = 0): DeviceClock {
  return { now: () => atMs, setTimeout: systemClock.setTimeout, clearTimeout: systemClock.clearTimeout };
}
