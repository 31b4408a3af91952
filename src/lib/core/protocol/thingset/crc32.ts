/**
 * The CRC-32 of ThingSet's serial text mode: the Ethernet / zlib CRC (polynomial 0x04C11DB7, reflected,
 * initial value and final XOR 0xFFFFFFFF), Zephyr's crc32_ieee. It covers the message only, without the
 * space before the checksum: ":85 55.0" gives B75ED49B (vectors in thingset-vectors.ts).
 */
const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** The suffix ThingSet writes: eight uppercase hex digits. */
export function crc32Hex(text: string): string {
  return crc32(new TextEncoder().encode(text)).toString(16).toUpperCase().padStart(8, '0');
}
