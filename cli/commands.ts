/** The table of subcommands. Each module exports `{ summary, run(argv) → exit code }`. */
export interface Command {
  summary: string;
  run(argv: string[]): Promise<number>;
}

export const COMMANDS: Record<string, Command> = {};
