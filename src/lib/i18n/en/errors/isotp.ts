import type { IsoTpErrorCode } from '../../../core/link/can/isotp-codes';
import type { ErrorText } from '../../error-text';

export const isotpEn = {
  ISOTP_TIMEOUT: {
    summary: 'A segmented CAN message stopped half-way.',
    diagnosis: 'An ISO-TP timer ran out: the adapter could not send a frame (N_As), the node sent no flow control (N_Bs), or the next consecutive frame did not come (N_Cr). Usual causes: a loaded bus, a node busy writing flash, or a wrong node address.',
    fix: 'Retry; if it repeats, lower the bus load (stop other tools on the bus) and check the node address and bit rate.'
  },
  ISOTP_OVERFLOW: {
    summary: 'The node has no room for this message.',
    diagnosis: 'The receiver answered the first frame with flow status OVERFLOW: the message is longer than its buffer.',
    fix: 'Send smaller pieces: the chunk size is taken from the device profile; check that it matches the firmware.'
  },
  ISOTP_SEQUENCE_ERROR: {
    summary: 'A segmented CAN message arrived out of order.',
    diagnosis: 'A consecutive frame carried the wrong sequence number: a frame was lost (adapter receive buffer full) or two senders use the same identifier.',
    fix: 'Retry; if it repeats, close other programs that read the adapter and check that no other tool talks to the node.'
  },
  ISOTP_FRAME_INVALID: {
    summary: 'A CAN frame does not follow ISO-TP.',
    diagnosis: 'Unknown frame type, a length that does not fit the frame, a reserved flow status, or a message longer than the receive buffer.',
    fix: 'Check the node address (another protocol may use these identifiers) and that the firmware speaks ISO-TP on them.'
  },
  ISOTP_WAIT_LIMIT: {
    summary: 'The node kept asking to wait.',
    diagnosis: 'The receiver sent more flow-control WAIT frames than allowed without ever saying continue: it is stuck or overloaded.',
    fix: 'Power-cycle the BMS, then retry.'
  }
} satisfies Record<IsoTpErrorCode, ErrorText>;
