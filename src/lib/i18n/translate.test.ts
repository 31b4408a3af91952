import { describe, expect, it } from 'vitest';
import { en } from './en/messages';
import { fr } from './fr/messages';
import { pickLanguage, translate } from './translate';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  it('French has every English key, non-empty, with the same placeholders', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(fr[key].trim(), key).not.toBe('');
      expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]));
    }
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'keys.added', { name: 'Lab' })).toBe('Key "Lab" added.');
    expect(translate('fr', 'keys.added', { name: 'Labo' })).toBe('Clé « Labo » ajoutée.');
    expect(translate('en', 'keys.added')).toBe('Key "{name}" added.');
  });
});

describe('pickLanguage', () => {
  it('prefers the remembered choice, then the browser languages, then English', () => {
    expect(pickLanguage('fr', ['en-US'])).toBe('fr');
    expect(pickLanguage(null, ['de-DE', 'fr-CA', 'en'])).toBe('fr');
    expect(pickLanguage('xx', ['en-GB'])).toBe('en');
    expect(pickLanguage(null, ['de', 'es'])).toBe('en');
  });
});
