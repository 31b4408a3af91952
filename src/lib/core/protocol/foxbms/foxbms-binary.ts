/**
 * The foxBMS 2 application binary as the bootloader takes it (foxbms-bootloader.md "Binary format"):
 * `foxbms.bin` starts at 0x0001FFE0, its first 32 bytes are the application's vector table and the rest
 * is the program from 0x00020000. The program is padded with 0x00 (not 0xFF) to whole flash sectors of
 * the application memory map and sent as big-endian 64-bit words, one per transfer loop. The CRC-64
 * runs over the whole program (not reset per sector); the host sends the running value at the end of
 * each sector, and a separate CRC over the 4 vector-table words.
 */
import { fail } from '../../errors';
import { bigEndianWords, crc64Word, crc64Words } from './crc64';

export const VECTOR_TABLE_BYTES = 32;
export const BIN_START_ADDRESS = 0x0001ffe0;
export const PROGRAM_START_ADDRESS = 0x00020000;
export const LOOPS_PER_SUB_SECTOR = 1024;

/** Flash sectors 7–31 of the TMS570LC4357 holding the application (app_constants.py). */
export const APP_MEMORY_MAP: readonly { index: number; bytes: number }[] = [
  ...[7, 8, 9].map((index) => ({ index, bytes: 0x20000 })),
  ...[10, 11, 12, 13, 14, 15].map((index) => ({ index, bytes: 0x40000 })),
  ...Array.from({ length: 16 }, (_, i) => ({ index: 16 + i, bytes: 0x20000 }))
];

export const APP_AREA_BYTES = APP_MEMORY_MAP.reduce((sum, sector) => sum + sector.bytes, 0);

export interface FoxSectorPlan {
  /** Flash sector number (7…31). */
  index: number;
  /** Loop numbers (1-based, inclusive) carrying this sector. */
  firstLoop: number;
  lastLoop: number;
  /** Running CRC after the sector's last word: what the host sends on 0x460. */
  crc: bigint;
}

export interface FoxBinary {
  vectorTable: bigint[];
  vectorTableCrc: bigint;
  /** The program, zero-padded to whole sectors. */
  program: Uint8Array;
  /** Program length in bytes as sent in 0x420 (whole sectors). */
  programLength: number;
  /** Transfer loops (8 bytes each) as sent in 0x420. */
  loops: number;
  sectors: FoxSectorPlan[];
  /** Running CRC after the last word: the CRC of the whole program. */
  programCrc: bigint;
}

export function prepareFoxBinary(bin: Uint8Array): FoxBinary {
  if (bin.length <= VECTOR_TABLE_BYTES) fail('FOXBMS_IMAGE_INVALID', `${bin.length} bytes: not longer than the 32-byte vector table`);
  if (bin.length > APP_AREA_BYTES) {
    fail('FOXBMS_IMAGE_INVALID', `${bin.length} bytes do not fit the 0x${APP_AREA_BYTES.toString(16)}-byte application area`);
  }
  // The host compares the whole file's size (vector table included) with the cumulative sector sizes.
  let programLength = 0;
  let sectorCount = 0;
  while (programLength < bin.length) programLength += APP_MEMORY_MAP[sectorCount++].bytes;
  const program = new Uint8Array(programLength);
  program.set(bin.subarray(VECTOR_TABLE_BYTES));
  const vectorTable = [...bigEndianWords(bin.subarray(0, VECTOR_TABLE_BYTES))];

  const sectors: FoxSectorPlan[] = [];
  const words = bigEndianWords(program);
  let crc = 0n;
  let loop = 0;
  for (const sector of APP_MEMORY_MAP.slice(0, sectorCount)) {
    const firstLoop = loop + 1;
    for (let i = 0; i < sector.bytes / 8; i += 1) crc = crc64Word(words.next().value as bigint, crc);
    loop += sector.bytes / 8;
    sectors.push({ index: sector.index, firstLoop, lastLoop: loop, crc });
  }
  return {
    vectorTable,
    vectorTableCrc: crc64Words(vectorTable),
    program,
    programLength,
    loops: programLength / 8,
    sectors,
    programCrc: crc
  };
}

/** Data word of loop `loop` (1-based): the big-endian u64 of program bytes [8(loop-1), 8 loop). */
export function programWord(binary: FoxBinary, loop: number): bigint {
  const offset = (loop - 1) * 8;
  return new DataView(binary.program.buffer, binary.program.byteOffset + offset, 8).getBigUint64(0, false);
}
