/**
 * CRC-16/XMODEM (poly 0x1021, init 0, not reflected, no xorout; check value 0x31C3): the CRC of SMP serial
 * frames. Zephyr computes it with `crc16_itu_t(0, …)` and MCUboot with `crc16_itu_t(CRC16_INITIAL_CRC=0, …)`.
 */
const TABLE = (() => {
  const table = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let crc = i << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    table[i] = crc;
  }
  return table;
})();

/** `seed` continues a running CRC over split data. */
export function crc16Xmodem(bytes: Uint8Array, seed = 0): number {
  let crc = seed & 0xffff;
  for (const b of bytes) crc = ((crc << 8) & 0xffff) ^ TABLE[((crc >> 8) ^ b) & 0xff];
  return crc;
}
