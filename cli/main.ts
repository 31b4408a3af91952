/** `bms-flasher` command dispatcher: each subcommand lives in its own file under cli/commands/. */
import { processIo, type CliIo } from './args';
import { COMMANDS } from './commands';
import { EXIT, EXIT_TABLE } from './exit-status';

function usage(): string {
  const list = Object.entries(COMMANDS)
    .map(([n, c]) => `  ${n.padEnd(10)} ${c.summary}`)
    .join('\n');
  return `usage: bms-flasher <command> [options]   (bms-flasher <command> --help for its options)\n\ncommands:\n${list}\n\n${EXIT_TABLE}\n`;
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    // Asked for (or nothing to do): the usage is the answer, on stdout.
    (name === undefined ? io.err : io.out)(usage());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.err(`error: unknown command "${name}"\n\n${usage()}`);
    return EXIT.usage;
  }
  return command.run(rest);
}
