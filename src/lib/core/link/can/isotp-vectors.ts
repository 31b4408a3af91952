/**
 * Known-answer ISO-TP frames written from ISO 15765-2 as summarised in bms-can-stm32.md §2 (PCI table,
 * 2016 length escape, STmin ranges).
 */
const hex = (text: string) => Uint8Array.from(text.split(' ').filter(Boolean).map((b) => parseInt(b, 16)));

export const ISOTP_VECTORS = {
  /** ReadDataByIdentifier F190 (VIN) in a single frame, padded with 0xCC. */
  single: { payload: hex('22 F1 90'), padding: 0xcc, frames: [hex('03 22 F1 90 CC CC CC CC')] },
  /** 20 bytes 00..13: first frame with 6, then 7 + 7 in two consecutive frames (the last one unpadded). */
  twenty: {
    payload: Uint8Array.from({ length: 20 }, (_, i) => i),
    frames: [hex('10 14 00 01 02 03 04 05'), hex('21 06 07 08 09 0A 0B 0C'), hex('22 0D 0E 0F 10 11 12 13')]
  },
  /** 5000 bytes: the 32-bit escape `10 00 00 00 13 88`, then 2 payload bytes. */
  escaped: { length: 5000, first: hex('10 00 00 00 13 88 00 01') },
  /** 4095 bytes still fit the 12-bit length. */
  longestShort: { length: 4095, first: hex('1F FF 00 01 02 03 04 05') },
  flow: [
    { data: hex('30 00 00'), status: 0, blockSize: 0, stMinMs: 0 },
    { data: hex('30 08 14'), status: 0, blockSize: 8, stMinMs: 20 },
    { data: hex('30 00 F5'), status: 0, blockSize: 0, stMinMs: 0.5 },
    { data: hex('31 00 00'), status: 1, blockSize: 0, stMinMs: 0 },
    { data: hex('32 00 00'), status: 2, blockSize: 0, stMinMs: 0 },
    // reserved STmin 0x80 and 0xFA count as 127 ms
    { data: hex('30 00 80'), status: 0, blockSize: 0, stMinMs: 127 },
    { data: hex('30 00 FA'), status: 0, blockSize: 0, stMinMs: 127 }
  ]
} as const;
