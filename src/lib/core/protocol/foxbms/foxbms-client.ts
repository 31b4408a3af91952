/**
 * The foxBMS 2 bootloader host over any CAN channel (our SLCAN driver, a virtual bus), following the
 * foxBMS CLI (`cli/cmd_bootloader`, foxbms-bootloader.md): the status probe (0x400 requests 4/5/6, one
 * at a time), the wait for the 500 ms power-on window, reset, load-app and run-app. Data goes as loop
 * number + 8 data bytes with no per-frame answer; the bootloader acknowledges every 1024 loops and a
 * missing acknowledge resends the sub-sector (3 times). Each sector ends with the running CRC-64, which
 * the bootloader checks against its flash; a refused sector needs a reset (which erases the single
 * application slot) and the transfer starts over. There is no fallback bank.
 */
import { BmsError, fail } from '../../errors';
import type { CanChannel, CanFrame } from '../../link/can/can-frame';
import { CanReceiver } from '../../link/can/can-receiver';
import { LOOPS_PER_SUB_SECTOR, programWord, type FoxBinary } from './foxbms-binary';
import {
  AckMessage,
  AckStatus,
  BootFsm,
  BootloaderAction,
  CanFsm,
  decodeAcknowledge,
  decodeDataTransferInfo,
  decodeFsmStates,
  decodeVersionInfo,
  encodeActionRequest,
  encodeCrc8Bytes,
  encodeData8Bytes,
  encodeLoopInfo,
  encodeTransferProcessInfo,
  FoxId,
  isFrame,
  type BootloaderVersion
} from './foxbms-frames';

/** The host's timeouts and pauses (foxbms-bootloader.md "Timeouts summary"); tests shorten them. */
export interface FoxTimings {
  statusMs: number;
  ackMs: number;
  crcAckMs: number;
  resetAckMs: number;
  /** The bootloader erases the application and reboots after a reset request. */
  resetSettleMs: number;
  resetProbeGapMs: number;
  runAckMs: number;
  /** After run-app, how long the application may take before its state frame must be seen. */
  runSettleMs: number;
  appProbeMs: number;
  /** Before each sector, and after the first loop number of a sector (flash preparation). */
  sectorPauseMs: number;
  firstLoopPauseMs: number;
}

export const FOX_TIMINGS: FoxTimings = {
  statusMs: 1000,
  ackMs: 1000,
  crcAckMs: 120_000,
  resetAckMs: 10_000,
  resetSettleMs: 15_000,
  resetProbeGapMs: 1000,
  runAckMs: 5000,
  runSettleMs: 2000,
  appProbeMs: 50,
  sectorPauseMs: 300,
  firstLoopPauseMs: 10
};

export interface FoxProbe {
  states?: { canFsm: number; bootFsm: number };
  loop?: number;
  version?: BootloaderVersion;
  /** No bootloader answer at all, but the application's state frame was seen. */
  applicationRunning: boolean;
}

export interface FoxProgress {
  phase: 'data' | 'crc' | 'vector-table';
  loopsDone: number;
  loops: number;
  /** Sub-sectors sent again after a missing acknowledge. */
  resends: number;
}

