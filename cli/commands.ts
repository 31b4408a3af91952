/** The table of subcommands. Each module exports `{ summary, run(argv) → exit code }`. */
import * as backup from './commands/backup';
import * as canScan from './commands/can-scan';
import * as campaign from './commands/campaign';
import * as flash from './commands/flash';
import * as info from './commands/info';
import * as inspect from './commands/inspect';
import * as integrity from './commands/integrity';
import * as keygen from './commands/keygen';
import * as linktest from './commands/linktest';
import * as reset from './commands/reset';
import * as restore from './commands/restore';
import * as scan from './commands/scan';
import * as sign from './commands/sign';
import * as sim from './commands/sim';
import * as state from './commands/state';
import * as upload from './commands/upload';
import * as verify from './commands/verify';

export interface Command {
  summary: string;
  run(argv: string[]): Promise<number>;
}

export const COMMANDS: Record<string, Command> = {
  keygen,
  sign,
  verify,
  inspect,
  flash,
  backup,
  restore,
  integrity,
  info,
  linktest,
  upload,
  state,
  reset,
  sim,
  'can-scan': canScan,
  scan,
  campaign
};
