/**
 * Numbers and dates in the page's language: a decimal comma and day/month order in French. English
 * uses British order (day before month), as the technicians' sites do; never the browser's default,
 * which mixed "12/3/2026" and "0,5 %" on one French page.
 */
import type { Lang } from './translate';

const LOCALE: Record<Lang, string> = { en: 'en-GB', fr: 'fr-FR' };

export const localeOf = (lang: Lang): string => LOCALE[lang];

/** `digits` fixed fraction digits ("0,50"); without it, up to three as needed. No thousands grouping. */
export function formatNumber(value: number, lang: Lang, digits?: number): string {
  const fraction = digits === undefined ? { maximumFractionDigits: 3 } : { minimumFractionDigits: digits, maximumFractionDigits: digits };
  return new Intl.NumberFormat(LOCALE[lang], { useGrouping: false, ...fraction }).format(value);
}

export function formatDateTime(at: string | number | Date, lang: Lang): string {
  return new Date(at).toLocaleString(LOCALE[lang], { dateStyle: 'medium', timeStyle: 'medium' });
}

export function formatTime(at: string | number | Date, lang: Lang): string {
  return new Date(at).toLocaleTimeString(LOCALE[lang]);
}
