/**
 * The CRC-64 of the TMS570's MCRC unit in semi-CPU mode, as the foxBMS 2 bootloader and its host use it
 * (foxbms-bootloader.md, "CRC-64"): polynomial x^64 + x^4 + x^3 + x + 1 (0x1B), MSB first, no
 * reflection, no final xor, one call per 64-bit word, chained through the previous CRC. The MCU sees
 * 64-bit values as two big-endian 32-bit halves, so data and CRC are swapped by halves going in and the
 * result is swapped back.
 */
const MASK = (1n << 64n) - 1n;
const POLY = 0x1bn;

/** CRC of one byte through the register's top byte: the usual MSB-first table. */
const TABLE: bigint[] = Array.from({ length: 256 }, (_, byte) => {
  let crc = BigInt(byte) << 56n;
  for (let bit = 0; bit < 8; bit += 1) crc = crc & (1n << 63n) ? ((crc << 1n) ^ POLY) & MASK : (crc << 1n) & MASK;
  return crc;
});

function swapHalves(value: bigint): bigint {
  return ((value >> 32n) | ((value & 0xffffffffn) << 32n)) & MASK;
}

/** CRC after one 64-bit data word, starting from `crc` (0 for the first word). */
export function crc64Word(data: bigint, crc = 0n): bigint {
  const word = swapHalves(data);
  let register = swapHalves(crc);
  for (let shift = 56n; shift >= 0n; shift -= 8n) {
    const index = Number(((register >> 56n) ^ (word >> shift)) & 0xffn);
    register = ((register << 8n) & MASK) ^ TABLE[index];
  }
  return swapHalves(register);
}

/** CRC chained over words, e.g. a whole flash sector, from `crc`. */
export function crc64Words(words: Iterable<bigint>, crc = 0n): bigint {
  let value = crc;
  for (const word of words) value = crc64Word(word, value);
  return value;
}

/** Big-endian 64-bit words of `bytes` (length a multiple of 8): how the host reads the .bin. */
export function* bigEndianWords(bytes: Uint8Array): Generator<bigint> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let offset = 0; offset + 8 <= bytes.length; offset += 8) yield view.getBigUint64(offset, false);
}
