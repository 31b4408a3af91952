import type { UpdateSessionErrorCode } from '../../../core/update/update-session-codes';
import type { ErrorText } from '../../error-text';

export const updateSessionEn = {
  UPDATE_ALREADY_RUNNING: {
    summary: 'An update is already running on this device.',
    diagnosis: 'A second update was asked for while the first one still runs; two transfers at once would fight over the same bank.',
    fix: 'Wait for the running update to finish, or stop it safely first, then start again.'
  }
} satisfies Record<UpdateSessionErrorCode, ErrorText>;
