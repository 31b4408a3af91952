#!/usr/bin/env node
// Entry point of `npx bms-flasher`: the CLI shares the TypeScript core with the app, run through tsx.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
