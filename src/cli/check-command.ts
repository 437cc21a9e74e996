import { Command } from 'commander';
import { check, type CheckResult } from '../check.js';
import { loadConfig } from '../config.js';
import { BriefpressError, BrowserNotFoundError } from '../errors.js';
import { expandInputs } from '../inputs.js';
import { addReportFlags, nonEmpty } from './build-flags.js';
import { createReporter, type ReportFlags } from './reporter.js';

interface CheckFlags extends ReportFlags {
  fit: boolean;
  browser?: string;
  config?: string;
}

export function checkCommand(): Command {
  return addReportFlags(
    new Command('check')
      .description('check front matter, #anchor links, image paths and summary fit, writing nothing')
      .argument('[inputs...]', 'Markdown files or folders of them', ['content'])
      .option('--no-fit', 'skip printing the summary to see that it fits one page (no browser needed)')
      .option('--browser <path>', 'Chromium or Chrome executable', nonEmpty),
  )
    .addHelpText(
      'after',
      `
Exit status: 0 when there are no errors (warnings allowed), 1 when any document has one.

Examples:
  briefpress check                         every .md under content/
  briefpress check content/brief.md --no-fit
  briefpress check --json | jq '.documents[] | select(.ok | not)'`,
    )
    .action(async (inputs: string[], flags: CheckFlags) => {
      const reporter = createReporter(flags);
      const config = await loadConfig({ file: flags.config });
      const files = await expandInputs(inputs);
      if (files.length === 0) throw new BriefpressError(`no Markdown files in ${inputs.join(', ')}`);
      reporter.verbose(`config: ${config.path ?? 'none found, using the defaults'}`);
      reporter.start(files.length);
      await check(
        files.map((file) => ({ path: file })),
        {
          defaults: config.options,
          browser: flags.browser,
          fit: flags.fit,
          onResult: (result) => {
            // A browser that cannot start fails the whole run: check() throws, and it is said once.
            if (!result.file.messages.some((message) => message.cause instanceof BrowserNotFoundError)) reporter.document(report(result));
          },
        },
      );
      process.exitCode = reporter.finish('passed');
    });
}

function report(result: CheckResult) {
  const errors = result.file.messages.filter((message) => message.fatal).length;
  const warnings = result.file.messages.length - errors;
  const counts = [errors && `${errors} ${errors === 1 ? 'error' : 'errors'}`, warnings && `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`].filter(Boolean);
  return {
    input: result.path,
    file: result.file,
    failed: errors > 0,
    detail: counts.length ? counts.join(', ') : 'no problems',
    data: { errors, warnings },
    ms: result.ms,
  };
}
