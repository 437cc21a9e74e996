import { Command, CommanderError } from 'commander';
import { BriefpressError, errorMessage } from '../errors.js';
import { version } from '../version.js';
import { buildCommand } from './build-command.js';
import { checkCommand } from './check-command.js';
import { initCommand } from './init-command.js';
import { escapeControls } from './one-line.js';
import { watchCommand } from './watch-command.js';

/** Every command, in the order of `briefpress --help`. A new command is one module in src/cli/, listed here. */
const commands: Array<() => Command> = [buildCommand, watchCommand, checkCommand, initCommand];

export function createProgram(): Command {
  const program = new Command('briefpress')
    .description('Markdown to print-ready PDF policy briefs and one-page summaries')
    .version(version, '-V, --version')
    .addHelpText(
      'after',
      `
Examples:
  briefpress init water-policy          start a new brief in content/water-policy.md
  briefpress build                      build every brief in content/ into out/
  briefpress watch                      rebuild each brief as it is saved
  briefpress help build                 the flags of one command`,
    );
  for (const command of commands) program.addCommand(command());
  // Usage errors (unknown flags, bad values) exit 2, in every subcommand too.
  for (const command of [program, ...program.commands])
    command
      .exitOverride()
      .showHelpAfterError('(run with --help for usage)')
      .configureOutput({ outputError: (text, write) => write(text) });
  return program;
}

/** Run the CLI on `argv`; returns the exit code: 0 done, 1 a document failed, 2 misuse. */
export async function run(argv: string[]): Promise<number> {
  process.exitCode = 0;
  try {
    await createProgram().parseAsync(argv);
    return Number(process.exitCode ?? 0);
  } catch (error: unknown) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    process.stderr.write(`briefpress: ${escapeControls(errorMessage(error))}\n`);
    return error instanceof BriefpressError ? error.exitCode : 1;
  }
}
