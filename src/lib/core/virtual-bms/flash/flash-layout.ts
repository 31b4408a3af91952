/**
 * The virtual BMS's flash partitions, as a Zephyr board's devicetree declares them: two equal image
 * slots, then small A/B areas for the settings and for the trusted storage (security counter, enrolled
 * technician keys). The bootloader itself lives in a separate, write-protected region that is not
 * modelled. Slots default to 128 KiB: the size the imgtool reference images and the app's catalog were
 * signed for (`--slot-size 0x20000`; a padded image's trailer sits at that slot's end), and a common
 * layout for a BMS microcontroller with 256–512 KiB of internal flash. Larger slots model a bigger part.
 */
import { fail } from '../../errors';
import { NorFlash } from './flash';

export const SECTOR_SIZE = 0x1000;
export const WRITE_ALIGN = 8 as const;
export const DEFAULT_SLOT_SIZE = 0x20000;
/** Header, a little code and the trailer must fit; above 16 MiB the flash is a large array in memory for nothing. */
const MIN_SLOT_SECTORS = 8;
const MAX_SLOT_SIZE = 16 * 1024 * 1024;
const RECORD_AREA_SECTORS = 2;

/** Why `slotSize` cannot be an image slot of this flash, or undefined when it can. */
export function slotSizeProblem(slotSize: number): string | undefined {
  if (!Number.isInteger(slotSize) || slotSize % SECTOR_SIZE !== 0) return `slot size ${slotSize} is not a whole number of ${SECTOR_SIZE}-byte sectors`;
  if (slotSize < MIN_SLOT_SECTORS * SECTOR_SIZE || slotSize > MAX_SLOT_SIZE) {
    return `slot size ${slotSize} must be ${MIN_SLOT_SECTORS * SECTOR_SIZE} to ${MAX_SLOT_SIZE} bytes`;
  }
  return undefined;
}

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

export function createFlashLayout(slotSize = DEFAULT_SLOT_SIZE): FlashLayout {
  const problem = slotSizeProblem(slotSize);
  if (problem) fail('DEVICE_OPTION_INVALID', problem);
  const slotSectors = slotSize / SECTOR_SIZE;
  const sectorCount = 2 * slotSectors + 2 * RECORD_AREA_SECTORS;
  const flash = new NorFlash({ sectorSize: SECTOR_SIZE, sectorCount, writeAlign: WRITE_ALIGN });
  const recordSize = RECORD_AREA_SECTORS * SECTOR_SIZE;
  return {
    flash,
    primary: new FlashArea(flash, 'slot0', 0, slotSize),
    secondary: new FlashArea(flash, 'slot1', slotSize, slotSize),
    config: new FlashArea(flash, 'settings', 2 * slotSize, recordSize),
    trusted: new FlashArea(flash, 'trusted', 2 * slotSize + recordSize, recordSize)
  };
}
