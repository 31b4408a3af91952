/**
 * A picked firmware file is judged by its size before it is read: a multi-gigabyte file read whole
 * would freeze the page or exhaust its memory long before the image parser could refuse it.
 */
import { fail } from '../errors';
import { formatSize } from '../format';

/** The largest image slot the tool flashes (the virtual BMS's 16 MiB ceiling; real BMS slots are far smaller). */
export const MAX_IMAGE_FILE_BYTES = 16 * 1024 * 1024;

export function checkImageFileSize(size: number, name: string): void {
  if (size === 0) fail('IMAGE_FILE_EMPTY', `${name} has 0 bytes`);
  if (size > MAX_IMAGE_FILE_BYTES) fail('IMAGE_FILE_TOO_LARGE', `${name} is ${formatSize(size)}; firmware is at most ${formatSize(MAX_IMAGE_FILE_BYTES)}`);
}
