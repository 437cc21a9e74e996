import { Command } from 'commander';
import { addReportFlags, nonEmpty } from './build-flags.js';
import type { CheckFlags } from './check-run.js';

export function checkCommand(): Command {
  return addReportFlags(
    new Command('check')
      .description(
        'check front matter, #anchor links, image paths, characters no font has, and summary fit, writing nothing',
      )
      .argument('[inputs...]', 'Markdown files or folders of them', ['content'])
      .option('--summary', 'print what the one-page summary chose: its bottom line, key points and lists')
      .option('--no-fit', 'skip printing the summary to see that it fits one page (no browser needed)')
      .option('--browser <path>', 'Chromium or Chrome executable', nonEmpty)
      .option('--follow-symlinks', 'read Markdown files that are links to files outside the folder they are in'),
  )
    .addHelpText(
      'after',
      `
Exit status: 0 when there are no errors (warnings allowed), 1 when any document has one.

Examples:
  briefpress check                         every .md under content/
  briefpress check content/brief.md --no-fit
  briefpress check content/brief.md --summary --no-fit   what the summary says, as text
  briefpress check --json | jq '.documents[] | select(.ok | not)'`,
    )
    .action(async (inputs: string[], flags: CheckFlags) => {
      // Loaded when run: the command list stays quick to load for the other commands (see build-command.ts).
      const { runCheck } = await import('./check-run.js');
      process.exitCode = await runCheck(inputs, flags);
    });
}
