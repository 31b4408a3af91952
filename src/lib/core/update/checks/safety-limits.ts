/**
 * The environmental limits of the update, from the seed procedure (R01–R03). One place, so the
 * pre-flight checks, the monitor during transfer and docs/update-procedure.md say the same thing.
 */
export interface SafetyLimits {
  /** state of charge band in permille, inclusive (R01: 20–80 %) */
  socMinPm: number;
  socMaxPm: number;
  /** closer than this to a SoC limit is a warning: the band may be left during the update */
  socMarginPm: number;
  /** temperature band in 0.1 °C, exclusive: above freezing and below 45 °C (R02) */
  tempMinDc: number;
  tempMaxDc: number;
  /** closer than this to a temperature limit is a warning */
  tempMarginDc: number;
  /** supply readings taken before the update (R03) */
  supplySamples: number;
  supplySampleIntervalMs: number;
  /** (max − min) / mean of the readings, in %: above warn → warning, above max → blocked (R03) */
  supplySpreadWarnPct: number;
  supplySpreadMaxPct: number;
  /** during the transfer: |reading − pre-flight mean| / mean, in %, beyond which the transfer pauses */
  supplyDriftMaxPct: number;
}

export const DEFAULT_SAFETY_LIMITS: SafetyLimits = {
  socMinPm: 200,
  socMaxPm: 800,
  socMarginPm: 30,
  tempMinDc: 0,
  tempMaxDc: 450,
  tempMarginDc: 30,
  supplySamples: 5,
  supplySampleIntervalMs: 200,
  supplySpreadWarnPct: 0.5,
  supplySpreadMaxPct: 1.0,
  supplyDriftMaxPct: 2.0
};
