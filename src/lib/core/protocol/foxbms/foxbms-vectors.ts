/**
 * Known answers for the foxBMS 2 bootloader protocol, written from foxbms-bootloader.md (computed there
 * with the host's own CRC function and cantools on the bootloader DBC). Used by the codec, the virtual
 * bootloader and the client tests.
 */
export const CRC64_VECTORS = {
  single: { data: 0x1122334455667788n, crc: 0xa854fbed02fe5c59n },
  chained: { data: 0x99aabbccddeeff00n, crc: 0xc214c39568becab1n },
  repeated: { data: 0x123456789abcdef0n, times: 1024, crc: 0xa5f3164e5fa572c3n },
  bytes0to15: [
    { data: 0x0001020304050607n, crc: 0x001b362d6c775a41n },
    { data: 0x08090a0b0c0d0e0fn, crc: 0xd984674da4f91a42n }
  ]
} as const;

/** The default test application of foxBMS (16384 loops): final CRC and first data word on the wire. */
export const DEFAULT_APP_VECTORS = {
  finalCrc: 0x13318c449b07662an,
  finalCrcSlcan: 't46082A66079B448C3113',
  firstWord: 0x030a11181f262d34n,
  firstLoopSlcan: 't43080100000000000000',
  firstWordSlcan: 't4408342D261F18110A03',
  transferInfoSlcan: 't42080000020000400000'
} as const;

/** Bootloader requests (0x400) and verified answers, as SLCAN lines. */
export const REQUEST_VECTORS = {
  transferProgram: 't40080100000000000000',
  getBootloaderInfo: 't40080400000000000000',
  getDataTransferInfo: 't40080500000000000000',
  getVersionInfo: 't40080600000000000000',
  answerFsmStates: 't49580101000000000000',
  answerTransferInfo: 't49080000000000000000',
  answerVersion: 't410800010B0001000000'
} as const;

/** Acknowledge frames (0x480): message, status code, response → SLCAN, from the reference's table. */
export const ACK_VECTORS: { message: number; status: number; response: boolean; slcan: string }[] = [
  { message: 1, status: 2, response: false, slcan: 't48084300000000000000' },
  { message: 2, status: 2, response: true, slcan: 't4808C500000000000000' },
  { message: 4, status: 2, response: false, slcan: 't48084900000000000000' },
  { message: 4, status: 2, response: true, slcan: 't4808C900000000000000' },
  { message: 5, status: 1, response: false, slcan: 't48082B00000000000000' },
  { message: 5, status: 2, response: true, slcan: 't4808CB00000000000000' },
  { message: 5, status: 2, response: false, slcan: 't48084B00000000000000' },
  { message: 7, status: 2, response: false, slcan: 't48084F00000000000000' },
  { message: 8, status: 2, response: true, slcan: 't4808D100000000000000' },
  { message: 9, status: 1, response: false, slcan: 't48083300000000000000' },
  { message: 9, status: 2, response: true, slcan: 't4808D300000000000000' },
  { message: 10, status: 1, response: false, slcan: 't48083500000000000000' }
];
