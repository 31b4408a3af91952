import { describe, expect, it } from 'vitest';
import { isBmsError } from '../errors';
import { MAX_IMAGE_FILE_BYTES, checkImageFileSize } from './image-file-size';

function codeOf(size: number): string | undefined {
  try {
    checkImageFileSize(size, 'picked.bin');
  } catch (error) {
    return isBmsError(error) ? error.code : 'not a BmsError';
  }
  return undefined;
}

describe('firmware file size', () => {
  it('R08 an empty file and a 200 MB file are refused by their size, before anything is read', () => {
    expect(codeOf(0)).toBe('IMAGE_FILE_EMPTY');
    expect(codeOf(200 * 1024 * 1024)).toBe('IMAGE_FILE_TOO_LARGE');
    expect(codeOf(MAX_IMAGE_FILE_BYTES + 1)).toBe('IMAGE_FILE_TOO_LARGE');
    expect(codeOf(MAX_IMAGE_FILE_BYTES)).toBeUndefined();
    expect(codeOf(32)).toBeUndefined();
  });
});
