/**
 * Search over the error codes for the Help page: by code ("BAD_MAGIC", "bad magic") or by words of the
 * summary, diagnosis and fix, in English and French alike, ignoring case and accents ("debit" finds
 * "débit"). Every word must appear; codes whose name matches come first.
 */
import { ERROR_CATALOG } from '$lib/core/error-catalog';
import type { ErrorEntry } from '$lib/core/error-text';

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

function index(catalog: Record<string, ErrorEntry>): Indexed[] {
  return Object.entries(catalog)
    .map(([code, entry]) => ({
      code,
      name: normalise(code),
      text: normalise([entry.en, entry.fr].flatMap((t) => [t.summary, t.diagnosis, t.fix]).join(' '))
    }))
    .sort((a, b) => (a.code < b.code ? -1 : 1));
}

const CATALOG_INDEX = index(ERROR_CATALOG);

/** The codes matching `query`, in display order; every code when the query is blank. */
export function searchErrorCodes(query: string, catalog?: Record<string, ErrorEntry>): string[] {
  const entries = catalog ? index(catalog) : CATALOG_INDEX;
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
