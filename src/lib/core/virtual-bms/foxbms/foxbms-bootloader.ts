/**
 * The foxBMS 2 bootloader (src/bootloader of foxbms-2 v1.11.0) as a state machine: the CAN callbacks
 * (can_cbs.c) change the CAN FSM and answer with acknowledges; the main loop (main.c, boot.c) writes
 * and checks each sector once its CRC has arrived, stores the program info after the vector table, and
 * resets or starts the application. Its quirks are kept, since the host depends on them:
 * - a loop number is taken only if it is the one expected; data is taken only right after a loop
 *   number, so a lost loop number makes the rest of the sub-sector ignored (no ack) until the host
 *   resends it, and a lost data frame shifts the words until the sector's CRC-64 refuses it;
 * - a refused sector puts the boot FSM in error: only a reset (which erases the application) gets out;
 * - a refused vector-table CRC only asks for the vector table again;
 * - a sector is written to flash before its CRC is checked, so a refused sector leaves garbage there and
 *   the stored program info (hence the application) stays invalid.
 */
import { crc64Words } from '../../protocol/foxbms/crc64';
import { APP_AREA_BYTES, APP_MEMORY_MAP, LOOPS_PER_SUB_SECTOR } from '../../protocol/foxbms/foxbms-binary';
import {
  AckMessage as Ack,
  AckStatus,
  BootFsm,
  BootloaderAction,
  CanFsm,
  decodeActionRequest,
  decodeCrc8Bytes,
  decodeData8Bytes,
  decodeLoopInfo,
  decodeTransferProcessInfo,
  encodeAcknowledge,
  encodeDataTransferInfo,
  encodeFsmStates,
  encodeVersionInfo,
  encodeVersionMux,
  FoxId,
  isFrame,
  VersionMux,
  type BootloaderVersion
} from '../../protocol/foxbms/foxbms-frames';
import type { CanFrame } from '../../link/can/can-frame';
import type { FoxFlash } from './foxbms-flash';

export const BOOTLOADER_VERSION: BootloaderVersion = {
  major: 1,
  minor: 11,
  patch: 0,
  underVersionControl: true,
  dirty: false,
  releaseDistanceOverflow: false,
  releaseDistance: 0
};

/** What the main loop asks the node to do next. */
export type BootloaderOutcome = 'stay' | 'reboot' | 'run-app';

interface TransferInfo {
  currentLoop: number;
  totalLoops: number;
  programLength: number;
  /** Offset of the current sector in the program, and its index in APP_MEMORY_MAP. */
  sectorOffset: number;
  sector: number;
  bufferOffset: number;
  crcOnBoard: bigint;
}

const fresh = (): TransferInfo => ({ currentLoop: 0, totalLoops: 0, programLength: 0, sectorOffset: 0, sector: 0, bufferOffset: 0, crcOnBoard: 0n });

export class FoxBootloader {
  canFsm: number = CanFsm.noCommunication;
  bootFsm: number = BootFsm.wait;
  readonly #flash: FoxFlash;
  readonly #send: (frame: CanFrame) => void;
  #info = fresh();
  #copy = fresh();
  #buffer = new Uint8Array(0x40000);
  #sectorCrc = 0n;
  #vectorTable: bigint[] = [];
  #validatedThisCrc = false;
  #autoRunDone = false;

  constructor(flash: FoxFlash, send: (frame: CanFrame) => void) {
    this.#flash = flash;
    this.#send = send;
  }

  /** main.c at power-on: the boot burst on 0x410 (magic start, version, commit hash, magic end). */
  bootBurst(): void {
    this.#send(encodeVersionMux(VersionMux.bootInformation, [0xfe, 0xfe, 0xfe, 0xfe, 0xfe, 0xfe, 0xfe]));
    this.#sendVersion();
    this.#send(encodeVersionMux(VersionMux.bootInformation, [0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01]));
  }

  /** MAIN_TIME_OUT_us elapsed: still waiting (no request moved the CAN FSM) means start the app. */
  powerOnWindowElapsed(): BootloaderOutcome {
    if (this.#autoRunDone) return 'stay';
    this.#autoRunDone = true;
    if (this.bootFsm !== BootFsm.wait) return 'stay';
    this.bootFsm = BootFsm.run;
    return this.#mainLoop();
  }

  receive(frame: CanFrame): BootloaderOutcome {
    if (frame.extended || frame.remote || frame.data.length !== 8) return 'stay';
    switch (frame.id) {
      case FoxId.actionRequest:
        this.#action(decodeActionRequest(frame));
        break;
      case FoxId.transferProcessInfo:
        this.#transferInfo(frame);
        break;
      case FoxId.loopInfo:
        this.#loopInfo(decodeLoopInfo(frame));
        break;
      case FoxId.data8Bytes:
        this.#data(decodeData8Bytes(frame));
        break;
      case FoxId.crc8Bytes:
        this.#crc(decodeCrc8Bytes(frame));
        break;
      default:
        return 'stay';
    }
    return this.#mainLoop();
  }

  #ack(message: number, status: number, response = false): void {
    this.#send(encodeAcknowledge({ received: true, message, status, response }));
  }

