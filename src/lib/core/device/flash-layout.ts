/**
 * The virtual BMS's flash partitions, as a Zephyr board's devicetree declares them: two 128 KiB image
 * slots (the size the imgtool reference images were signed for), then small A/B areas for the settings
 * and for the trusted storage (security counter, enrolled technician keys). The bootloader itself lives
 * in a separate, write-protected region that is not modelled.
 */
import { fail } from '../errors';
import { NorFlash } from './flash';

export const SECTOR_SIZE = 0x1000;
export const WRITE_ALIGN = 8 as const;
export const SLOT_SIZE = 0x20000;
const RECORD_AREA_SECTORS = 2;

/** A partition: offsets are relative to its start, as flash_area_* calls are. */
export class FlashArea {
  readonly flash: NorFlash;
  readonly name: string;
  readonly offset: number;
  readonly size: number;

  constructor(flash: NorFlash, name: string, offset: number, size: number) {
    this.flash = flash;
    this.name = name;
    this.offset = offset;
    this.size = size;
  }

  get sectorSize(): number {
    return this.flash.geometry.sectorSize;
  }

  get writeAlign(): number {
    return this.flash.geometry.writeAlign;
  }

  read(offset: number, length: number): Uint8Array {
    return this.flash.read(this.#at(offset, length), length);
  }

  view(offset = 0, length = this.size - offset): Uint8Array {
    return this.flash.view(this.#at(offset, length), length);
  }

  program(offset: number, data: Uint8Array): void {
    this.flash.program(this.#at(offset, data.length), data);
  }

  erase(offset = 0, length = this.size - offset): void {
    this.flash.erase(this.#at(offset, length), length);
  }

  isErased(offset = 0, length = this.size - offset): boolean {
    return this.flash.isErased(this.#at(offset, length), length);
  }

  #at(offset: number, length: number): number {
    if (offset < 0 || length < 0 || offset + length > this.size) {
      fail('INTERNAL_ERROR', `access [0x${offset.toString(16)}, +${length}) outside partition ${this.name} (${this.size} bytes)`);
    }
    return this.offset + offset;
  }
}

export interface FlashLayout {
  flash: NorFlash;
  /** slot 0: the image the bootloader runs */
  primary: FlashArea;
  /** slot 1: where uploads land and where the previous image waits after a swap */
  secondary: FlashArea;
  config: FlashArea;
  trusted: FlashArea;
}

export function createFlashLayout(): FlashLayout {
  const slotSectors = SLOT_SIZE / SECTOR_SIZE;
  const sectorCount = 2 * slotSectors + 2 * RECORD_AREA_SECTORS;
  const flash = new NorFlash({ sectorSize: SECTOR_SIZE, sectorCount, writeAlign: WRITE_ALIGN });
  const recordSize = RECORD_AREA_SECTORS * SECTOR_SIZE;
  return {
    flash,
    primary: new FlashArea(flash, 'slot0', 0, SLOT_SIZE),
    secondary: new FlashArea(flash, 'slot1', SLOT_SIZE, SLOT_SIZE),
    config: new FlashArea(flash, 'settings', 2 * SLOT_SIZE, recordSize),
    trusted: new FlashArea(flash, 'trusted', 2 * SLOT_SIZE + recordSize, recordSize)
  };
}
