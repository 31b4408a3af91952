import { describe, expect, it } from 'vitest';
import { decodeSlcan, encodeSlcanLine } from '../../link/can/slcan-codec';
import type { CanFrame } from '../../link/can/can-frame';
import { prepareFoxBinary, programWord, APP_AREA_BYTES } from './foxbms-binary';
import {
  BootloaderAction,
  decodeAcknowledge,
  decodeFsmStates,
  decodeVersionInfo,
  encodeAcknowledge,
  encodeActionRequest,
  encodeCrc8Bytes,
  encodeData8Bytes,
  encodeLoopInfo,
  encodeTransferProcessInfo
} from './foxbms-frames';
import { ACK_VECTORS, DEFAULT_APP_VECTORS, REQUEST_VECTORS } from './foxbms-vectors';
import { isBmsError } from '../../errors';

const slcan = (frame: CanFrame) => new TextDecoder().decode(encodeSlcanLine({ kind: 'frame', frame })).trimEnd();
const parse = (line: string) => {
  const [decoded] = decodeSlcan(new TextEncoder().encode(`${line}\r`)).lines;
  if (decoded.kind !== 'frame') throw new Error(`not a frame: ${line}`);
  return decoded.frame;
};

describe('foxBMS 2 bootloader frames', () => {
  it('R12 encodes the status probe and transfer frames exactly as the foxBMS host sends them', () => {
    expect(slcan(encodeActionRequest(BootloaderAction.getBootloaderInfo))).toBe(REQUEST_VECTORS.getBootloaderInfo);
    expect(slcan(encodeActionRequest(BootloaderAction.getDataTransferInfo))).toBe(REQUEST_VECTORS.getDataTransferInfo);
    expect(slcan(encodeActionRequest(BootloaderAction.getVersionInfo))).toBe(REQUEST_VECTORS.getVersionInfo);
    expect(slcan(encodeActionRequest(BootloaderAction.transferProgram))).toBe(REQUEST_VECTORS.transferProgram);
    expect(slcan(encodeTransferProcessInfo(0x20000, 16384))).toBe(DEFAULT_APP_VECTORS.transferInfoSlcan);
    expect(slcan(encodeLoopInfo(1))).toBe(DEFAULT_APP_VECTORS.firstLoopSlcan);
    // the reversed byte order: bin bytes 03 0a 11 18 … go out as 34 2D 26 1F …
    expect(slcan(encodeData8Bytes(DEFAULT_APP_VECTORS.firstWord))).toBe(DEFAULT_APP_VECTORS.firstWordSlcan);
    expect(slcan(encodeCrc8Bytes(DEFAULT_APP_VECTORS.finalCrc))).toBe(DEFAULT_APP_VECTORS.finalCrcSlcan);
  });

  it.each(ACK_VECTORS)('R12 acknowledge $slcan is message $message, status $status, response $response', (vector) => {
    const ack = { received: true, message: vector.message, status: vector.status, response: vector.response };
    expect(slcan(encodeAcknowledge(ack))).toBe(vector.slcan);
    expect(decodeAcknowledge(parse(vector.slcan))).toEqual(ack);
  });

  it('R12 decodes the verified answers to the status probe (v1.11.0 bootloader, fresh state)', () => {
    expect(decodeFsmStates(parse(REQUEST_VECTORS.answerFsmStates))).toEqual({ canFsm: 1, bootFsm: 1 });
    expect(decodeVersionInfo(parse(REQUEST_VECTORS.answerVersion))).toMatchObject({ major: 1, minor: 11, patch: 0, underVersionControl: true, dirty: false });
  });
});

describe('foxBMS 2 .bin layout', () => {
  it('R08 pads the program with zeros to whole sectors and chains the CRC over it, reporting it per sector', () => {
    const bin = Uint8Array.from({ length: 32 + 0x30000 }, (_, i) => (i * 7 + 3) & 0xff);
    const binary = prepareFoxBinary(bin);
    expect(binary.programLength).toBe(0x40000); // two 0x20000 sectors hold 0x30020 bytes
    expect(binary.loops).toBe(0x8000);
    expect(binary.sectors.map((s) => [s.index, s.firstLoop, s.lastLoop])).toEqual([[7, 1, 16384], [8, 16385, 32768]]);
    expect(binary.program.subarray(0x30000).every((b) => b === 0)).toBe(true);
    expect(binary.vectorTable[0]).toBe(0x030a11181f262d34n); // bin bytes 0..7, big-endian
    expect(programWord(binary, 1)).toBe(0xe3eaf1f8ff060d14n); // bin bytes 32..39
    expect(binary.sectors[1].crc).toBe(binary.programCrc);
  });

  it('R08 refuses a file that is only a vector table, or larger than the application area', () => {
    for (const size of [32, APP_AREA_BYTES + 1]) {
      try {
        prepareFoxBinary(new Uint8Array(size));
        expect.unreachable();
      } catch (error) {
        expect(isBmsError(error) && error.code).toBe('FOXBMS_IMAGE_INVALID');
      }
    }
  });
});
