/**
 * The foxBMS 2 bootloader's CAN frames (foxbms-bootloader.md "Ids and layouts"): 11-bit ids, DLC 8
 * always, unused bytes 0. Pure encoders and decoders; the client and the virtual bootloader share them.
 */
import { dataFrame, type CanFrame } from '../../link/can/can-frame';

export const FoxId = {
  actionRequest: 0x400,
  versionInfo: 0x410,
  transferProcessInfo: 0x420,
  loopInfo: 0x430,
  data8Bytes: 0x440,
  crc8Bytes: 0x460,
  acknowledge: 0x480,
  dataTransferInfo: 0x490,
  fsmStates: 0x495,
  /** f_BmsState of the running application (foxbms.dbc): its presence means "application running". */
  bmsState: 0x220
} as const;

export const BootloaderAction = {
  transferProgram: 1,
  resetBootProcess: 2,
  runProgram: 3,
  getBootloaderInfo: 4,
  getDataTransferInfo: 5,
  getVersionInfo: 6
} as const;

export const AckMessage = {
  cmdToTransferProgram: 1,
  programInfo: 2,
  loopNumber: 3,
  subSectorData: 4,
  crc8Bytes: 5,
  finalCrcSignature: 6,
  vectorTable: 7,
  crcOfVectorTable: 8,
  cmdToRunProgram: 9,
  cmdToResetBootProcess: 10
} as const;

export const AckStatus = { notProcessed: 0, inProcessing: 1, processed: 2, error: 3 } as const;

export const CanFsm = {
  noCommunication: 1,
  waitForInfo: 2,
  waitForDataLoops: 3,
  receivedLoopNumber: 4,
  received8BytesData: 5,
  received8BytesCrc: 6,
  finishedFinalValidation: 7,
  finishedTransferVectorTable: 8,
  validatedVectorTable: 9,
  error: 10,
  resetBoot: 11,
  runProgram: 12
} as const;

export const BootFsm = { wait: 1, reset: 2, run: 3, load: 4, error: 5 } as const;

/** 0x410 multiplexer values: version, the boot burst's magic start/end, commit hash halves. */
export const VersionMux = { version: 0, commitHashHigh: 5, commitHashLow: 6, bootInformation: 15 } as const;

export interface Acknowledge {
  received: boolean;
  message: number;
  status: number;
  response: boolean;
}

export interface BootloaderVersion {
  major: number;
  minor: number;
  patch: number;
  underVersionControl: boolean;
  dirty: boolean;
  releaseDistanceOverflow: boolean;
  releaseDistance: number;
}

function frame8(id: number, fill: (bytes: Uint8Array, view: DataView) => void): CanFrame {
  const bytes = new Uint8Array(8);
  fill(bytes, new DataView(bytes.buffer));
  return dataFrame(id, bytes);
}

const view = (frame: CanFrame) => new DataView(frame.data.buffer, frame.data.byteOffset, frame.data.byteLength);

export const encodeActionRequest = (action: number) => frame8(FoxId.actionRequest, (b) => (b[0] = action));

export const encodeTransferProcessInfo = (programLength: number, loops: number) =>
  frame8(FoxId.transferProcessInfo, (_, v) => {
    v.setUint32(0, programLength, true);
    v.setUint32(4, loops, true);
  });

export const encodeLoopInfo = (loop: number) => frame8(FoxId.loopInfo, (_, v) => v.setUint32(0, loop, true));

/** Data word k is the big-endian u64 of bin bytes [8k, 8k+8) sent little-endian: the bytes reversed. */
export const encodeData8Bytes = (word: bigint) => frame8(FoxId.data8Bytes, (_, v) => v.setBigUint64(0, word, true));

export const encodeCrc8Bytes = (crc: bigint) => frame8(FoxId.crc8Bytes, (_, v) => v.setBigUint64(0, crc, true));

export const encodeAcknowledge = (ack: Acknowledge) =>
  frame8(FoxId.acknowledge, (b) => {
    b[0] = (ack.received ? 1 : 0) | ((ack.message & 0x0f) << 1) | ((ack.status & 0x03) << 5) | (ack.response ? 0x80 : 0);
  });

export const encodeDataTransferInfo = (loop: number) => frame8(FoxId.dataTransferInfo, (_, v) => v.setUint32(0, loop, true));

export const encodeFsmStates = (canFsm: number, bootFsm: number) =>
  frame8(FoxId.fsmStates, (b) => {
    b[0] = canFsm;
    b[1] = bootFsm;
  });

export const encodeVersionInfo = (version: BootloaderVersion) =>
  frame8(FoxId.versionInfo, (b) => {
    b[0] = VersionMux.version;
    b[1] = version.major;
    b[2] = version.minor;
    b[3] = version.patch;
    b[4] =
      (version.underVersionControl ? 1 : 0) |
      (version.dirty ? 2 : 0) |
      (version.releaseDistanceOverflow ? 4 : 0) |
      ((version.releaseDistance & 0x1f) << 3);
  });

/** 0x410 with a multiplexer and 7 payload bytes: the boot burst's magic frames and the commit hash. */
export const encodeVersionMux = (mux: number, payload: ArrayLike<number>) =>
  frame8(FoxId.versionInfo, (b) => {
    b[0] = mux;
    b.set(Array.from(payload).slice(0, 7), 1);
  });

export const isFrame = (frame: CanFrame, id: number) => !frame.extended && !frame.remote && frame.id === id && frame.data.length === 8;

export const decodeActionRequest = (frame: CanFrame) => frame.data[0];
export const decodeTransferProcessInfo = (frame: CanFrame) => ({
  programLength: view(frame).getUint32(0, true),
  loops: view(frame).getUint32(4, true)
});
export const decodeLoopInfo = (frame: CanFrame) => view(frame).getUint32(0, true);
export const decodeData8Bytes = (frame: CanFrame) => view(frame).getBigUint64(0, true);
export const decodeCrc8Bytes = (frame: CanFrame) => view(frame).getBigUint64(0, true);
export const decodeDataTransferInfo = (frame: CanFrame) => view(frame).getUint32(0, true);
export const decodeFsmStates = (frame: CanFrame) => ({ canFsm: frame.data[0], bootFsm: frame.data[1] });

export function decodeAcknowledge(frame: CanFrame): Acknowledge {
  const b = frame.data[0];
  return { received: (b & 1) === 1, message: (b >> 1) & 0x0f, status: (b >> 5) & 0x03, response: (b & 0x80) !== 0 };
}

/** The version (mux 0) frame, or undefined for the other 0x410 multiplexer values. */
export function decodeVersionInfo(frame: CanFrame): BootloaderVersion | undefined {
  const b = frame.data;
  if (b[0] !== VersionMux.version) return undefined;
  return {
    major: b[1],
    minor: b[2],
    patch: b[3],
    underVersionControl: (b[4] & 1) !== 0,
    dirty: (b[4] & 2) !== 0,
    releaseDistanceOverflow: (b[4] & 4) !== 0,
    releaseDistance: b[4] >> 3
  };
}
