import { Command } from 'commander';
import { addBuildFlags, type BuildFlags } from './build-flags.js';

export function watchCommand(): Command {
  return addBuildFlags(
    new Command('watch')
      .description(
        'build, then rebuild each document when it is saved (all of them when a template or the config changes)',
      )
      .argument('[inputs...]', 'Markdown files or folders of them', ['content']),
  )
    .addHelpText(
      'after',
      `
Examples:
  briefpress watch                      every .md under content/, into out/; Ctrl-C to stop
  briefpress watch drafts/memo.md --only summary`,
    )
    .action(async (inputs: string[], flags: BuildFlags) => {
      // Loaded when run: the command list stays quick to load for the other commands (see build-command.ts).
      const { runWatch } = await import('./watch-run.js');
      process.exitCode = await runWatch(inputs, flags);
    });
}
