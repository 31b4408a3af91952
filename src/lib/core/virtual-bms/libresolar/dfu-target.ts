/**
 * The firmware side of the ThingSet DFU group (thingset-zephyr-sdk dfu.c on Zephyr's flash_img):
 * xInit erases the whole secondary slot, xWrite appends through a buffer of one flash write block,
 * xBoot flushes it and writes MCUboot's test-upgrade request into slot 1's trailer. The functions
 * return errno values, as the firmware's int32 functions do; the reboot is the caller's job.
 */
import { setNext } from '../mcuboot/boot-trailer';
import type { FlashArea } from '../flash/flash-layout';

const EBUSY = -16;
const EFBIG = -27;
const EIO = -5;

export class DfuTarget {
  readonly #slot: FlashArea;
  #initialised = false;
  /** bytes programmed so far */
  #written = 0;
  #pending: number[] = [];

  constructor(slot: FlashArea) {
    this.#slot = slot;
  }

  get bytesWritten(): number {
    return this.#written + this.#pending.length;
  }

  init(): number {
    this.#slot.erase();
    this.#initialised = true;
    this.#written = 0;
    this.#pending = [];
    return 0;
  }

  write(data: Uint8Array): number {
    if (!this.#initialised) return EBUSY;
    if (this.bytesWritten + data.length > this.#slot.size) return EFBIG;
    this.#pending.push(...data);
    const align = this.#slot.writeAlign;
    const whole = this.#pending.length - (this.#pending.length % align);
    if (whole > 0) {
      this.#slot.program(this.#written, Uint8Array.from(this.#pending.slice(0, whole)));
      this.#written += whole;
      this.#pending = this.#pending.slice(whole);
    }
    return 0;
  }

  /** boot_request_upgrade(BOOT_UPGRADE_TEST) after flushing the last partial write block. */
  requestTestUpgrade(): number {
    if (this.#pending.length > 0) {
      const block = new Uint8Array(this.#slot.writeAlign).fill(0xff);
      block.set(this.#pending);
      this.#slot.program(this.#written, block);
      this.#written += block.length;
      this.#pending = [];
    }
    return setNext(this.#slot, false, false) === 'ok' ? 0 : EIO;
  }
}
