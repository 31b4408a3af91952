/**
 * Converts an old-pattern code file (`X_ERRORS = { CODE: { en: {…}, fr: {…} } }`) to the registry
 * shape described in docs/errors.md: the code file keeps the codes and their attributes, the sentences
 * go to src/lib/i18n/{en,fr}/errors/<name>.ts, and the registry and both catalogs gain the new tables.
 *
 *   node --import tsx scripts/convert-codes.ts src/lib/core/protocol/thingset/thingset-codes.ts
 *
 * Attributes get defaults from the code's prefix (printed); review them: only the author knows which
 * codes mean "the bytes did not get through" (transportLoss) or "a UART line error" (lineError).
 */
import { readFileSync, writeFileSync, mkdirSync, unlinkSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAttributes, RootCause } from '../src/lib/core/error-registry';
import type { ErrorText } from '../src/lib/i18n/error-text';

type OldEntry = { en: ErrorText; fr: ErrorText };
type OldTable = Record<string, OldEntry>;

const ROOT = resolve(import.meta.dirname, '..');
const REGISTRY = resolve(ROOT, 'src/lib/core/error-registry.ts');
const I18N = resolve(ROOT, 'src/lib/i18n');

/** Where to look first, by prefix: packages are the binary's fault, protocols and links the hardware's. */
export function defaultAttributes(code: string): CodeAttributes {
  const hardware = /^(LINK|SMP|DEVICE|CAN|SLCAN|ISOTP|THINGSET|JBD|JK|DALY|MODBUS|FOXBMS|MCUMGR)_/.test(code);
  const rootCause: RootCause = code.startsWith('IMAGE_') ? 'binary' : hardware ? 'hardware' : 'procedure';
  return { rootCause, transportLoss: false, lineError: false, userFixable: rootCause !== 'binary' };
}

const isEntry = (v: unknown): v is OldEntry =>
  typeof v === 'object' && v !== null && 'en' in v && 'fr' in v && typeof (v as OldEntry).en?.summary === 'string';

const quote = (s: string) => (s.includes("'") ? JSON.stringify(s) : `'${s.replace(/\\/g, '\\\\')}'`);
const pascal = (name: string) => name.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());
const camel = (name: string) => name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
const importPath = (from: string, to: string) => {
  const path = relative(dirname(from), to).replace(/\.ts$/, '');
  return path.startsWith('.') ? path : `./${path}`;
};

/** Inserts `line` after the last import and `spread` before the closing line of `const <name> = {`. */
function register(file: string, importLine: string, objectName: string, spread: string): void {
  const lines = readFileSync(file, 'utf8').split('\n');
  if (lines.includes(importLine)) return;
  const lastImport = lines.reduce((at, line, i) => (line.startsWith('import ') ? i : at), -1);
  lines.splice(lastImport + 1, 0, importLine);
  const start = lines.findIndex((l) => l.includes(`const ${objectName} = {`));
  const end = lines.findIndex((l, i) => i > start && l.startsWith('}'));
  if (start < 0 || end < 0) throw new Error(`${file}: no 'const ${objectName} = {' block`);
  if (!lines[end - 1].trimEnd().endsWith(',') && !lines[end - 1].trimEnd().endsWith('{')) lines[end - 1] += ',';
  lines.splice(end, 0, `  ${spread}`);
  writeFileSync(file, lines.join('\n'));
}

export async function convert(file: string, attributesOf: (code: string) => CodeAttributes = defaultAttributes): Promise<void> {
  const path = resolve(file);
  const source = readFileSync(path, 'utf8');
  const module = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  const name = basename(path).replace(/-codes\.ts$/, '');
  const tables = Object.entries(module).filter(([, v]) => typeof v === 'object' && v !== null && Object.values(v).some(isEntry));
  if (tables.length !== 1) throw new Error(`${file}: expected one *_ERRORS table, found ${tables.length}`);
  const [oldName, table] = tables[0] as [string, OldTable];
  // Spread tables (`...OTHER_ERRORS`) are converted from their own files; only codes written here move.
  const own = Object.keys(table).filter((code) => new RegExp(`\\b${code}: \\{`).test(source));
  const constName = oldName.replace(/_ERRORS$/, '_CODES');
  const typeName = /export type (\w+) = keyof typeof/.exec(source)?.[1] ?? `${pascal(name)}ErrorCode`;
  if (own.length === 0) {
    unlinkSync(path);
    console.log(`${file}: only spreads other tables; removed (the registry spreads every table itself)`);
    return;
  }
  const doc = new RegExp(`(/\\*\\*[\\s\\S]*?\\*/)\\s*export const ${oldName}`).exec(source)?.[1];

  const registryImport = importPath(path, REGISTRY);
  const codeRows = own.map((code) => {
    const a = attributesOf(code);
    return `  ${code}: { rootCause: '${a.rootCause}', transportLoss: ${a.transportLoss}, lineError: ${a.lineError}, userFixable: ${a.userFixable} }`;
  });
  writeFileSync(
    path,
    [
      `import type { CodeTable } from '${registryImport}';`,
      '',
      ...(doc ? [doc] : []),
      `export const ${constName} = {`,
      codeRows.join(',\n'),
      '} as const satisfies CodeTable;',
      '',
      `export type ${typeName} = keyof typeof ${constName};`,
      ''
    ].join('\n')
  );

  const textVar = (lang: string) => `${camel(name)}${lang === 'en' ? 'En' : 'Fr'}`;
  for (const lang of ['en', 'fr'] as const) {
    const out = resolve(I18N, lang, 'errors', `${name}.ts`);
    mkdirSync(dirname(out), { recursive: true });
    const rows = own.map((code) => {
      const t = table[code][lang];
      return [`  ${code}: {`, `    summary: ${quote(t.summary)},`, `    diagnosis: ${quote(t.diagnosis)},`, `    fix: ${quote(t.fix)}`, '  }'].join('\n');
    });
    writeFileSync(
      out,
      [
        `import type { ${typeName} } from '${importPath(out, path)}';`,
        `import type { ErrorText } from '${importPath(out, resolve(I18N, 'error-text.ts'))}';`,
        '',
        `export const ${textVar(lang)} = {`,
        rows.join(',\n'),
        `} satisfies Record<${typeName}, ErrorText>;`,
        ''
      ].join('\n')
    );
    const catalog = resolve(I18N, lang, 'errors.ts');
    register(catalog, `import { ${textVar(lang)} } from '${importPath(catalog, out)}';`, `${lang}Errors`, `...${textVar(lang)}`);
  }
  register(REGISTRY, `import { ${constName} } from '${importPath(REGISTRY, path)}';`, 'ERROR_CODES', `...${constName}`);
  console.log(`${file}: ${own.length} codes → ${constName}; review the attributes:`);
  for (const code of own) console.log(`  ${code} ${JSON.stringify(attributesOf(code))}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const file of process.argv.slice(2)) await convert(file);
}
