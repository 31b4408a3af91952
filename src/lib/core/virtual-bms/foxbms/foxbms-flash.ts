/**
 * The foxBMS node's non-volatile state: the application area of the TMS570's flash (sectors 7–31, one
 * slot, erased to 0xFF) and the program info the bootloader stores after a complete transfer (length,
 * CRC-64 of the program, the application's vector table and its CRC). Survives power cycles.
 */
import { bigEndianWords, crc64Words } from '../../protocol/foxbms/crc64';
import { APP_AREA_BYTES } from '../../protocol/foxbms/foxbms-binary';

export interface FoxProgramInfo {
  programLength: number;
  programCrc: bigint;
  vectorTable: bigint[];
  vectorTableCrc: bigint;
}

export class FoxFlash {
  readonly program = new Uint8Array(APP_AREA_BYTES).fill(0xff);
  info: FoxProgramInfo | undefined;

  writeProgram(offset: number, bytes: Uint8Array): void {
    this.program.set(bytes, offset);
  }

  /** CRC-64 over `length` bytes of the program area from `offset`, chained from `crc`. */
  programCrc(offset: number, length: number, crc = 0n): bigint {
    return crc64Words(bigEndianWords(this.program.subarray(offset, offset + length)), crc);
  }

  storeProgramInfo(programLength: number, programCrc: bigint, vectorTable: bigint[]): void {
    this.info = { programLength, programCrc, vectorTable: [...vectorTable], vectorTableCrc: crc64Words(vectorTable) };
  }

  /** BOOT_IsProgramAvailableAndValidated: info present, and the flash still matches both CRCs. */
  programValid(): boolean {
    const { info } = this;
    if (!info || info.vectorTable.some((word) => word === 0n)) return false;
    return this.programCrc(0, info.programLength) === info.programCrc && crc64Words(info.vectorTable) === info.vectorTableCrc;
  }

  /** The reset command's erase: program area and info gone (there is no second slot). */
  eraseApplication(): void {
    this.program.fill(0xff);
    this.info = undefined;
  }

  /** The application as it sits in flash: vector table + program, the layout of a foxbms.bin. */
  installedImage(): Uint8Array | undefined {
    if (!this.info) return undefined;
    const image = new Uint8Array(32 + this.info.programLength);
    const view = new DataView(image.buffer);
    this.info.vectorTable.forEach((word, i) => view.setBigUint64(i * 8, word, false));
    image.set(this.program.subarray(0, this.info.programLength), 32);
    return image;
  }
}
