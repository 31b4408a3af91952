/**
 * Search over the error codes for the Help page: by code ("BAD_MAGIC", "bad magic") or by words of the
 * summary, diagnosis and fix, in English and French alike, ignoring case and accents ("debit" finds
 * "débit"). Every word must appear; codes whose name matches come first.
 */
import { ERROR_CODES } from '$lib/core/error-registry';
import { describeError } from '$lib/i18n/translate';

/** Lower case, accents and underscores gone, spaces collapsed. */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[_\s]+/g, ' ')
    .trim();
}

interface Indexed {
  code: string;
  name: string;
  text: string;
}

function index(codes: string[]): Indexed[] {
  return codes
    .map((code) => ({
      code,
      name: normalise(code),
      text: normalise([describeError(code, 'en'), describeError(code, 'fr')].flatMap((t) => [t.summary, t.diagnosis, t.fix]).join(' '))
    }))
    .sort((a, b) => (a.code < b.code ? -1 : 1));
}

const CATALOG_INDEX = index(Object.keys(ERROR_CODES));

/** The codes matching `query`, in display order; every code when the query is blank. */
export function searchErrorCodes(query: string): string[] {
  const entries = CATALOG_INDEX;
  const words = normalise(query).split(' ').filter(Boolean);
  if (words.length === 0) return entries.map((e) => e.code);
  const byName: string[] = [];
  const byText: string[] = [];
  for (const entry of entries) {
    if (words.every((w) => entry.name.includes(w))) byName.push(entry.code);
    else if (words.every((w) => entry.name.includes(w) || entry.text.includes(w))) byText.push(entry.code);
  }
  return [...byName, ...byText];
}
