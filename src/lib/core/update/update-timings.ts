/**
 * How long the procedure waits for what. Defaults suit real devices (an erase of the slot and a boot
 * with self-test take seconds); tests pass milliseconds so the virtual BMS runs the whole flow fast.
 */
export interface UpdateTimings {
  /** telemetry sampling during the transfer, between chunks (R01–R03) */
  monitorIntervalMs: number;
  /** while paused out of the safe band: how often to look again */
  pausePollMs: number;
  /** paused longer than this → abort cleanly (nothing activated) */
  pauseTimeoutMs: number;
  /** after a reset or a power loss: how long the device may take to answer again */
  bootTimeoutMs: number;
  /** after boot: how long the firmware's self-test may take, and how often to ask */
  selfTestTimeoutMs: number;
  selfTestPollMs: number;
  /** link losses (cable, power cut, reset) survived by one phase before giving up (R15, R16) */
  maxLinkLosses: number;
}

export const DEFAULT_TIMINGS: UpdateTimings = {
  monitorIntervalMs: 2_000,
  pausePollMs: 1_000,
  pauseTimeoutMs: 10 * 60_000,
  bootTimeoutMs: 60_000,
  selfTestTimeoutMs: 60_000,
  selfTestPollMs: 500,
  maxLinkLosses: 3
};
