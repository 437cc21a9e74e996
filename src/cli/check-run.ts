import { type CheckResult, checkRun } from '../check.js';
import { loadConfig } from '../config/load.js';
import { resolveRun } from '../config/resolve.js';
import type { Digest, DigestItem } from '../summary/digest.js';
import { runOptions } from './build-flags.js';
import { describeInferred } from './inferred.js';
import { expandInputs } from './inputs.js';
import { createReporter, type ReportFlags } from './reporter.js';

export interface CheckFlags extends ReportFlags {
  fit: boolean;
  summary?: boolean;
  browser?: string;
  config?: string;
  followSymlinks?: boolean;
}

/** Check the inputs and report each; returns the exit code. */
export async function runCheck(inputs: string[], flags: CheckFlags): Promise<number> {
  const reporter = createReporter(flags);
  const run = resolveRun(await loadConfig({ file: flags.config }), runOptions(flags));
  const files = await expandInputs(inputs, { followSymlinks: run.settings.followSymlinks, onSkip: reporter.skipped });
  reporter.verbose(`config: ${run.configPath ?? 'none found, using the defaults'}`);
  reporter.start(files.length);
  // A browser that cannot start rejects the check once (no document is reported for it).
  await checkRun(files, run, {
    fit: flags.fit,
    onResult: (result) => reporter.document(report(result, flags.summary)),
  });
  return reporter.finish('passed');
}

function report(result: CheckResult, summary = false) {
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
    data: {
      errors,
      warnings,
      inferred: result.document?.inferred ?? null,
      ...(summary && result.document ? { summary: summaryData(result.document.digest) } : {}),
    },
    ...(summary && result.document ? { lines: summaryLines(result.document.digest) } : {}),
    ms: result.ms,
  };
}

/** What the summary chose, for `--summary --json`. */
function summaryData(digest: Digest) {
  const texts = (items: DigestItem[]) => items.map(({ label, text }) => (label ? { label, text } : { text }));
  return {
    bottomLine: digest.bottomLine.map((sentence) => sentence.text).join(' '),
    keyPoints: texts(digest.keyPoints),
    keyPointsMarked: digest.keyPointsMarked,
    lists: digest.lists.map(({ heading, items }) => ({ heading, items: texts(items) })),
  };
}

/** What the summary chose, for people: indented under the document's line. */
function summaryLines(digest: Digest): string[] {
  const item = ({ label, text }: DigestItem) => (label ? `${label}: ${text}` : text);
  const bottomLine = digest.bottomLine.map((sentence) => sentence.text).join(' ');
  return [
    `  Bottom line: ${bottomLine || '(none)'}`,
    `  ${digest.keyPointsMarked ? 'Key takeaways' : 'Key points'}:${digest.keyPoints.length ? '' : ' (none)'}`,
    ...digest.keyPoints.map((point, i) => `    ${i + 1}. ${item(point)}`),
    ...digest.lists.flatMap((list) => [`  ${list.heading}:`, ...list.items.map((entry) => `    - ${item(entry)}`)]),
  ];
}
