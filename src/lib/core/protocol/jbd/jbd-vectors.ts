/**
 * Known-answer JBD frames, copied from the Jiabaida "Software Board Universal Protocol" V13 examples
 * (requests, responses with their checksums) and the register map's factory-mode writes; the checksums
 * were checked by hand (0x10000 − Σ). Used by the codec, room and client tests alike.
 */
export const JBD_VECTORS = {
  readBasicInfo: 'DD A5 03 00 FF FD 77',
  readCells: 'DD A5 04 00 FF FC 77',
  readName: 'DD A5 05 00 FF FB 77',
  readErrorCounts: 'DD A5 AA 00 FF 56 77',
  /**
   * 0x1700 = 58.88 V (the document's prose says "23.00 V" and "2 cycles", which its own bytes do not
   * carry), 0 A, 7200/10000 mAh, 0 cycles, 2016-03-24, version 1.0, 72 %, both FETs on, 15 cells, 2 NTCs 20.3 / 21.5 °C */
  basicInfo: 'DD 03 00 1B 17 00 00 00 02 D0 03 E8 00 00 20 78 00 00 00 00 00 00 10 48 03 0F 02 0B 76 0B 82 FB FF 77',
  /** "Practical example": 66.23 V, −20.12 A discharging, 4 NTCs */
  basicInfo4Ntc: 'DD 03 00 1F 19 DF F8 24 0D A5 0F A0 00 02 24 91 00 00 00 00 00 00 12 57 03 11 04 0B 98 0B A9 0B 96 0B 97 F8 9A 77',
  /** 15 cells, first 0x0F66 = 3942 mV */
  cells: 'DD 04 00 1E 0F 66 0F 63 0F 63 0F 64 0F 3E 0F 63 0F 37 0F 5B 0F 65 0F 3B 0F 63 0F 63 0F 3C 0F 66 0F 3D F9 F9 77',
  /** 17 cells from the "practical example" */
  cells17: 'DD 04 00 22 0E C8 0E C8 0E CB 0E CF 0E CA 0E C7 0E CA 0E CD 0E C9 0E CA 0E CB 0E CB 0E C8 0E CC 0E C8 0E C9 0E C9 F1 87 77',
  /** name "0123456789" */
  name: 'DD 05 00 0A 30 31 32 33 34 35 36 37 38 39 FD E9 77',
  /** MOS control 0xFB, and its bare acknowledgement (status 0, no data: checksum 0000) */
  mosControl: 'DD 5A FB 02 01 01 FF 01 77',
  emptyAck: 'DD FB 00 00 00 00 77',
  /** enter factory mode: 0x00 ← 56 78; leave and save: 0x01 ← 28 28 */
  enterFactory: 'DD 5A 00 02 56 78 FF 30 77',
  exitFactorySave: 'DD 5A 01 02 28 28 FF AD 77'
} as const;
