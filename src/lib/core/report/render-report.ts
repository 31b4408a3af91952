/** Printable renderings of a report (R27): plain text for terminals and files, standalone HTML for printing. */
import { text, translate, type Lang } from '../../i18n/translate';
import { reportSections, type ReportSection } from './report-sections';
import type { UpdateReport } from './update-report';

const reportTitle = (report: UpdateReport, lang: Lang) =>
  translate(lang, 'report.title', { kind: text(`report.kind.${report.kind}`), id: report.id });

function textSection(s: ReportSection, lang: Lang): string {
  const lines = [s.title, '='.repeat(s.title.length)];
  if (!s.header) {
    const width = Math.max(...s.rows.map((r) => r[0].length));
    for (const [label, value] of s.rows) lines.push(`${label.padEnd(width)}  ${value}`);
  } else if (s.rows.length === 0) {
    lines.push(translate(lang, 'report.empty'));
  } else {
    const widths = s.header.map((h, i) => Math.min(40, Math.max(h.length, ...s.rows.map((r) => r[i].length))));
    const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
    lines.push(line(s.header), line(widths.map((w) => '-'.repeat(w))), ...s.rows.map(line));
  }
  return lines.join('\n');
}

export function renderReportText(report: UpdateReport, lang: Lang = 'en'): string {
  const title = reportTitle(report, lang);
  return `${[title, '', ...reportSections(report, lang).map((s) => textSection(s, lang))].join('\n\n')}\n`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

function htmlSection(s: ReportSection): string {
  const cells = (row: string[], tag: 'td' | 'th') => row.map((c) => `<${tag}>${escapeHtml(c)}</${tag}>`).join('');
  const body = s.header
    ? `<thead><tr>${cells(s.header, 'th')}</tr></thead><tbody>${s.rows.map((r) => `<tr>${cells(r, 'td')}</tr>`).join('')}</tbody>`
    : `<tbody>${s.rows.map(([label, value]) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`).join('')}</tbody>`;
  return `<section><h2>${escapeHtml(s.title)}</h2><table>${body}</table></section>`;
}

/** A self-contained page (inline style, no script) that prints on A4 as is. */
export function renderReportHtml(report: UpdateReport, lang: Lang = 'en'): string {
  const title = escapeHtml(reportTitle(report, lang));
  const style =
    'body{font:12px/1.4 system-ui,sans-serif;margin:1.5em}table{border-collapse:collapse;width:100%;margin-bottom:1em}' +
    'th,td{border:1px solid #999;padding:2px 6px;text-align:left;vertical-align:top}th{background:#eee}' +
    'h1{font-size:18px}h2{font-size:14px;margin:1em 0 .3em}@media print{section{break-inside:avoid}}';
  return (
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title><style>${style}</style></head>` +
    `<body><h1>${title}</h1>${reportSections(report, lang).map(htmlSection).join('')}</body></html>\n`
  );
}
