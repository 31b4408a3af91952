/** One catalog of every error code's text, shared by the UI, the CLI and the help page. */
import type { ErrorCode } from './errors';
import type { ErrorEntry, ErrorText } from './error-text';
import { GENERAL_ERRORS } from './general-codes';
import { IMAGE_ERRORS } from './image/image-codes';
import { LINK_ERRORS } from './link/link-codes';
import { SMP_ERRORS } from './protocol/smp/smp-codes';
import { DEVICE_ERRORS } from './virtual-bms/device-codes';
import { UPDATE_ERRORS } from './update/update-codes';
import { JBD_ERRORS } from './protocol/jbd/jbd-codes';
import { MODBUS_ERRORS } from './protocol/modbus/modbus-codes';
import { JK_ERRORS } from './protocol/jk/jk-codes';
import { DALY_ERRORS } from './protocol/daly/daly-codes';
import { THINGSET_ERRORS } from './protocol/thingset/thingset-codes';
import { CAN_ERRORS } from './link/can/can-codes';
import { ISOTP_ERRORS } from './link/can/isotp-codes';
import { FOXBMS_ERRORS } from './protocol/foxbms/foxbms-codes';
import { FAMILY_ERRORS } from './family/family-codes';

export const ERROR_CATALOG: Record<ErrorCode, ErrorEntry> = {
  ...GENERAL_ERRORS,
  ...IMAGE_ERRORS,
  ...LINK_ERRORS,
  ...SMP_ERRORS,
  ...DEVICE_ERRORS,
  ...UPDATE_ERRORS,
  ...JBD_ERRORS,
  ...MODBUS_ERRORS,
  ...JK_ERRORS,
  ...DALY_ERRORS,
  ...THINGSET_ERRORS,
  ...CAN_ERRORS,
  ...ISOTP_ERRORS,
  ...FOXBMS_ERRORS,
  ...FAMILY_ERRORS
};

export type Lang = 'en' | 'fr';

export function describeError(code: string, lang: Lang = 'en'): ErrorText {
  const entry = (ERROR_CATALOG as Record<string, ErrorEntry | undefined>)[code];
  return entry ? entry[lang] : ERROR_CATALOG.INTERNAL_ERROR[lang];
}
