#!/usr/bin/env node
// `npm run fuzz`: the parser fuzz properties (*.fuzz.test.ts) with FUZZ_SCALE times more inputs than in
// the suite (default 50) from a fresh seed. A failure prints the seed and the shrunk input; replay it
// with FUZZ_SEED=<seed> and the same FUZZ_SCALE. Extra arguments go to vitest (e.g. a file filter).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const scale = process.env.FUZZ_SCALE ?? '50';
const filters = process.argv.slice(2);
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const args = ['run', '--testTimeout=0', ...(filters.length > 0 ? filters : ['.fuzz.test.ts'])];
console.log(`fuzz: FUZZ_SCALE=${scale}${process.env.FUZZ_SEED ? ` FUZZ_SEED=${process.env.FUZZ_SEED}` : ''}: vitest ${args.join(' ')}`);
// vitest started by node itself, not through npx, so a signal reaches it.
const child = spawn(process.execPath, [vitest, ...args], { stdio: 'inherit', env: { ...process.env, FUZZ_SCALE: scale } });
// Pass a stop on to vitest so no worker outlives us.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
