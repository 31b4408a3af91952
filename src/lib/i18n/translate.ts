/**
 * The one text system of the app, the CLI and the reports: per-language catalogs of messages
 * (`{name}` placeholders) and of error texts, keyed by the same codes in every language.
 */
import { rootCauseOf } from '../core/error-registry';
import type { ErrorText } from './error-text';
import { formatNumber } from './format';
import { enErrors } from './en/errors';
import { en, type MessageKey, type Messages } from './en/messages';
import { frErrors } from './fr/errors';
import { fr } from './fr/messages';

export type Lang = 'en' | 'fr';
export type { ErrorText, MessageKey };
export const LANGS: readonly Lang[] = ['en', 'fr'];
const CATALOGS: Record<Lang, Messages> = { en, fr };
export const ERROR_TEXT: Record<Lang, Record<string, ErrorText | undefined>> = { en: enErrors, fr: frErrors };

export type MessageParams = Record<string, string | number>;

/**
 * The text of `key` in `lang`, with `{name}` placeholders replaced (numbers in the language's format);
 * unknown placeholders stay visible.
 */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const text = CATALOGS[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value, lang) : value;
  });
}

/** The text of an error code; an unknown code (e.g. from a newer worker) reads as an internal error. */
export function describeError(code: string, lang: Lang = 'en'): ErrorText {
  return ERROR_TEXT[lang][code] ?? ERROR_TEXT[lang].INTERNAL_ERROR!;
}

/** Where to look first for this code (R23), as a sentence in `lang`. */
export function lookFirst(code: string, lang: Lang): string {
  return translate(lang, `rootCause.${rootCauseOf(code)}`);
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** A remembered choice wins; otherwise the first browser language we have text for; otherwise English. */
export function pickLanguage(stored: string | null, preferred: readonly string[]): Lang {
  if (isLang(stored)) return stored;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'en';
}
