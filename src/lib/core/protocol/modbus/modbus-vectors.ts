/**
 * Known-answer Modbus RTU frames: the application protocol's own examples (read 3 registers at 0x006B,
 * write single / multiple) with the CRC-16/MODBUS each takes on the serial line, the frame Debian's
 * mbpoll put on a pty (bms-can-stm32.md §5), and the JK-PB "enter firmware update" write reported in
 * the field (device-families.md §4), which this tool must never send.
 */
export const MODBUS_VECTORS = {
  crcCheck: { ascii: '123456789', crc: 0x4b37 },
  readHolding: '01 03 00 6B 00 03 74 17',
  readHoldingReply: '01 03 06 02 2B 00 00 00 64 05 7A',
  writeSingle: '01 06 00 01 00 03 98 0B',
  writeMultiple: '01 10 00 01 00 02 04 00 0A 01 02 92 30',
  writeMultipleReply: '01 10 00 01 00 02 10 08',
  illegalFunction: '01 83 01 80 F0',
  illegalAddress: '01 83 02 C0 F1',
  mbpollReadInput: '01 04 00 00 00 04 F1 C9',
  jkEnterUpdate: '01 10 16 26 00 01 02 00 00 D6 97'
} as const;
