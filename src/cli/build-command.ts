import { Command } from 'commander';
import { startRenderer } from '../browser/renderer.js';
import { loadConfig } from '../config/load.js';
import { resolveRun } from '../config/resolve.js';
import { addBuildFlags, addMailFlags, type BuildFlags, type MailFlags, runOptions, shardFlag } from './build-flags.js';
import type { Shard } from './shard.js';

export function buildCommand(): Command {
  return addMailFlags(
    addBuildFlags(
      new Command('build')
        .description('build each Markdown file into NAME.brief.pdf and NAME.summary.pdf')
        .argument('[inputs...]', 'Markdown files or folders of them', ['content'])
        .option('--shard <i/n>', 'build only share i of n, a stable split by path (one share per CI job)', shardFlag),
    ),
  )
    .addHelpText(
      'after',
      `
Examples:
  briefpress build                              every .md under content/ into out/
  briefpress build content/brief.md --format letter --only summary
  briefpress build content --eml --png          also an email and page images
  briefpress build content --json > report.json
  briefpress build content --mail-to team@example.org --dry-run   what would be mailed, sending nothing
  briefpress build content --shard 2/3 --jobs 4  this job's third of the briefs, four pages at once`,
    )
    .action(async (inputs: string[], flags: BuildFlags & MailFlags & { shard?: Shard }) => {
      // Chromium starts first, and the pipeline's modules load while it does: in a cold run the
      // two overlap (each takes a good part of a second), which the command modules' light imports allow.
      // The settings are resolved once, here, for the whole command; a bad config stops it before any launch.
      const run = resolveRun(await loadConfig({ file: flags.config }), runOptions(flags));
      const renderer = startRenderer({ browser: run.settings.browser, jobs: run.jobs });
      const { runBuild } = await import('./build-run.js');
      process.exitCode = await runBuild(inputs, flags, run, renderer);
    });
}
