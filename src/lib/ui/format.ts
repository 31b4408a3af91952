import { localeOf } from '../i18n/format';
import type { Lang } from '../i18n/translate';

/** "1 668 octets (1,6 Kio)" / "1,668 bytes (1.6 KiB)": exact count plus a readable size. */
export function formatBytes(bytes: number, lang: Lang): string {
  const exact = bytes.toLocaleString(localeOf(lang));
  const [unit, factor] = bytes >= 1024 * 1024 ? ['MiB', 1024 * 1024] : bytes >= 1024 ? ['KiB', 1024] : ['', 1];
  const word = lang === 'fr' ? 'octets' : 'bytes';
  if (!unit) return `${exact} ${word}`;
  const short = (bytes / factor).toLocaleString(localeOf(lang), { maximumFractionDigits: 1 });
  return `${exact} ${word} (${short} ${lang === 'fr' ? unit.replace('iB', 'io') : unit})`;
}
