/**
 * NOR flash as a BMS microcontroller's internal flash behaves: an erase works on whole sectors and sets
 * every bit to 1 (0xff); programming can only clear bits (1 → 0), in units of the write alignment, so
 * programming over old data ANDs it. Every erase and program passes through an optional fault hook, so
 * the device can cut the power after N bytes of an operation (leaving the half-done sector hardware
 * leaves) or make a program fail as a worn cell does.
 */
import { base64Decode, base64Encode } from '../../protocol/smp/base64';
import { fail } from '../../errors';

export interface FlashGeometry {
  sectorSize: number;
  sectorCount: number;
  /** smallest programmable unit in bytes (8 on many Cortex-M parts: MCUboot's BOOT_MAX_ALIGN) */
  writeAlign: number;
}

export interface FlashTiming {
  /** typical 4 KiB sector erase on an MCU's internal flash */
  eraseSectorMs: number;
  programBytesPerMs: number;
}

export const DEFAULT_FLASH_TIMING: FlashTiming = { eraseSectorMs: 40, programBytesPerMs: 100 };

export interface FlashOp {
  kind: 'erase' | 'program';
  /** absolute flash offset */
  offset: number;
  length: number;
}

/** What the fault hook decides for one operation; undefined lets it complete. */
export type FlashVerdict = { cutAfterBytes: number } | { writeError: true } | undefined;

/** Thrown through everything when the supply disappears mid-operation; only the device top level catches it. */
export class PowerLoss extends Error {
  constructor(detail: string) {
    super(`power lost: ${detail}`);
    this.name = 'PowerLoss';
  }
}

/** An operation the flash controller reported as failed (verify error), as a driver returns -EIO. */
export class FlashFault extends Error {
  readonly op: FlashOp;
  constructor(op: FlashOp) {
    super(`flash ${op.kind} at 0x${op.offset.toString(16)} failed`);
    this.name = 'FlashFault';
    this.op = op;
  }
}

/** Serialized contents: only sectors that are not fully erased, base64 (JSON-friendly, compact). */
export type FlashImage = Record<string, string>;

export class NorFlash {
  readonly geometry: FlashGeometry;
  readonly timing: FlashTiming;
  readonly size: number;
  /** Called before each operation; the device uses it for power-loss and write-error injection. */
  hook: ((op: FlashOp) => FlashVerdict) | undefined;
  /** Simulated time the operations took since the last takeBusyMs(). */
  #busyMs = 0;
  readonly #cells: Uint8Array;

  constructor(geometry: FlashGeometry, timing: FlashTiming = DEFAULT_FLASH_TIMING) {
    this.geometry = geometry;
    this.timing = timing;
    this.size = geometry.sectorSize * geometry.sectorCount;
    this.#cells = new Uint8Array(this.size).fill(0xff);
  }

  read(offset: number, length: number): Uint8Array {
    this.#checkRange(offset, length);
    return this.#cells.slice(offset, offset + length);
  }

  /** A read-only view for large scans (image parsing) without copying a whole slot. */
  view(offset: number, length: number): Uint8Array {
    this.#checkRange(offset, length);
    return this.#cells.subarray(offset, offset + length);
  }

  program(offset: number, data: Uint8Array): void {
    const { writeAlign } = this.geometry;
    if (offset % writeAlign !== 0 || data.length % writeAlign !== 0) {
      fail('INTERNAL_ERROR', `flash program of ${data.length} bytes at 0x${offset.toString(16)} is not ${writeAlign}-byte aligned`);
    }
    this.#checkRange(offset, data.length);
    const op: FlashOp = { kind: 'program', offset, length: data.length };
    const verdict = this.hook?.(op);
    if (verdict && 'writeError' in verdict) throw new FlashFault(op);
    const count = verdict ? Math.min(verdict.cutAfterBytes, data.length) : data.length;
    for (let i = 0; i < count; i += 1) this.#cells[offset + i] &= data[i];
    this.#busyMs += count / this.timing.programBytesPerMs;
    if (verdict) throw new PowerLoss(`${count} of ${data.length} bytes programmed at 0x${offset.toString(16)}`);
  }

  /** Erases the sectors covering [offset, offset + length); both must be sector-aligned. */
  erase(offset: number, length: number): void {
    const { sectorSize } = this.geometry;
    if (offset % sectorSize !== 0 || length % sectorSize !== 0) {
      fail('INTERNAL_ERROR', `flash erase of ${length} bytes at 0x${offset.toString(16)} is not sector-aligned`);
    }
    this.#checkRange(offset, length);
    for (let at = offset; at < offset + length; at += sectorSize) this.#eraseSector(at);
  }

  isErased(offset: number, length: number): boolean {
    return this.view(offset, length).every((b) => b === 0xff);
  }

  takeBusyMs(): number {
    const ms = this.#busyMs;
    this.#busyMs = 0;
    return ms;
  }

  export(): FlashImage {
    const out: FlashImage = {};
    const { sectorSize, sectorCount } = this.geometry;
    const text = new TextDecoder();
    for (let s = 0; s < sectorCount; s += 1) {
      const sector = this.view(s * sectorSize, sectorSize);
      if (!sector.every((b) => b === 0xff)) out[String(s)] = text.decode(base64Encode(sector));
    }
    return out;
  }

  import(image: FlashImage): void {
    const { sectorSize, sectorCount } = this.geometry;
    this.#cells.fill(0xff);
    for (const [key, value] of Object.entries(image)) {
      const index = Number(key);
      const bytes = typeof value === 'string' ? base64Decode(new TextEncoder().encode(value)) : undefined;
      if (!Number.isInteger(index) || index < 0 || index >= sectorCount || !bytes || bytes.length !== sectorSize) {
        fail('DEVICE_STATE_INVALID', `flash sector "${key}" is not a ${sectorSize}-byte base64 sector of this device`);
      }
      this.#cells.set(bytes, index * sectorSize);
    }
  }

  #eraseSector(offset: number): void {
    const { sectorSize } = this.geometry;
    const op: FlashOp = { kind: 'erase', offset, length: sectorSize };
    const verdict = this.hook?.(op);
    if (verdict && 'writeError' in verdict) throw new FlashFault(op);
    // An interrupted erase leaves the sector part erased, part old: the old tail can still look valid.
    const count = verdict ? Math.min(verdict.cutAfterBytes, sectorSize) : sectorSize;
    this.#cells.fill(0xff, offset, offset + count);
    this.#busyMs += this.timing.eraseSectorMs;
    if (verdict) throw new PowerLoss(`sector erase at 0x${offset.toString(16)} stopped after ${count} bytes`);
  }

  #checkRange(offset: number, length: number): void {
    if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0 || offset + length > this.size) {
      fail('INTERNAL_ERROR', `flash access [0x${offset.toString(16)}, +${length}) is outside the ${this.size}-byte flash`);
    }
  }
}
