/** One catalog of every error code's text, shared by the UI, the CLI and the help page. */
import type { ErrorCode } from './errors';
import type { ErrorEntry, ErrorText } from './error-text';
import { GENERAL_ERRORS } from './general-codes';
import { IMAGE_ERRORS } from './image/image-codes';
import { LINK_ERRORS } from './link/link-codes';
import { SMP_ERRORS } from './smp/smp-codes';
import { DEVICE_ERRORS } from './device/device-codes';
import { UPDATE_ERRORS } from './update/update-codes';
import { CAN_ERRORS } from './link/can/can-codes';
import { ISOTP_ERRORS } from './link/can/isotp-codes';
import { FOXBMS_ERRORS } from './protocol/foxbms/foxbms-codes';

export const ERROR_CATALOG: Record<ErrorCode, ErrorEntry> = {
  ...GENERAL_ERRORS,
  ...IMAGE_ERRORS,
  ...LINK_ERRORS,
  ...SMP_ERRORS,
  ...DEVICE_ERRORS,
  ...UPDATE_ERRORS,
  ...CAN_ERRORS,
  ...ISOTP_ERRORS,
  ...FOXBMS_ERRORS
};

export type Lang = 'en' | 'fr';

export function describeError(code: string, lang: Lang = 'en'): ErrorText {
  const entry = (ERROR_CATALOG as Record<string, ErrorEntry | undefined>)[code];
  return entry ? entry[lang] : ERROR_CATALOG.INTERNAL_ERROR[lang];
}
