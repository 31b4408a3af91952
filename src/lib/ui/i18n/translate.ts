import type { Lang } from '../../core/error-catalog';
import { en, type MessageKey, type Messages } from './en';
import { fr } from './fr';

export type { Lang, MessageKey };
export const LANGS: readonly Lang[] = ['en', 'fr'];
const CATALOGS: Record<Lang, Messages> = { en, fr };

export type MessageParams = Record<string, string | number>;

/** The text of `key` in `lang`, with `{name}` placeholders replaced; unknown placeholders stay visible. */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const text = CATALOGS[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole
  );
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
