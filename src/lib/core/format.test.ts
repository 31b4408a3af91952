import { describe, expect, it } from 'vitest';
import { formatBytes, formatClock, formatDuration, formatSize } from './format';

describe('sizes and durations (R16 progress the technician reads)', () => {
  it('R16 the app gives the exact byte count and a readable binary size, in the user language', () => {
    expect(formatBytes(512, 'en')).toBe('512 bytes');
    expect(formatBytes(1668, 'en')).toBe('1,668 bytes (1.6 KiB)');
    expect(formatBytes(1668, 'fr')).toBe('1\u202f668 octets (1,6 Kio)');
    expect(formatBytes(3 * 1024 * 1024 + 5, 'en')).toBe('3,145,733 bytes (3 MiB)');
    expect(formatDuration(65)).toBe('1 min 05 s');
  });

  it('R16 the terminal uses the same units, short and fixed-width', () => {
    expect([formatSize(1023), formatSize(1024), formatSize(1024 * 1024)]).toEqual(['1023 B', '1.0 KiB', '1.00 MiB']);
    expect([formatClock(59.6), formatClock(undefined), formatClock(-1)]).toEqual(['1:00', '--:--', '--:--']);
  });
});
