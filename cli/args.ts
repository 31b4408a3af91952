/**
 * Shared plumbing for bms-flasher subcommands: node:util parseArgs with usage errors (exit 2), and
 * BmsErrors printed as `CODE: detail` plus the catalog's summary, diagnosis and fix (exit 1).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isBmsError, toErrorData, type ErrorData } from '../src/lib/core/errors';
import { describeError } from '../src/lib/i18n/translate';
import { Interrupted, interruptedStatus } from './exit-status';

/** A failure outside the image/device domains (missing file, refusing to overwrite): exit 1, no usage. */
export class CliError extends Error {
  readonly exitCode: number = 1;
}
/** Wrong command line: exit 2 and the usage text. */
export class UsageError extends CliError {
  override readonly exitCode: number = 2;
}
/** `--help`: the usage text on stdout, exit 0. */
class HelpRequested extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text)
};

/** parseArgs in strict mode; its own errors (unknown option, missing value) become usage errors. */
export function parseCommandLine<T extends Options>(argv: string[], options: T, positionals: number) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if ((parsed.values as { help?: boolean }).help) throw new HelpRequested();
  if (parsed.positionals.length !== positionals) {
    throw new UsageError(`expected ${positionals} file argument(s), got ${parsed.positionals.length}`);
  }
  return parsed;
}

/** Decimal or 0x-prefixed hexadecimal, as imgtool's int(x, 0) accepts for sizes and addresses. */
export function parseInteger(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^(0x[0-9a-f]+|\d+)$/i.test(text)) throw new UsageError(`--${name} "${text}" is not a number (decimal or 0x hex)`);
  return Number(text);
}

export function readBytes(path: string): Uint8Array {
  return new Uint8Array(fileOp('read', path, () => readFileSync(path)));
}

export function readText(path: string): string {
  return fileOp('read', path, () => readFileSync(path, 'utf8'));
}

/** `exclusive` refuses to replace an existing file (a lost signing key cannot be recovered). */
export function writeOutput(path: string, data: Uint8Array | string, options: { mode?: number; exclusive?: boolean } = {}): void {
  fileOp('write', path, () => {
    // `keygen --out ~/.bms-flasher/technician.pem` on a fresh machine: create the folder, as users expect.
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data, { mode: options.mode, flag: options.exclusive ? 'wx' : 'w' });
  });
}

function fileOp<T>(verb: string, path: string, op: () => T): T {
  try {
    return op();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new CliError(`${path} already exists; not overwriting it`);
    throw new CliError(`cannot ${verb} ${path}: ${code ?? (error as Error).message}`);
  }
}

/** An error as every command prints it: the code and this occurrence's facts, then what the catalog says to do. */
export function errorText(error: ErrorData): string {
  const text = describeError(error.code);
  return `${error.code}: ${error.detail}\n  ${text.summary}\n  diagnosis: ${text.diagnosis}\n  fix: ${text.fix}\n`;
}

/** Runs a command body and turns every outcome into an exit code and readable text. */
export async function runCommand(usage: string, io: CliIo, body: () => Promise<number> | number): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof HelpRequested) {
      io.out(`${usage}\n`);
      return 0;
    }
    if (error instanceof Interrupted) {
      io.err(errorText(error.toData()));
      return interruptedStatus(error.by);
    }
    if (error instanceof CliError) {
      io.err(`error: ${error.message}\n${error instanceof UsageError ? `\n${usage}\n` : ''}`);
      return error.exitCode;
    }
    io.err(errorText(toErrorData(error)));
    if (!isBmsError(error) && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
    return 1;
  }
}
