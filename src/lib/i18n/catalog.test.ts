import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../core/error-registry';
import { enErrors } from './en/errors';
import { en } from './en/messages';
import { frErrors } from './fr/errors';
import { fr } from './fr/messages';

/** Words that are the same in both languages (names, units, loan words). Anything else equal is untranslated. */
const SAME_IN_FRENCH = new Set([
  'app.name', 'firmware.version', 'vbms.supplyStable', 'vbms.actions', 'device.cycles', 'device.protections',
  'device.version', 'device.permanent', 'update.rate', 'update.duration', 'result.updated', 'backups.diff.absent',
  'report.code', 'report.phase', 'report.phases', 'report.message'
]);

/** A text made of placeholders, units and symbols only ("{soc} %", "T{n} {celsius} °C") reads the same in French. */
const hasWords = (text: string) => /\p{L}{3,}/u.test(text.replace(/\{\w+\}/g, ''));

/** Every text of a catalog as [key, English, French]: the messages and each field of each error code. */
function pairs(): [string, string, string][] {
  const messages = (Object.keys(en) as (keyof typeof en)[]).map((key): [string, string, string] => [key, en[key], fr[key]]);
  const errors = (Object.keys(ERROR_CODES) as (keyof typeof ERROR_CODES)[]).flatMap((code) =>
    (['summary', 'diagnosis', 'fix'] as const).map((field): [string, string, string] => [`${code}.${field}`, enErrors[code][field], frErrors[code][field]])
  );
  return [...messages, ...errors];
}

describe('text catalogs (en, fr)', () => {
  it('R21 has every key in English and in French, non-empty, translated unless it is a name, a unit or only placeholders', () => {
    const all = pairs();
    expect(all.length).toBeGreaterThan(800);
    for (const [key, english, french] of all) {
      expect(english.trim(), key).not.toBe('');
      expect(french.trim(), key).not.toBe('');
      if (!SAME_IN_FRENCH.has(key) && hasWords(english)) expect(french, `${key} is not translated`).not.toBe(english);
    }
  });

  it('R21 quotes no requirement id (R01–R27) in text a user reads', () => {
    for (const [key, english, french] of pairs()) {
      expect(english, key).not.toMatch(/\bR[0-2]\d\b/);
      expect(french, key).not.toMatch(/\bR[0-2]\d\b/);
    }
  });

  it('R21 writes French numbers with a decimal comma and a space before the colon-like signs', () => {
    for (const [key, , french] of pairs()) {
      expect(french, key).not.toMatch(/\d\.\d+ ?%/);
      expect(french, key).not.toMatch(/[^\s\d(«'’]:\s/);
    }
  });
});
