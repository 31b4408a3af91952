import { describe, expect, it } from 'vitest';
import { formatDateTime, formatNumber, formatTime } from './format';

describe('numbers and dates in the page language', () => {
  it('R21 writes French with a decimal comma and day before month, English with a point', () => {
    expect(formatNumber(0.5, 'fr', 2)).toBe('0,50');
    expect(formatNumber(0.5, 'en', 2)).toBe('0.50');
    expect(formatNumber(115200, 'fr')).toBe('115200');
    const at = '2026-03-12T14:05:09Z';
    expect(formatDateTime(at, 'fr')).toMatch(/^12 mars 2026/);
    expect(formatDateTime(at, 'en')).toMatch(/^12 Mar 2026/);
    expect(formatTime(at, 'fr')).toMatch(/^\d{2}:05:09$/);
  });
});
