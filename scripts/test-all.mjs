#!/usr/bin/env node
// `npm test`: every suite, in the order a failure is cheapest to read. Installs the Debian packages the
// suite needs (Chromium for Playwright, socat for pseudo-terminals) when they are missing and we are root.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const needed = [
  { bin: '/usr/bin/chromium', pkg: 'chromium' },
  { bin: '/usr/bin/socat', pkg: 'socat' }
];
const missing = needed.filter((n) => !existsSync(n.bin)).map((n) => n.pkg);
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

const steps = [
  ['type check', 'npm', ['run', 'check']],
  ['unit and integration tests', 'npx', ['vitest', 'run']],
  ['end-to-end tests (Chromium)', 'npx', ['playwright', 'test']]
];
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const { status } = spawnSync(cmd, args, { stdio: 'inherit' });
  if (status !== 0) {
    console.error(`\n✗ ${name} failed (exit ${status})`);
    process.exit(status ?? 1);
  }
}
console.log('\n✓ all test suites passed');