const SUB_SECTOR_RETRIES = 3;
const UPLOAD_ATTEMPTS = 3;
const sleep = (ms: number) => (ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

export class FoxBmsBootloaderClient {
  readonly #channel: CanChannel;
  readonly #receiver: CanReceiver;
  readonly #t: FoxTimings;
  resends = 0;

  constructor(channel: CanChannel, timings: Partial<FoxTimings> = {}) {
    this.#channel = channel;
    this.#receiver = new CanReceiver(channel);
    this.#t = { ...FOX_TIMINGS, ...timings };
  }

  close(): void {
    this.#receiver.close();
  }

  /** check_target(): the three status requests, each awaited on its own; then the application's frame. */
  async probe(): Promise<FoxProbe> {
    const states = await this.#request(BootloaderAction.getBootloaderInfo, FoxId.fsmStates, decodeFsmStates);
    const loop = await this.#request(BootloaderAction.getDataTransferInfo, FoxId.dataTransferInfo, decodeDataTransferInfo);
    const version = await this.#request(BootloaderAction.getVersionInfo, FoxId.versionInfo, decodeVersionInfo);
    let applicationRunning = false;
    if (!states && loop === undefined && !version) {
      applicationRunning = await this.#receiver
        .next((frame) => isFrame(frame, FoxId.bmsState), this.#t.appProbeMs)
        .then(() => true, (error: unknown) => this.#onlyTimeout(error, false));
    }
    return { states, loop, version, applicationRunning };
  }

  /** Probes back-to-back until the bootloader answers all three, catching the 500 ms power-on window. */
  async waitForBootloader(timeoutMs: number): Promise<FoxProbe> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const probe = await this.probe();
      if (probe.states && probe.loop !== undefined && probe.version) return probe;
      if (probe.applicationRunning) fail('FOXBMS_APP_RUNNING', 'the application broadcasts f_BmsState (0x220) instead of the bootloader answering');
      if (performance.now() >= deadline) fail('FOXBMS_NO_BOOTLOADER', `no complete status answer within ${timeoutMs} ms`);
    }
  }

  /** Reset: the bootloader erases the application and reboots into its fresh state. */
  async reset(): Promise<void> {
    this.#receiver.clear();
    await this.#channel.send(encodeActionRequest(BootloaderAction.resetBootProcess));
    await this.#ack(AckMessage.cmdToResetBootProcess, AckStatus.inProcessing, this.#t.resetAckMs);
    await sleep(this.#t.resetSettleMs);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const states = await this.#request(BootloaderAction.getBootloaderInfo, FoxId.fsmStates, decodeFsmStates);
      if (states) {
        const loop = await this.#request(BootloaderAction.getDataTransferInfo, FoxId.dataTransferInfo, decodeDataTransferInfo);
        if (states.canFsm === CanFsm.noCommunication && states.bootFsm === BootFsm.wait && loop === 0) return;
        fail('FOXBMS_STATE_UNEXPECTED', `after reset: CAN FSM ${states.canFsm}, boot FSM ${states.bootFsm}, loop ${loop}`);
      }
      await sleep(this.#t.resetProbeGapMs);
    }
    fail('FOXBMS_NO_BOOTLOADER', 'the bootloader did not come back after the reset');
  }

  /**
   * load-app: reset when a previous transfer left state behind, then program info, every sector with its
   * CRC, and the vector table. Retried from the start (3 attempts); a refused vector table alone is resent.
   */
  async loadApp(binary: FoxBinary, onProgress: (progress: FoxProgress) => void = () => {}): Promise<void> {
    let lastError: BmsError | undefined;
    for (let attempt = 0; attempt < UPLOAD_ATTEMPTS; attempt += 1) {
      try {
        const probe = await this.probe();
        const fresh = probe.states?.canFsm === CanFsm.noCommunication && probe.states.bootFsm === BootFsm.wait && probe.loop === 0;
        if (!fresh) await this.reset();
        await this.#startTransfer(binary);
        await this.#sendProgram(binary, onProgress);
        await this.#sendVectorTable(binary, onProgress);
        return;
      } catch (error) {
        if (!(error instanceof BmsError) || !['FOXBMS_REFUSED', 'FOXBMS_ACK_MISSING', 'CAN_TIMEOUT'].includes(error.code)) throw error;
        lastError = error;
        await sleep(1000);
      }
    }
    throw lastError!;
  }

  /** run-app: the bootloader checks the program's CRC-64 and starts it; its state frame must follow. */
  async runApp(): Promise<void> {
    this.#receiver.clear();
    await this.#channel.send(encodeActionRequest(BootloaderAction.runProgram));
    await this.#ack(AckMessage.cmdToRunProgram, AckStatus.inProcessing, this.#t.ackMs);
    const ack = await this.#ack(AckMessage.cmdToRunProgram, AckStatus.processed, this.#t.runAckMs);
    if (!ack.response) fail('FOXBMS_NO_VALID_PROGRAM', 'the bootloader answered No to run-program');
    await sleep(this.#t.runSettleMs);
    this.#receiver.clear();
    await this.#receiver.next((frame) => isFrame(frame, FoxId.bmsState), Math.max(this.#t.appProbeMs, 200), 'f_BmsState (0x220)').catch((error: unknown) => {
      this.#onlyTimeout(error, undefined);
      fail('FOXBMS_NO_VALID_PROGRAM', 'the application did not start broadcasting after run-program');
    });
  }

  async #startTransfer(binary: FoxBinary): Promise<void> {
    this.#receiver.clear();
    await this.#channel.send(encodeActionRequest(BootloaderAction.transferProgram));
    await this.#ack(AckMessage.cmdToTransferProgram, AckStatus.processed, this.#t.ackMs);
    await this.#expectState(CanFsm.waitForInfo);
    await this.#channel.send(encodeTransferProcessInfo(binary.programLength, binary.loops));
    const info = await this.#ack(AckMessage.programInfo, AckStatus.processed, this.#t.ackMs);
    if (!info.response) fail('FOXBMS_REFUSED', `program info refused: ${binary.programLength} bytes in ${binary.loops} loops`);
    await this.#expectState(CanFsm.waitForDataLoops);
  }

  async #sendProgram(binary: FoxBinary, onProgress: (progress: FoxProgress) => void): Promise<void> {
    for (const sector of binary.sectors) {
      await sleep(this.#t.sectorPauseMs);
      for (let start = sector.firstLoop; start <= sector.lastLoop; ) {
        const end = Math.min(sector.lastLoop, Math.ceil(start / LOOPS_PER_SUB_SECTOR) * LOOPS_PER_SUB_SECTOR);
        await this.#sendSubSector(binary, start, end, start === sector.firstLoop);
        onProgress({ phase: 'data', loopsDone: end, loops: binary.loops, resends: this.resends });
        start = end + 1;
      }
      await this.#channel.send(encodeCrc8Bytes(sector.crc));
      const ack = await this.#ack(AckMessage.crc8Bytes, AckStatus.processed, this.#t.crcAckMs);
      if (!ack.response) fail('FOXBMS_REFUSED', `the CRC-64 of flash sector ${sector.index} does not match: the sector was refused`);
      onProgress({ phase: 'crc', loopsDone: sector.lastLoop, loops: binary.loops, resends: this.resends });
    }
  }

  async #sendSubSector(binary: FoxBinary, start: number, end: number, firstOfSector: boolean): Promise<void> {
    for (let attempt = 0; attempt <= SUB_SECTOR_RETRIES; attempt += 1) {
      if (attempt > 0) this.resends += 1;
      this.#receiver.clear();
      for (let loop = start; loop <= end; loop += 1) {
        await this.#channel.send(encodeLoopInfo(loop));
        if (firstOfSector && loop === start) await sleep(this.#t.firstLoopPauseMs);
        await this.#channel.send(encodeData8Bytes(programWord(binary, loop)));
      }
      // The embedded side answers Yes at the very last loop and No at the other sub-sector ends.
      const acked = await this.#ack(AckMessage.subSectorData, AckStatus.processed, this.#t.ackMs).then(
        () => true,
        (error: unknown) => {
          if (error instanceof BmsError && error.code === 'FOXBMS_ACK_MISSING') return false;
          throw error;
        }
      );
      if (acked) return;
    }
    fail('FOXBMS_ACK_MISSING', `loops ${start}–${end} were not acknowledged after ${SUB_SECTOR_RETRIES} resends`);
  }

  async #sendVectorTable(binary: FoxBinary, onProgress: (progress: FoxProgress) => void): Promise<void> {
    for (let attempt = 0; attempt < UPLOAD_ATTEMPTS; attempt += 1) {
      this.#receiver.clear();
      for (const word of binary.vectorTable) await this.#channel.send(encodeData8Bytes(word));
      await this.#ack(AckMessage.vectorTable, AckStatus.processed, this.#t.ackMs);
      await this.#channel.send(encodeCrc8Bytes(binary.vectorTableCrc));
      const ack = await this.#ack(AckMessage.crcOfVectorTable, AckStatus.processed, this.#t.crcAckMs);
      onProgress({ phase: 'vector-table', loopsDone: binary.loops, loops: binary.loops, resends: this.resends });
      if (ack.response) return;
    }
    fail('FOXBMS_REFUSED', 'the CRC-64 of the vector table was refused 3 times');
  }

  async #expectState(canFsm: number): Promise<void> {
    const states = await this.#request(BootloaderAction.getBootloaderInfo, FoxId.fsmStates, decodeFsmStates);
    if (states?.canFsm !== canFsm) {
      fail('FOXBMS_STATE_UNEXPECTED', `expected CAN FSM ${canFsm}, the bootloader reports ${states ? states.canFsm : 'nothing'}`);
    }
  }

  /** Sends a 0x400 request and waits for its answer; undefined when none came in time. */
  async #request<T>(action: number, answerId: number, decode: (frame: CanFrame) => T | undefined): Promise<T | undefined> {
    this.#receiver.clear();
    await this.#channel.send(encodeActionRequest(action));
    const deadline = performance.now() + this.#t.statusMs;
    for (;;) {
      const left = deadline - performance.now();
      if (left <= 0) return undefined;
      const frame = await this.#receiver
        .next((candidate) => isFrame(candidate, answerId), left)
        .catch((error: unknown) => this.#onlyTimeout(error, undefined));
      if (!frame) return undefined;
      // 0x410 also carries the boot burst and the commit hash: wait for the version (mux 0) itself.
      const value = decode(frame);
      if (value !== undefined) return value;
    }
  }

  /** The acknowledge with this message and status; other acknowledges are consumed, as the host does. */
  #ack(message: number, status: number, timeoutMs: number) {
    const what = `acknowledge ${message} with status ${status}`;
    return this.#receiver
      .next((frame) => {
        if (!isFrame(frame, FoxId.acknowledge)) return false;
        const ack = decodeAcknowledge(frame);
        return ack.received && ack.message === message && ack.status === status;
      }, timeoutMs, what)
      .then(decodeAcknowledge)
      .catch((error: unknown) => {
        if (error instanceof BmsError && error.code === 'CAN_TIMEOUT') fail('FOXBMS_ACK_MISSING', `no ${what} within ${timeoutMs} ms`);
        throw error;
      });
  }

  /** Turns a timeout into `value`; any other error (unplug, bus-off) goes on. */
  #onlyTimeout<T>(error: unknown, value: T): T {
    if (error instanceof BmsError && error.code === 'CAN_TIMEOUT') return value;
    throw error;
  }
}
