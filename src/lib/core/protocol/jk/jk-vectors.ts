/**
 * Known-answer JK frames. BLE commands from the protocol notes (checksum = low byte of the sum of bytes
 * 0–18), a JK02 24-cell cell-info record given as its non-zero fields at their documented offsets
 * (little-endian) with the checksum computed independently (Python), and the JK-PB Modbus reads a
 * technician would type into mbpoll.
 */
export const JK_VECTORS = {
  bleCellInfoCommand: 'AA 55 90 EB 96 00 00 00 00 00 00 00 00 00 00 00 00 00 00 10',
  bleDeviceInfoCommand: 'AA 55 90 EB 97 00 00 00 00 00 00 00 00 00 00 00 00 00 00 11',
  /** cell info record, type 0x02, counter 7: offset → bytes (hex); every other byte is 0 */
  bleCellInfoRecord: {
    fields: {
      0: '55aaeb900207',
      6: 'e40ce50ce60ce70c', // cells 3300, 3301, 3302, 3303 mV
      54: '0f000000', // 4 cells enabled
      112: 'fa00', // MOSFET 25.0 °C
      118: '96330000', // 13.206 V
      122: '614d0000', // 19.809 W
      126: '24faffff', // −1.500 A (discharge)
      130: 'e700e500', // 23.1 °C, 22.9 °C
      140: '0037', // balancer off, SoC 55 %
      142: 'd8d60000a086010025000000', // 55 Ah left of 100 Ah, 37 cycles
      158: '64', // SOH 100 %
      166: '0101' // charge and discharge FETs on
    } as Record<number, string>,
    checksum: 0x48
  },
  /** JK-PB live data over Modbus: BatVol (UINT32) at 0x1290, current (INT32) at 0x1298 */
  modbusReadPackVoltage: '01 03 12 90 00 02 C1 5E'
} as const;
