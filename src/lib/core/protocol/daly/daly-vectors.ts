/**
 * Known-answer Daly frames. Requests built from the protocol's frame rule (A5, host address, id, 08,
 * 8 × 00, low byte of the sum); answers captured from a real 16-cell unit and posted in
 * jblance/mpp-solar#83, checksums re-checked by hand.
 */
export const DALY_VECTORS = {
  requestSocRs485: 'A5 40 90 08 00 00 00 00 00 00 00 00 7D',
  requestSocUart: 'A5 80 90 08 00 00 00 00 00 00 00 00 BD',
  requestCells: 'A5 40 95 08 00 00 00 00 00 00 00 00 82',
  requestRated: 'A5 40 50 08 00 00 00 00 00 00 00 00 3D',
  /** 53.2 V, raw current 30021 (2.1 A, discharging), SoC 88.8 % */
  soc: 'A5 01 90 08 02 14 00 00 75 45 03 78 89',
  /** highest cell 3328 mV (#15), lowest 3326 mV (#1) */
  cellRange: 'A5 01 91 08 0D 00 0F 0C FE 01 03 78 E1',
  /** 15 °C (sensor 1) both ways */
  tempRange: 'A5 01 92 08 37 01 37 01 FE 01 03 78 2A',
  /** discharging, both MOSFETs on, life 120, 248640 mAh left */
  mos: 'A5 01 93 08 02 01 01 78 00 03 CB 40 CB',
  /** 16 cells, 1 NTC, no charger, no load, 3 cycles */
  status: 'A5 01 94 08 10 01 00 00 00 00 03 40 96',
  /** cell frame 1: 3325, 3326, 3326 mV */
  cellFrame1: 'A5 01 95 08 01 0C FD 0C FE 0C FE 40 A1',
  /** cell frame 6: cell 16 = 3324 mV, then padding */
  cellFrame6: 'A5 01 95 08 06 0C FC 00 00 00 00 40 91',
  /** temperature frame 1: 15 °C */
  tempFrame1: 'A5 01 96 08 01 37 00 00 00 00 00 00 7C'
} as const;
