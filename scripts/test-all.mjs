#!/usr/bin/env node
// `npm test`: every suite, in the order a failure is cheapest to read. Installs the Debian packages the
// suite needs when they are missing and we are root: Chromium for Playwright, socat for pseudo-terminals,
// mbpoll (the independent Modbus master in tests/node/jk-mbpoll.test.ts) and python3-can (the CAN peer).
// Afterwards it looks for processes the tests started and left behind (socat, the simulator, mbpoll…):
// it lists and stops them, and fails the run, since every test must stop what it starts.
import { spawn, execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';

const needed = [
  { present: () => existsSync('/usr/bin/chromium'), pkg: 'chromium' },
  { present: () => existsSync('/usr/bin/socat'), pkg: 'socat' },
  { present: () => existsSync('/usr/bin/mbpoll'), pkg: 'mbpoll' },
  { present: () => existsSync('/usr/lib/python3/dist-packages/can'), pkg: 'python3-can' }
];
const missing = needed.filter((n) => !n.present()).map((n) => n.pkg);
if (missing.length > 0) {
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() === 0) {
    console.log(`Installing ${missing.join(', ')} (needed by the test suite)…`);
    execSync(command, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } else {
    console.error(`Missing ${missing.join(', ')}. Install with:\n  sudo ${command.replace('&& ', '&& sudo ')}`);
    process.exit(1);
  }
}

const root = process.cwd();
/** What a test may start: socat ptys, the simulator CLI, mbpoll, Python CAN peers, a preview server. */
const STRAY = /\bsocat\b|\bmbpoll\b|bms-flasher|cli\/main\.ts|python3?\b.*\bcan\b|vite(\.js)?\s+preview/;

/** Processes running in this checkout that look like something a test starts, except those already there. */
function strays(before = new Set()) {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid || before.has(entry)) continue;
    try {
      if (readlinkSync(`/proc/${entry}/cwd`) !== root) continue;
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim();
      if (STRAY.test(args)) found.push({ pid: Number(entry), args });
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}
const already = new Set(strays().map((p) => String(p.pid)));

let current;
let stopping = false;
// A stop (Ctrl-C, CI cancel) ends the running suite too, then the stray sweep runs.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopping = true;
    current?.kill(signal);
  });
}

function run(cmd, args) {
  return new Promise((resolve) => {
    current = spawn(cmd, args, { stdio: 'inherit' });
    current.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Lists and stops what the tests left running; true when there was something. */
async function sweep() {
  await new Promise((resolve) => setTimeout(resolve, 500)); // let closing processes finish
  const left = strays(already);
  if (left.length === 0) return false;
  console.error(`\n✗ ${left.length} process(es) left running by the tests, now stopped:`);
  for (const { pid, args } of left) {
    console.error(`  ${pid}  ${args}`);
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  return true;
}

const node = process.execPath;
const steps = [
  ['type check', 'npm', ['run', 'check']],
  // vitest and playwright started by node itself, not through npx, so a stop reaches them.
  ['unit and integration tests', node, ['node_modules/vitest/vitest.mjs', 'run']],
  ['end-to-end tests (Chromium)', node, ['node_modules/@playwright/test/cli.js', 'test']]
];
let failed;
for (const [name, cmd, args] of steps) {
  if (stopping) break;
  console.log(`\n=== ${name}: ${cmd === node ? 'node' : cmd} ${args.join(' ')}`);
  const status = await run(cmd, args);
  if (status !== 0) {
    failed = { name, status };
    break;
  }
}
const leaked = await sweep();
if (failed) {
  console.error(`\n✗ ${failed.name} failed (exit ${failed.status})`);
  process.exit(failed.status);
}
if (stopping) process.exit(130);
if (leaked) process.exit(1);
console.log('\n✓ all test suites passed, no process left behind');
