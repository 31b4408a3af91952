/**
 * Known-answer SLCAN lines, written from bms-can-stm32.md §3 (python-can 4.1 over a socat pty, checked
 * on this machine) and foxbms-bootloader.md (what the foxBMS host sends). Used by the codec, driver and
 * virtual adapter tests.
 */
import { dataFrame, remoteFrame, type CanFrame } from './can-frame';

export interface SlcanFrameVector {
  text: string;
  frame: CanFrame;
  timestampMs?: number;
}

export const SLCAN_FRAME_VECTORS: SlcanFrameVector[] = [
  // python-can 4.1 → adapter
  { text: 't7E080210020000000000', frame: dataFrame(0x7e0, [0x02, 0x10, 0x02, 0, 0, 0, 0, 0]) },
  { text: 'T18DA00F13023E00', frame: dataFrame(0x18da00f1, [0x02, 0x3e, 0x00], true) },
  { text: 'r1234', frame: remoteFrame(0x123, 4) },
  // adapter → python-can, the last with a Z1 timestamp (0x1234 ms) after the data
  { text: 't7E8803500200320001F4', frame: dataFrame(0x7e8, [0x03, 0x50, 0x02, 0x00, 0x32, 0x00, 0x01, 0xf4]) },
  // DLC 2, so the last 4 digits are a timestamp, as python-can also reads them
  { text: 'T18DAF100203500200', frame: dataFrame(0x18daf100, [0x03, 0x50], true), timestampMs: 0x200 },
  {
    text: 't7E88065022001E00C8001234',
    frame: dataFrame(0x7e8, [0x06, 0x50, 0x22, 0x00, 0x1e, 0x00, 0xc8, 0x00]),
    timestampMs: 0x1234
  },
  // foxBMS host: GetBootloaderInfo request, and the bootloader's verified answers
  { text: 't40080400000000000000', frame: dataFrame(0x400, [4, 0, 0, 0, 0, 0, 0, 0]) },
  { text: 't49580101000000000000', frame: dataFrame(0x495, [1, 1, 0, 0, 0, 0, 0, 0]) },
  { text: 't410800010B0001000000', frame: dataFrame(0x410, [0x00, 0x01, 0x0b, 0x00, 0x01, 0, 0, 0]) },
  { text: 'R1FFFFFFF0', frame: remoteFrame(0x1fffffff, 0, true) },
  { text: 't0000', frame: dataFrame(0x000, []) }
];

/** What python-can 4.1 writes when it opens a channel at 500 kbit/s (it sends O twice, waits for nothing). */
export const PYTHON_CAN_OPEN = 'C\rS6\rO\rO\r';

/** Lines that are not valid frames: a parser must not turn them into frames. */
export const SLCAN_MALFORMED = ['t7E09', 't7E0201', 'T18DA00F1', 't8000', 'tXYZ0', 't7E0100112', 'T2000000000'];
