/**
 * Every error code, declared once by its domain (`*-codes.ts`) with what the code means for the
 * procedure: whether the bytes did not get through (retry once the device is back), whether it is a
 * UART line error (count it, read on), where to look first (R23) and whether the technician can fix it
 * on site. The sentences live in src/lib/i18n/<lang>/errors (see docs/errors.md).
 */
import { SMP_CODES } from './protocol/smp/smp-codes';
import { LINK_CODES } from './link/link-codes';
import { DEVICE_CODES } from './virtual-bms/device-codes';
import { SMP_IMAGE_CODES } from './protocol/smp/smp-image-codes';
import { SMP_RAW_CODES } from './protocol/smp/smp-raw-codes';
import { SMP_BMS_CODES } from './protocol/smp/smp-bms-codes';
import { SMP_RC_CODES } from './protocol/smp/smp-rc-codes';
import { SMP_FRAME_CODES } from './protocol/smp/smp-frame-codes';
import { UPDATE_SESSION_CODES } from './update/update-session-codes';
import { UPDATE_PREFLIGHT_CODES } from './update/update-preflight-codes';
import { UPDATE_INSTALL_CODES } from './update/update-install-codes';
import { UPDATE_BOOT_CODES } from './update/update-boot-codes';
import { IMAGE_CODES } from './image/image-codes';
import { GENERAL_CODES } from './general-codes';
import { LINK_PORT_CODES } from './link/link-port-codes';
import { LINK_SESSION_CODES } from './link/link-session-codes';
import { LINK_BLE_CODES } from './link/link-ble-codes';
import { UPDATE_BACKUP_CODES } from './backup/backup-codes';
import { CAN_CODES } from './link/can/can-codes';
import { ISOTP_CODES } from './link/can/isotp-codes';
import { DALY_CODES } from './protocol/daly/daly-codes';
import { FOXBMS_CODES } from './protocol/foxbms/foxbms-codes';
import { JBD_CODES } from './protocol/jbd/jbd-codes';
import { JK_CODES } from './protocol/jk/jk-codes';
import { MODBUS_CODES } from './protocol/modbus/modbus-codes';
import { SMP_SETTINGS_FS_CODES } from './protocol/smp/smp-settings-fs-codes';
import { THINGSET_CODES } from './protocol/thingset/thingset-codes';
import { UPDATE_OUTCOME_CODES } from './update/update-outcome-codes';
import { FAMILY_CODES } from './family/family-codes';
import { RS485_CODES } from './protocol/rs485/rs485-codes';


/** Where to look first (R23). 'firmware': the new image itself misbehaves on this board. */
export type RootCause = 'binary' | 'firmware' | 'hardware' | 'power' | 'procedure';

export interface CodeAttributes {
  rootCause: RootCause;
  /** the bytes did not get through (timeout, lost or garbled frame): not an answer the device meant */
  transportLoss: boolean;
  /** a UART line error (framing, parity, overrun, break): bytes keep flowing, the reader goes on */
  lineError: boolean;
  /** the technician can clear it on site (cable, supply, settings, retry) without a new package */
  userFixable: boolean;
}

export type CodeTable = Record<string, CodeAttributes>;

export const ERROR_CODES = {
  ...SMP_CODES,
  ...LINK_CODES,
  ...DEVICE_CODES,
  ...SMP_IMAGE_CODES,
  ...SMP_RAW_CODES,
  ...SMP_BMS_CODES,
  ...SMP_RC_CODES,
  ...SMP_FRAME_CODES,
  ...UPDATE_SESSION_CODES,
  ...UPDATE_PREFLIGHT_CODES,
  ...UPDATE_INSTALL_CODES,
  ...UPDATE_BOOT_CODES,
  ...IMAGE_CODES,
  ...GENERAL_CODES,
  ...LINK_PORT_CODES,
  ...LINK_SESSION_CODES,
  ...LINK_BLE_CODES,
  ...UPDATE_BACKUP_CODES,
  ...CAN_CODES,
  ...ISOTP_CODES,
  ...DALY_CODES,
  ...FOXBMS_CODES,
  ...JBD_CODES,
  ...JK_CODES,
  ...MODBUS_CODES,
  ...SMP_SETTINGS_FS_CODES,
  ...THINGSET_CODES,
  ...UPDATE_OUTCOME_CODES,
  ...FAMILY_CODES,
  ...RS485_CODES
} satisfies CodeTable;

export type ErrorCode = keyof typeof ERROR_CODES;

const attributes = (code: string): CodeAttributes | undefined => (ERROR_CODES as Record<string, CodeAttributes | undefined>)[code];

export function isErrorCode(code: string): code is ErrorCode {
  return attributes(code) !== undefined;
}

/** True when the bytes did not get through; false for refusals the device meant, and unknown codes. */
export function isTransportLoss(code: string): boolean {
  return attributes(code)?.transportLoss ?? false;
}

export function isLineError(code: string): boolean {
  return attributes(code)?.lineError ?? false;
}

export function rootCauseOf(code: string): RootCause {
  return attributes(code)?.rootCause ?? 'procedure';
}

export function isUserFixable(code: string): boolean {
  return attributes(code)?.userFixable ?? false;
}