  #sendVersion(): void {
    this.#send(encodeVersionInfo(BOOTLOADER_VERSION));
    // Short commit hash in two halves (mux 5 high, mux 6 low), as ASCII.
    this.#send(encodeVersionMux(VersionMux.commitHashHigh, [...'308028f'].map((c) => c.charCodeAt(0))));
    this.#send(encodeVersionMux(VersionMux.commitHashLow, [...'b000000'].map((c) => c.charCodeAt(0))));
  }

  #action(action: number): void {
    switch (action) {
      case BootloaderAction.transferProgram:
        this.#ack(Ack.cmdToTransferProgram, AckStatus.notProcessed);
        if (this.canFsm === CanFsm.noCommunication) {
          this.#ack(Ack.cmdToTransferProgram, AckStatus.inProcessing);
          this.canFsm = CanFsm.waitForInfo;
          this.#ack(Ack.cmdToTransferProgram, AckStatus.processed);
        }
        return;
      case BootloaderAction.runProgram:
        this.#ack(Ack.cmdToRunProgram, AckStatus.notProcessed);
        if (this.canFsm === CanFsm.noCommunication) {
          this.canFsm = CanFsm.runProgram;
          this.#ack(Ack.cmdToRunProgram, AckStatus.inProcessing);
        }
        return;
      case BootloaderAction.resetBootProcess:
        this.#ack(Ack.cmdToResetBootProcess, AckStatus.notProcessed);
        this.canFsm = CanFsm.resetBoot;
        this.#ack(Ack.cmdToResetBootProcess, AckStatus.inProcessing);
        return;
      case BootloaderAction.getBootloaderInfo:
        this.#send(encodeFsmStates(this.canFsm, this.bootFsm));
        return;
      case BootloaderAction.getDataTransferInfo:
        this.#send(encodeDataTransferInfo(this.#info.currentLoop));
        return;
      case BootloaderAction.getVersionInfo:
        this.#sendVersion();
        return;
    }
  }

  #transferInfo(frame: CanFrame): void {
    this.#ack(Ack.programInfo, AckStatus.notProcessed);
    if (this.canFsm !== CanFsm.waitForInfo) return;
    this.#ack(Ack.programInfo, AckStatus.inProcessing);
    const { programLength, loops } = decodeTransferProcessInfo(frame);
    if (programLength > APP_AREA_BYTES || Math.floor(programLength / 8) !== loops) {
      this.#ack(Ack.programInfo, AckStatus.processed, false);
      return;
    }
    this.#info = { ...fresh(), totalLoops: loops, programLength };
    this.#vectorTable = [];
    this.canFsm = CanFsm.waitForDataLoops;
    this.#ack(Ack.programInfo, AckStatus.processed, true);
  }

  #loopInfo(loop: number): void {
    const state = this.canFsm;
    const accepted: number[] = [CanFsm.waitForDataLoops, CanFsm.receivedLoopNumber, CanFsm.received8BytesData, CanFsm.received8BytesCrc];
    if (!accepted.includes(state)) return;
    if (this.#info.currentLoop === 0) this.#info.currentLoop = 1;
    const firstOfSector =
      (this.#info.currentLoop === 1 && state === CanFsm.waitForDataLoops) || state === CanFsm.received8BytesCrc;
    const wished = state === CanFsm.receivedLoopNumber || firstOfSector || state === CanFsm.received8BytesData;
    if (this.#info.currentLoop !== loop || !wished) return;
    if (firstOfSector) {
      this.#copy = { ...this.#info };
      this.#buffer.fill(0);
    }
    this.canFsm = CanFsm.receivedLoopNumber;
  }

  #data(word: bigint): void {
    if (this.canFsm === CanFsm.finishedFinalValidation) {
      this.#vectorTable.push(word);
      if (this.#vectorTable.length === 4) {
        this.canFsm = CanFsm.finishedTransferVectorTable;
        this.#ack(Ack.vectorTable, AckStatus.processed);
      }
      return;
    }
    if (this.canFsm !== CanFsm.receivedLoopNumber) return;
    const info = this.#info;
    if (info.bufferOffset > this.#buffer.length - 8) {
      this.canFsm = CanFsm.error;
      return;
    }
    // The TMS570 is big-endian: the u64 lands in RAM as the original .bin bytes.
    new DataView(this.#buffer.buffer).setBigUint64(info.bufferOffset, word, false);
    this.canFsm = CanFsm.received8BytesData;
    if (info.currentLoop === info.totalLoops) {
      this.#ack(Ack.subSectorData, AckStatus.processed, true);
      return;
    }
    info.bufferOffset += 8;
    const endOfSubSector = info.currentLoop % LOOPS_PER_SUB_SECTOR === 0;
    info.currentLoop += 1;
    if (endOfSubSector) this.#ack(Ack.subSectorData, AckStatus.processed);
  }

  #crc(crc: bigint): void {
    if (this.canFsm === CanFsm.finishedTransferVectorTable) {
      if (crc64Words(this.#vectorTable) === crc) {
        this.canFsm = CanFsm.validatedVectorTable;
        this.#ack(Ack.crcOfVectorTable, AckStatus.processed, true);
      } else {
        this.#ack(Ack.crcOfVectorTable, AckStatus.processed, false);
        this.#vectorTable = [];
        this.canFsm = CanFsm.finishedFinalValidation;
      }
      return;
    }
    if (this.canFsm !== CanFsm.received8BytesData) return;
    const sectorBytes = APP_MEMORY_MAP[this.#info.sector]?.bytes ?? 0;
    const sectorDone = this.#info.bufferOffset >= sectorBytes;
    const lastLoop = this.#info.currentLoop === this.#info.totalLoops;
    if (!sectorDone && !lastLoop) return;
    this.#sectorCrc = crc;
    this.canFsm = CanFsm.received8BytesCrc;
    this.#validatedThisCrc = false;
    this.#ack(Ack.crc8Bytes, AckStatus.inProcessing);
  }

  /** One pass of main.c's loop, repeated until the boot FSM settles. */
  #mainLoop(): BootloaderOutcome {
    for (let pass = 0; pass < 4; pass += 1) {
      const before = this.bootFsm;
      switch (this.bootFsm) {
        case BootFsm.wait:
          this.bootFsm = this.#bootStateFromCan();
          break;
        case BootFsm.load:
          if (this.canFsm === CanFsm.received8BytesCrc && !this.#validatedThisCrc) {
            this.#validatedThisCrc = true;
            if (!this.#writeAndValidateSector()) this.bootFsm = BootFsm.error;
          } else if (this.canFsm === CanFsm.validatedVectorTable) {
            this.#flash.storeProgramInfo(this.#info.programLength, this.#info.crcOnBoard, this.#vectorTable);
            return 'reboot';
          } else if (this.canFsm === CanFsm.resetBoot) this.bootFsm = BootFsm.reset;
          else if (this.canFsm === CanFsm.error) this.bootFsm = BootFsm.error;
          break;
        case BootFsm.run: {
          const valid = this.#flash.programValid();
          this.#ack(Ack.cmdToRunProgram, AckStatus.processed, valid);
          this.canFsm = CanFsm.noCommunication;
          if (valid) return 'run-app';
          this.bootFsm = BootFsm.wait;
          break;
        }
        case BootFsm.reset:
          // BOOT_ResetBootloader: erase the application (single slot: it is gone), then reset the MCU.
          this.#flash.eraseApplication();
          return 'reboot';
        case BootFsm.error:
          if (this.canFsm === CanFsm.resetBoot) this.bootFsm = BootFsm.reset;
          break;
      }
      if (this.bootFsm === before) break;
    }
    return 'stay';
  }

  #bootStateFromCan(): number {
    switch (this.canFsm) {
      case CanFsm.noCommunication:
        return BootFsm.wait;
      case CanFsm.runProgram:
        return BootFsm.run;
      case CanFsm.resetBoot:
        return BootFsm.reset;
      case CanFsm.error:
        return BootFsm.error;
      default:
        return BootFsm.load;
    }
  }

  /** BOOT_WriteAndValidateCurrentSector: write the buffer, then CRC the flash from the last good CRC. */
  #writeAndValidateSector(): boolean {
    const info = this.#info;
    const sectorBytes = APP_MEMORY_MAP[info.sector].bytes;
    this.#flash.writeProgram(info.sectorOffset, this.#buffer.subarray(0, sectorBytes));
    const crc = this.#flash.programCrc(info.sectorOffset, sectorBytes, info.crcOnBoard);
    if (crc === this.#sectorCrc) {
      info.crcOnBoard = crc;
      if (info.currentLoop === info.totalLoops) this.canFsm = CanFsm.finishedFinalValidation;
      else {
        info.bufferOffset = 0;
        info.sectorOffset += sectorBytes;
        info.sector += 1;
      }
      this.#ack(Ack.crc8Bytes, AckStatus.processed, true);
      return true;
    }
    this.#info = { ...this.#copy };
    if (this.#info.currentLoop === 1) this.canFsm = CanFsm.waitForDataLoops;
    this.#ack(Ack.crc8Bytes, AckStatus.processed, false);
    return false;
  }
}
