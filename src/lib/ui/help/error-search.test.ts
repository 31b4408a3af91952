import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '$lib/core/error-registry';
import { normalise, searchErrorCodes } from './error-search';

describe('Help: error code search (R21)', () => {
  it('R21 finds a code by its name, with or without underscores and in any case', () => {
    expect(searchErrorCodes('IMAGE_BAD_MAGIC')).toEqual(['IMAGE_BAD_MAGIC']);
    expect(searchErrorCodes('bad magic')[0]).toBe('IMAGE_BAD_MAGIC');
    expect(searchErrorCodes('  Baud_Mismatch ')).toContain('LINK_BAUD_MISMATCH');
  });

  it('R21 finds codes by words of their English or French text, accents ignored; every word must match', () => {
    expect(searchErrorCodes('not an MCUboot firmware image')).toContain('IMAGE_BAD_MAGIC');
    expect(searchErrorCodes("chargeur d'amorcage")).toContain('UPDATE_DEVICE_IN_BOOTLOADER');
    const debit = searchErrorCodes('débit');
    expect(debit).toContain('LINK_BAUD_MISMATCH');
    expect(searchErrorCodes('debit')).toEqual(debit);
    expect(searchErrorCodes('magic zebra')).toEqual([]);
  });

  it('R21 codes whose name matches come before codes that only mention the words', () => {
    const found = searchErrorCodes('signature');
    const byName = found.filter((code) => code.includes('SIGNATURE'));
    expect(found.slice(0, byName.length)).toEqual(byName);
    expect(found.length).toBeGreaterThan(byName.length);
  });

  it('a blank search lists every code, sorted', () => {
    const all = searchErrorCodes(' ');
    expect(all).toHaveLength(Object.keys(ERROR_CODES).length);
    expect(all).toEqual([...all].sort());
    expect(normalise('Échec_de  l’AUTOTEST')).toBe('echec de l’autotest');
  });
});
