/** `bms-flasher` command dispatcher: each subcommand lives in its own file under cli/commands/. */
import { COMMANDS } from './commands';

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    const list = Object.entries(COMMANDS)
      .map(([n, c]) => `  ${n.padEnd(10)} ${c.summary}`)
      .join('\n');
    process.stderr.write(`usage: bms-flasher <command> [options]\n\ncommands:\n${list}\n`);
    return name === undefined || name === '--help' || name === 'help' ? 0 : 2;
  }
  return command.run(rest);
}
