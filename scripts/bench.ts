/**
 * `npm run bench [-- name …]`: runs the benchmark modules (all, or those named) and prints MB/s with
 * ratios against each module's baseline, all from the same run. Results are recorded in docs/benchmarks.md.
 */
import type { BenchModule, BenchRow } from './bench/bench-types';
import { mbPerSecond } from './bench/bench-types';
import { chromiumBench } from './bench/chromium';
import { hashBench } from './bench/hash';
import { uploadBench } from './bench/upload';
import { verifyBench } from './bench/verify';
import { thingsetDfuBench } from './bench/thingset-dfu';
import { mcumgrUploadBench } from './bench/mcumgr-upload';
import { bankBench } from './bench/bank';

/** Run by default. */
const MODULES: BenchModule[] = [hashBench, verifyBench, uploadBench, mcumgrUploadBench, bankBench];
/** Run only when named: they need more than Node (e.g. a build and a browser). */
const ON_REQUEST: BenchModule[] = [chromiumBench, thingsetDfuBench];

function table(module: BenchModule, rows: BenchRow[]): string {
  const lines = [['case', 'method', 'MB/s', 'ms', `× ${module.baseline}`]];
  for (const row of rows) {
    const base = rows.find((r) => r.case === row.case && r.method === module.baseline);
    lines.push([
      row.case,
      row.method,
      mbPerSecond(row).toFixed(1),
      row.ms.toFixed(2),
      base ? (base.ms / row.ms).toFixed(2) : '–'
    ]);
  }
  const widths = lines[0].map((_, col) => Math.max(...lines.map((line) => line[col].length)));
  return lines.map((line) => line.map((cell, col) => cell.padEnd(widths[col])).join('  ').trimEnd()).join('\n');
}

const wanted = process.argv.slice(2);
const all = [...MODULES, ...ON_REQUEST];
const unknown = wanted.filter((name) => !all.some((m) => m.name === name));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; available: ${all.map((m) => m.name).join(', ')}`);
  process.exit(2);
}
const selected = wanted.length > 0 ? all.filter((m) => wanted.includes(m.name)) : MODULES;
for (const module of selected) {
  const rows = await module.run();
  // Described after the run: a module may only learn its environment (e.g. the browser version) while running.
  console.log(`\n## ${module.name}\n${module.describe()}\n`);
  console.log(table(module, rows));
}
