/**
 * Known answers written from the observed ThingSet lines and bytes in
 * ../shared/reference/device-families.md §2 (LibreSolar BMS 16S100 SC, thingset-node-c tests). The codec,
 * the virtual LibreSolar BMS and the client tests all read them. The `#mLive` line of the reference has
 * its body elided ("{…}"), so its CRC F720D502 cannot be recomputed and is not listed.
 */
import type { BinaryRequest } from './binary-codec';

export interface TextVector {
  request: string;
  /** the answer line as received, without "\r\n" */
  answer: string;
}

export const DEVICE_ANSWER =
  ':85 {"cManufacturer":"Libre Solar","cDeviceType":"BMS 16S100 SC","cHardwareVersion":"v0.2","cFirmwareVersion":"v23.1-94-g9ff895e","xShutdown":[],"xReset":[],"xDebugPrintRegisters":[]} CE05CA90#';

export const TEXT_VECTORS: TextVector[] = [
  { request: '?Device', answer: DEVICE_ANSWER },
  { request: '?Meas/rSOC_pct', answer: ':85 55.0 B75ED49B#' },
  { request: '?Meas ["rPackVoltage_V","rSOC_pct"]', answer: ':85 [52.80,55.0] 9C8ACD6A#' },
  { request: '=Conf {"sNominalCapacity_Ah":123.4,"sBalIdleDelay_s":900}', answer: ':84 E096F11A#' },
  { request: '!DFU/xInit', answer: ':84 0 8813DE36#' }
];

/** Error answers quoted in the reference (their lines carry the device's message as a JSON string). */
export const ERROR_ANSWERS = [
  { message: ':A3 "Item rSOC_pct is read-only"', code: 'THINGSET_FORBIDDEN' },
  { message: ':A4 "Invalid endpoint"', code: 'THINGSET_NOT_FOUND' },
  { message: ':AD', code: 'THINGSET_REQUEST_TOO_LARGE' },
  { message: ':A1', code: 'THINGSET_UNAUTHORIZED' },
  { message: ':A0', code: 'THINGSET_BAD_REQUEST' },
  { message: ':C0', code: 'THINGSET_STATUS_ERROR' }
] as const;

const hex = (text: string) => Uint8Array.from(text.split(' ').map((b) => parseInt(b, 16)));

/** Binary mode: GET of item 0x704 (a float 1.2), and the DFU group (0x2D) over CAN / ISO-TP. */
export const BINARY_VECTORS: {
  getRequest: { bytes: Uint8Array; request: BinaryRequest };
  getResponse: { bytes: Uint8Array; status: number; value: number };
  dfuInit: { bytes: Uint8Array; request: BinaryRequest };
  dfuWrite: { bytes: Uint8Array; data: Uint8Array };
  dfuBoot: { bytes: Uint8Array; request: BinaryRequest };
  success: { bytes: Uint8Array; status: number };
} = {
  getRequest: { bytes: hex('01 19 07 04'), request: { fn: 'get', endpoint: 0x704 } },
  getResponse: { bytes: hex('85 F6 FA 3F 99 99 9A'), status: 0x85, value: 1.2 },
  dfuInit: { bytes: hex('02 19 02 D0 80'), request: { fn: 'exec', endpoint: 0x2d0, data: [] } },
  /** the reference's write form, `59 <len16> <data>`, here with 4 data bytes */
  dfuWrite: { bytes: hex('02 19 02 D1 81 59 00 04 DE AD BE EF'), data: hex('DE AD BE EF') },
  dfuBoot: { bytes: hex('02 19 02 D3 80'), request: { fn: 'exec', endpoint: 0x2d3, data: [] } },
  success: { bytes: hex('84'), status: 0x84 }
};

/** DFU limits: a 255-byte chunk is taken, 256 answers `:AD`; a write before xInit returns -EBUSY. */
export const OBSERVED_DFU_CHUNK_LIMIT = 255;
export const DFU_WRITE_BEFORE_INIT = -16;

/**
 * ThingSet over CAN (device-families.md §2, thingset-zephyr-sdk can.h): the 29-bit ids of a request from
 * the host (0x00) to node 0x01 and of its answer, the GET example above as single ISO-TP frames on them,
 * and the address claim of node 0x01 with EUI-64 3F8C21D0B7A45E19 (priority 4, type 3, broadcast).
 */
export const CAN_VECTORS = {
  request: { route: { target: 0x01, source: 0x00 }, id: 0x18000100 },
  answer: { route: { target: 0x00, source: 0x01 }, id: 0x18000001 },
  routed: { route: { target: 0x2a, source: 0x05, targetBus: 0x3, sourceBus: 0x1 }, id: 0x18312a05 },
  getFrame: hex('04 01 19 07 04'),
  answerFrame: hex('07 85 F6 FA 3F 99 99 9A'),
  claim: { id: 0x1300ff01, data: hex('3F 8C 21 D0 B7 A4 5E 19') }
};
