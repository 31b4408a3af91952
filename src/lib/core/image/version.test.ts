import { describe, expect, it } from 'vitest';
import { compareVersions, decodeVersion, encodeVersion, formatVersion, parseVersion } from './version';

describe('image versions (imgtool grammar)', () => {
  it('parses maj.min.rev+build with later parts optional', () => {
    expect(parseVersion('1.2.3+4')).toEqual({ major: 1, minor: 2, revision: 3, build: 4 });
    expect(parseVersion('1.2.3')).toEqual({ major: 1, minor: 2, revision: 3, build: 0 });
    expect(parseVersion('1.2')).toEqual({ major: 1, minor: 2, revision: 0, build: 0 });
    expect(parseVersion('7')).toEqual({ major: 7, minor: 0, revision: 0, build: 0 });
    expect(parseVersion('255.255.65535+4294967295').build).toBe(4294967295);
  });

  it('rejects malformed or out-of-range versions with IMAGE_VERSION_INVALID', () => {
    for (const text of ['', '1.', '01.2', '1.2+3', '1.2.3+', 'v1.2.3', '1.2.3.4', '-1']) {
      expect(() => parseVersion(text), text).toThrow(/^IMAGE_VERSION_INVALID/);
    }
    expect(() => parseVersion('256.0.0')).toThrow('major 256 in "256.0.0" is not an integer from 0 to 255');
    expect(() => encodeVersion({ major: 1, minor: 2, revision: -3, build: 0 })).toThrow(/^IMAGE_VERSION_INVALID: revision -3/);
    expect(() => parseVersion('1.2.65536')).toThrow(/revision/);
    expect(() => parseVersion('1.2.3+4294967296')).toThrow(/build/);
  });

  it('always formats the build number', () => {
    expect(formatVersion(parseVersion('0.1'))).toBe('0.1.0+0');
  });

  it('R25 orders versions by major, minor, revision, then build', () => {
    const sorted = ['1.10.0', '1.2.3+5', '0.9.9', '1.2.3+4', '1.2.10'].map(parseVersion).sort(compareVersions);
    expect(sorted.map(formatVersion)).toEqual(['0.9.9+0', '1.2.3+4', '1.2.3+5', '1.2.10+0', '1.10.0+0']);
    expect(compareVersions(parseVersion('1.2.3+4'), parseVersion('1.2.3+4'))).toBe(0);
  });

  it('encodes the 8-byte image_version little-endian', () => {
    const bytes = encodeVersion(parseVersion('1.2.772+67305985'));
    expect(Array.from(bytes)).toEqual([1, 2, 0x04, 0x03, 0x01, 0x02, 0x03, 0x04]);
    expect(decodeVersion(bytes)).toEqual(parseVersion('1.2.772+67305985'));
  });
});
