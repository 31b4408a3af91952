import type { GeneralErrorCode } from '../../../core/general-codes';
import type { ErrorText } from '../../error-text';

export const generalEn = {
  INTERNAL_ERROR: {
    summary: 'An unexpected internal error occurred.',
    diagnosis: 'The detail shows where it happened; nothing was confirmed on the device.',
    fix: 'Export the log and report it; retry the operation after reconnecting.'
  },
  CANCELLED: {
    summary: 'The operation was cancelled.',
    diagnosis: 'It was stopped by the operator or by a safety rule at a safe point.',
    fix: 'Start it again when ready.'
  }
} satisfies Record<GeneralErrorCode, ErrorText>;
