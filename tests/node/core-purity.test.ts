/**
 * The core purity check (tsconfig.core.json, run by `npm run check`) must fail on a DOM or Node reference
 * in core, and only then: each probe is compiled with core's own settings (the real config, extended)
 * and must be refused naming the culprit, while a probe using the shared runtime API compiles.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
const dir = mkdtempSync(join(tmpdir(), 'core-purity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Compiles `source` as if it sat in core; returns the compiler's complaints ('' when it compiles). */
function compileAsCore(name: string, source: string): string {
  const probe = join(dir, `${name}.ts`);
  writeFileSync(probe, source);
  const config = join(dir, `${name}.tsconfig.json`);
  writeFileSync(
    config,
    JSON.stringify({
      extends: join(ROOT, 'tsconfig.core.json'),
      include: [probe, join(ROOT, 'src/lib/core/runtime-globals.d.ts')],
      exclude: []
    })
  );
  try {
    execFileSync(process.execPath, [TSC, '-p', config], { encoding: 'utf8', cwd: ROOT });
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout);
  }
}

describe('core purity check (R12 R13: one core for the browser app, its workers and the Node CLI)', () => {
  it('compiles the runtime API browsers, workers and Node share', () => {
    const source = `
      const bytes = new TextEncoder().encode('ok');
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      const stop = new AbortController();
      AbortSignal.any([stop.signal]).addEventListener('abort', () => {});
      clearTimeout(setTimeout(() => stop.abort(), 1));
      queueMicrotask(() => {});
      crypto.getRandomValues(new Uint8Array(4));
      export const t = performance.now() + atob(btoa('x')).length;
    `;
    expect(compileAsCore('shared-api', source)).toBe('');
  });

  it('covers every core source file but the tests', () => {
    const listed = execFileSync(process.execPath, [TSC, '-p', 'tsconfig.core.json', '--listFilesOnly'], {
      encoding: 'utf8',
      cwd: ROOT
    });
    const core = readdirSync(join(ROOT, 'src/lib/core'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .map((file) => join(ROOT, 'src/lib/core', file));
    expect(core.length).toBeGreaterThan(100);
    expect(core.filter((file) => !listed.includes(file))).toEqual([]);
  });

  /** Each forbidden reference, and what the compiler must say about it. */
  const FORBIDDEN: Record<string, { source: string; complaint: string }> = {
    window: { source: 'export const w = window.location;', complaint: "Cannot find name 'window'" },
    navigator: { source: 'export const s = navigator.serial;', complaint: "Cannot find name 'navigator'" },
    document: { source: 'export const d = document.title;', complaint: "Cannot find name 'document'" },
    process: { source: 'export const e = process.env;', complaint: "Cannot find name 'process'" },
    Buffer: { source: "export const b = Buffer.from('x');", complaint: "Cannot find name 'Buffer'" },
    'node-import': { source: "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;", complaint: "'node:fs'" }
  };
  it.each(Object.entries(FORBIDDEN))('refuses %s in core', (name, { source, complaint }) => {
    expect(compileAsCore(name, source)).toContain(complaint);
  });
});
