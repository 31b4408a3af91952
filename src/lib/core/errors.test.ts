import { describe, expect, it } from 'vitest';
import { BmsError, toErrorData, toResult } from './errors';
import { ERROR_CODES } from './error-registry';
import { ERROR_TEXT, describeError } from '../i18n/translate';

describe('error codes', () => {
  it('keeps the code and detail through plain data (worker boundary, reports)', async () => {
    const result = await toResult(() => {
      throw new BmsError('CANCELLED', 'operator pressed stop');
    });
    expect(result).toEqual({ ok: false, error: { code: 'CANCELLED', detail: 'operator pressed stop' } });
    expect(structuredClone(result)).toEqual(result);
  });

  it('maps unknown throwables to INTERNAL_ERROR with their message', () => {
    expect(toErrorData(new TypeError('boom'))).toEqual({ code: 'INTERNAL_ERROR', detail: 'boom' });
  });

  it('has a summary, diagnosis and fix in English and French for every code', () => {
    for (const code of Object.keys(ERROR_CODES)) {
      for (const lang of ['en', 'fr'] as const) {
        const text = describeError(code, lang);
        expect(text, `${code}/${lang}`).toBe(ERROR_TEXT[lang][code]);
        expect(text.summary.length, `${code}/${lang} summary`).toBeGreaterThan(5);
        expect(text.diagnosis.length, `${code}/${lang} diagnosis`).toBeGreaterThan(5);
        expect(text.fix.length, `${code}/${lang} fix`).toBeGreaterThan(5);
      }
    }
  });
});
