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

/** A number with a fixed count of fraction digits ("0,50 %"), formatted in the reader's language. */
export interface Fixed {
  fixed: number;
  digits: number;
}
/** A param may itself be a text (or a list of texts, joined with ", "), rendered in the same language. */
export type ParamValue = string | number | Fixed | Text | Text[];
export type MessageParams = Record<string, ParamValue>;

/**
 * A sentence as data: core returns it (pre-flight rows), the UI, the CLI and the report render it in
 * their reader's language. Keys + params rather than English strings, because only core knows the
 * readings and the limits, and a stored report must render in either language later.
 */
export interface Text {
  key: MessageKey;
  params?: MessageParams;
}

export const text = (key: MessageKey, params?: MessageParams): Text => (params ? { key, params } : { key });
export const fixed = (value: number, digits: number): Fixed => ({ fixed: value, digits });

export function render(value: Text, lang: Lang): string {
  return translate(lang, value.key, value.params);
}

function renderParam(value: ParamValue, lang: Lang): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value, lang);
  if (Array.isArray(value)) return value.map((item) => render(item, lang)).join(', ');
  if ('fixed' in value) return formatNumber(value.fixed, lang, value.digits);
  return render(value, lang);
}

/**
 * The text of `key` in `lang`, with `{name}` placeholders replaced (numbers in the language's format);
 * unknown placeholders stay visible.
 */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const text = CATALOGS[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : renderParam(value, lang);
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
