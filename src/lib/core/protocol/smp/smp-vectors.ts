/**
 * Known-answer SMP vectors, written from the protocol documentation (smp_protocol.rst, smp_transport.rst,
 * smp_group_0/1.rst) and computed independently of this codebase (Python's base64 and binascii.crc_hqx,
 * which is CRC-16/XMODEM with seed 0). The echo request is the reference's own vector. Used by the codec,
 * client, virtual device and CLI tests alike: a change that breaks one of these breaks interoperability.
 */
import type { CborMap } from './cbor';
import { fromHex } from './hex';
import type { SmpHeader } from './smp-packet';

export interface SmpVector {
  /** what the packet says, in protocol terms */
  description: string;
  /** header + CBOR body, hex with spaces */
  packet: string;
  header: SmpHeader;
  body: CborMap;
  /** the console frame(s) at the standard 127-byte line length, as a latin-1 string */
  frame: string;
  /** the body is encoded with indefinite-length maps, as Zephyr's zcbor writes them */
  indefinite?: boolean;
}

const SHA = fromHex('a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf');
const DATA_64 = Uint8Array.from({ length: 64 }, (_, i) => i);

export const SMP_VECTORS = {
  echoRequest: {
    description: 'v2 write, OS group 0, echo (cmd 0), seq 0: {"d": "hi"} (CRC 0xE27C)',
    packet: '0a 00 00 06 00 00 00 00 a1 61 64 62 68 69',
    header: { version: 1, op: 2, flags: 0, length: 6, group: 0, seq: 0, command: 0 },
    body: { d: 'hi' },
    frame: '\x06\x09ABAKAAAGAAAAAKFhZGJoaeJ8\n'
  },
  echoResponse: {
    description: 'v2 write response to the echo: {"r": "hi"}',
    packet: '0b 00 00 06 00 00 00 00 a1 61 72 62 68 69',
    header: { version: 1, op: 3, flags: 0, length: 6, group: 0, seq: 0, command: 0 },
    body: { r: 'hi' },
    frame: '\x06\x09ABALAAAGAAAAAKFhcmJoaaUj\n'
  },
  paramsRequest: {
    description: 'v2 read, OS group, mcumgr params (cmd 6), seq 1: {}',
    packet: '08 00 00 01 00 00 01 06 a0',
    header: { version: 1, op: 0, flags: 0, length: 1, group: 0, seq: 1, command: 6 },
    body: {},
    frame: '\x06\x09AAsIAAABAAABBqBEIw==\n'
  },
  paramsResponse: {
    description: 'read response to params, MCUboot serial-recovery defaults: {"buf_size": 512, "buf_count": 1}',
    packet: '09 00 00 18 00 00 01 06 a2 68 62 75 66 5f 73 69 7a 65 19 02 00 69 62 75 66 5f 63 6f 75 6e 74 01',
    header: { version: 1, op: 1, flags: 0, length: 24, group: 0, seq: 1, command: 6 },
    body: { buf_size: 512, buf_count: 1 },
    frame: '\x06\x09ACIJAAAYAAABBqJoYnVmX3NpemUZAgBpYnVmX2NvdW50ARLd\n'
  },
  imageStateRequest: {
    description: 'v2 read, image group 1, state (cmd 0), seq 2: {}',
    packet: '08 00 00 01 00 01 02 00 a0',
    header: { version: 1, op: 0, flags: 0, length: 1, group: 1, seq: 2, command: 0 },
    body: {},
    frame: '\x06\x09AAsIAAABAAECAKDBYQ==\n'
  },
  v1NotSupported: {
    description: 'v1 read response from a legacy server, seq 3: {"rc": 8} (MGMT_ERR_ENOTSUP)',
    packet: '01 00 00 05 00 00 03 06 a1 62 72 63 08',
    header: { version: 0, op: 1, flags: 0, length: 5, group: 0, seq: 3, command: 6 },
    body: { rc: 8 },
    frame: '\x06\x09AA8BAAAFAAADBqFicmMIj+Y=\n'
  },
  v2ImageNewer: {
    description: 'v2 group error to an upload, seq 4: {"err": {"group": 1, "rc": 27}} (CURRENT_VERSION_IS_NEWER)',
    packet: '0b 00 00 12 00 01 04 01 a1 63 65 72 72 a2 65 67 72 6f 75 70 01 62 72 63 18 1b',
    header: { version: 1, op: 3, flags: 0, length: 18, group: 1, seq: 4, command: 1 },
    body: { err: { group: 1, rc: 27 } },
    frame: '\x06\x09ABwLAAASAAEEAaFjZXJyomVncm91cAFicmMYG57X\n'
  },
  uploadFirst: {
    description:
      'v2 write, image upload (cmd 1), seq 5, first chunk: image 0, len 1000, off 0, sha a0..bf, data 00..3f; two lines',
    packet:
      '0a 00 00 81 00 01 05 01 a5 65 69 6d 61 67 65 00 63 6c 65 6e 19 03 e8 63 6f 66 66 00 63 73 68 61 58 20 ' +
      'a0 a1 a2 a3 a4 a5 a6 a7 a8 a9 aa ab ac ad ae af b0 b1 b2 b3 b4 b5 b6 b7 b8 b9 ba bb bc bd be bf ' +
      '64 64 61 74 61 58 40 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10 11 12 13 14 15 16 17 18 19 1a 1b ' +
      '1c 1d 1e 1f 20 21 22 23 24 25 26 27 28 29 2a 2b 2c 2d 2e 2f 30 31 32 33 34 35 36 37 38 39 3a 3b 3c 3d 3e 3f',
    header: { version: 1, op: 2, flags: 0, length: 129, group: 1, seq: 5, command: 1 },
    body: { image: 0, len: 1000, off: 0, sha: SHA, data: DATA_64 },
    frame:
      '\x06\x09AIsKAACBAAEFAaVlaW1hZ2UAY2xlbhkD6GNvZmYAY3NoYVggoKGio6SlpqeoqaqrrK2ur7CxsrO0tba3uLm6u7y9vr9kZGF0YVhAAAECAwQFBgcICQoLDA0ODxAR\n' +
      '\x04\x14EhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+P4dE\n'
  },
  uploadFirstResponse: {
    description: 'v2 write response to the first upload chunk: {"off": 64}',
    packet: '0b 00 00 07 00 01 05 01 a1 63 6f 66 66 18 40',
    header: { version: 1, op: 3, flags: 0, length: 7, group: 1, seq: 5, command: 1 },
    body: { off: 64 },
    frame: '\x06\x09ABELAAAHAAEFAaFjb2ZmGECWXA==\n'
  },
  mcumgrEchoRequest: {
    description: 'v1 write, OS echo, seq 7: {"d": "hi"}, as the mcumgr CLI sends it (CRC 0xCE0F)',
    packet: '02 00 00 06 00 00 07 00 a1 61 64 62 68 69',
    header: { version: 0, op: 2, flags: 0, length: 6, group: 0, seq: 7, command: 0 },
    body: { d: 'hi' },
    frame: '\x06\x09ABACAAAGAAAHAKFhZGJoac4P\n'
  },
  mcumgrEchoResponse: {
    description:
      "Zephyr smp_svr's answer to that echo, observed on the wire (device-families.md §1): indefinite-length map 0xBF … 0xFF",
    packet: '03 00 00 07 00 00 07 00 bf 61 72 62 68 69 ff',
    header: { version: 0, op: 3, flags: 0, length: 7, group: 0, seq: 7, command: 0 },
    body: { r: 'hi' },
    frame: '\x06\x09ABEDAAAHAAAHAL9hcmJoaf9I1w==\n',
    indefinite: true
  },
  bmsIdentityProbe: {
    description: 'v2 read, group 64 (our BMS group) command 0 (identity), seq 8: {} — the family probe',
    packet: '08 00 00 01 00 40 08 00 a0',
    header: { version: 1, op: 0, flags: 0, length: 1, group: 64, seq: 8, command: 0 },
    body: {},
    frame: '\x06\x09AAsIAAABAEAIAKAeiA==\n'
  },
  mcumgrNoBmsGroup: {
    description: 'stock mcumgr answer to the probe: {"rc": 8} (MGMT_ERR_ENOTSUP, no such group), indefinite-length',
    packet: '09 00 00 06 00 40 08 00 bf 62 72 63 08 ff',
    header: { version: 1, op: 1, flags: 0, length: 6, group: 64, seq: 8, command: 0 },
    body: { rc: 8 },
    frame: '\x06\x09ABAJAAAGAEAIAL9icmMI/7ly\n',
    indefinite: true
  },
  settingsReadRequest: {
    description: 'v2 read, settings group 3, read/write (cmd 0), seq 9: {"name": "bms/cell_ov_mv"}',
    packet: '08 00 00 15 00 03 09 00 a1 64 6e 61 6d 65 6e 62 6d 73 2f 63 65 6c 6c 5f 6f 76 5f 6d 76',
    header: { version: 1, op: 0, flags: 0, length: 21, group: 3, seq: 9, command: 0 },
    body: { name: 'bms/cell_ov_mv' },
    frame: '\x06\x09AB8IAAAVAAMJAKFkbmFtZW5ibXMvY2VsbF9vdl9tdqyM\n'
  },
  settingsReadResponse: {
    description: 'stock mcumgr answer: {_ "val": h\'6810\'} (4200 mV, little-endian, as the firmware stores it)',
    packet: '09 00 00 09 00 03 09 00 bf 63 76 61 6c 42 68 10 ff',
    header: { version: 1, op: 1, flags: 0, length: 9, group: 3, seq: 9, command: 0 },
    body: { val: Uint8Array.of(0x68, 0x10) },
    frame: '\x06\x09ABMJAAAJAAMJAL9jdmFsQmgQ/+8/\n',
    indefinite: true
  },
  osInfoRequest: {
    description: 'v2 read, OS group, OS/application info (cmd 7), seq 10: {"format": "s"}',
    packet: '08 00 00 0a 00 00 0a 07 a1 66 66 6f 72 6d 61 74 61 73',
    header: { version: 1, op: 0, flags: 0, length: 10, group: 0, seq: 10, command: 7 },
    body: { format: 's' },
    frame: '\x06\x09ABQIAAAKAAAKB6FmZm9ybWF0YXMgZg==\n'
  },
  osInfoResponse: {
    description: 'stock mcumgr answer: {_ "output": "Zephyr"} (the kernel name)',
    packet: '09 00 00 10 00 00 0a 07 bf 66 6f 75 74 70 75 74 66 5a 65 70 68 79 72 ff',
    header: { version: 1, op: 1, flags: 0, length: 16, group: 0, seq: 10, command: 7 },
    body: { output: 'Zephyr' },
    frame: '\x06\x09ABoJAAAQAAAKB79mb3V0cHV0ZlplcGh5cv/87A==\n',
    indefinite: true
  }
} satisfies Record<string, SmpVector>;

export type SmpVectorName = keyof typeof SMP_VECTORS;

export function vectorPacket(vector: SmpVector): Uint8Array {
  return fromHex(vector.packet);
}

/** The frame string as the bytes on the wire (every character is below 0x80). */
export function vectorFrame(vector: SmpVector): Uint8Array {
  return Uint8Array.from(vector.frame, (c) => c.charCodeAt(0));
}
