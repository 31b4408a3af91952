/** The table of subcommands. Each module exports `{ summary, run(argv) → exit code }`. */
import * as inspect from './commands/inspect';
import * as keygen from './commands/keygen';
import * as sign from './commands/sign';
import * as verify from './commands/verify';

export interface Command {
  summary: string;
  run(argv: string[]): Promise<number>;
}

export const COMMANDS: Record<string, Command> = {
  keygen,
  sign,
  verify,
  inspect
};
