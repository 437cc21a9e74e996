import { type CheckResult, check } from '../check.js';
import { loadConfig } from '../config/load.js';
import { BrowserNotFoundError } from '../errors.js';
import { describeInferred } from './inferred.js';
import { expandInputs } from './inputs.js';
import { createReporter, type ReportFlags } from './reporter.js';

export interface CheckFlags extends ReportFlags {
  fit: boolean;
  browser?: string;
  config?: string;
  followSymlinks?: boolean;
}

/** Check the inputs and report each; returns the exit code. */
export async function runCheck(inputs: string[], flags: CheckFlags): Promise<number> {
  const reporter = createReporter(flags);
  const config = await loadConfig({ file: flags.config });
  const files = await expandInputs(inputs, {
    followSymlinks: flags.followSymlinks ?? config.options.followSymlinks,
    onSkip: reporter.skipped,
  });
  reporter.verbose(`config: ${config.path ?? 'none found, using the defaults'}`);
  reporter.start(files.length);
  await check(files, {
    defaults: config.options,
    followSymlinks: flags.followSymlinks,
    browser: flags.browser,
    fit: flags.fit,
    onResult: (result) => {
      // A browser that cannot start fails the whole run: check() throws, and it is said once.
      if (!result.file.messages.some((message) => message.cause instanceof BrowserNotFoundError))
        reporter.document(report(result));
    },
  });
  return reporter.finish('passed');
}

function report(result: CheckResult) {
  const errors = result.file.messages.filter((message) => message.fatal).length;
  const warnings = result.file.messages.length - errors;
  const counts = [
    errors && `${errors} ${errors === 1 ? 'error' : 'errors'}`,
    warnings && `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`,
  ].filter(Boolean);
  const inferred = describeInferred(result.document);
  return {
    input: result.path,
    file: result.file,
    failed: errors > 0,
    detail: `${counts.length ? counts.join(', ') : 'no problems'}${inferred ? ` (${inferred})` : ''}`,
    data: { errors, warnings, inferred: result.document?.inferred ?? null },
    ms: result.ms,
  };
}
