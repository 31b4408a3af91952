import type { LinkSessionErrorCode } from '../../../core/link/link-session-codes';
import type { ErrorText } from '../../error-text';

export const linkSessionEn = {
  LINK_NOT_CONNECTED: {
    summary: 'No device is connected.',
    diagnosis: 'The action needs a device, but no connection is open: none was chosen yet, or the last one was closed or lost.',
    fix: 'Open the Connect page and connect to the device (or to the Virtual BMS), then try again.'
  }
} satisfies Record<LinkSessionErrorCode, ErrorText>;
