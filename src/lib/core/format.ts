/**
 * How sizes and durations read, in one place for the app and the CLI: the app spells them out in the
 * user's language, the terminal keeps them short and fixed-width. Sizes use binary units (KiB, MiB), as
 * flash sectors and slot sizes do.
 */
import { localeOf } from '../i18n/format';
import type { Lang } from '../i18n/translate';

const KIB = 1024;
const MIB = 1024 * 1024;

/** The binary unit a size reads best in: below 1 KiB in bytes, then KiB, then MiB. */
function binaryUnit(bytes: number): { unit: 'B' | 'KiB' | 'MiB'; value: number } {
  if (bytes >= MIB) return { unit: 'MiB', value: bytes / MIB };
  if (bytes >= KIB) return { unit: 'KiB', value: bytes / KIB };
  return { unit: 'B', value: bytes };
}

/** "1 668 octets (1,6 Kio)" / "1,668 bytes (1.6 KiB)": exact count plus a readable size (the app). */
export function formatBytes(bytes: number, lang: Lang): string {
  const exact = bytes.toLocaleString(localeOf(lang));
  const word = lang === 'fr' ? 'octets' : 'bytes';
  const { unit, value } = binaryUnit(bytes);
  if (unit === 'B') return `${exact} ${word}`;
  const short = value.toLocaleString(localeOf(lang), { maximumFractionDigits: 1 });
  return `${exact} ${word} (${short} ${lang === 'fr' ? unit.replace('iB', 'io') : unit})`;
}

/** "512 B", "256.0 KiB", "3.00 MiB" (the terminal). */
export function formatSize(bytes: number): string {
  const { unit, value } = binaryUnit(bytes);
  if (unit === 'B') return `${bytes} B`;
  return `${value.toFixed(unit === 'KiB' ? 1 : 2)} ${unit}`;
}

/** "1 min 05 s" style remaining time, short enough for a phone (the app). */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${String(s % 60).padStart(2, '0')} s`;
}

/** "0:07", "12:30", "1:02:03"; "--:--" while the rate is unknown (the terminal). */
export function formatClock(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.round(seconds);
  const two = (n: number) => String(n).padStart(2, '0');
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  return hours > 0 ? `${hours}:${two(minutes)}:${two(s % 60)}` : `${minutes}:${two(s % 60)}`;
}
