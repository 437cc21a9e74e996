import picocolors from 'picocolors';
import type { VFile } from 'vfile';
import { placeOf } from '../messages.js';
import { escapeControls, printable } from './one-line.js';

/** How much to say, and to whom: `--json` for machines, `--quiet` and `--verbose` for people. */
export interface ReportFlags {
  json?: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

/** One document's outcome, as the command that handled it describes it. */
export interface DocumentReport {
  /** The source path as given. */
  input: string;
  /** Holds the document's warnings and errors. */
  file: VFile;
  /** The command's own problems with the document (writing its files), after the file's. */
  problems?: Array<{ reason: string; fatal: boolean; rule: string }>;
  failed: boolean;
  /** What was done, for people: e.g. the files written and their pages. */
  detail: string;
  /** Lines shown after the document's status line, for people only (`check --summary`). */
  lines?: string[];
  /** What was done, for machines: merged into the document's JSON entry. */
  data: Record<string, unknown>;
  ms: number;
}

export interface Reporter {
  /** A batch of `total` documents starts. */
  start(total: number): void;
  document(report: DocumentReport): void;
  /** An input left out before the batch (a link out of its folder, a FIFO): a warning, and an entry of the JSON report. */
  skipped(input: string, reason: string): void;
  /** A line shown only with `--verbose`. */
  verbose(line: string): void;
  /** Print the summary line (or the JSON report); returns the exit code. */
  finish(verb: string): number;
}

export interface ReporterStreams {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
}

/** Batches at least this large get a progress bar (on a terminal). */
const barThreshold = 4;

/**
 * On a terminal: coloured status lines and, for larger batches, a progress bar on stderr.
 * Elsewhere (CI, pipes) or with `NO_COLOR`: plain lines only. Messages go to stderr as
 * `file:line:col: warning: reason`, so editors and CI annotate them.
 */
export function createReporter(flags: ReportFlags, streams: ReporterStreams = process): Reporter {
  const { stdout, stderr, env } = streams;
  const color = picocolors.createColors(
    Boolean(env.FORCE_COLOR) || (Boolean(stdout.isTTY) && !env.NO_COLOR && env.TERM !== 'dumb'),
  );
  const documents: DocumentReport[] = [];
  const skipped: Array<{ input: string; reason: string }> = [];
  const began = performance.now();
  let total = 0;
  let bar = false;

  const clearBar = () => bar && stderr.write('\r\u001B[2K');
  const drawBar = () => {
    if (!bar) return;
    const width = 24;
    const done = Math.round((documents.length / total) * width);
    stderr.write(`\r${color.dim(`[${'█'.repeat(done)}${'░'.repeat(width - done)}]`)} ${documents.length}/${total}`);
  };
  const say = (stream: NodeJS.WriteStream, line: string) => {
    clearBar();
    stream.write(`${line}\n`);
    drawBar();
  };

  return {
    start(count) {
      total = count;
      bar = !flags.json && !flags.quiet && Boolean(stderr.isTTY) && !env.CI && count >= barThreshold;
      drawBar();
    },
    document(report) {
      documents.push(report);
      if (flags.json) return drawBar();
      for (const message of messagesOf(report)) {
        if (!message.fatal && flags.quiet) continue;
        const label = message.fatal ? color.red('error') : color.yellow('warning');
        say(stderr, `${shown(placeOf(report.file, message))}: ${label}: ${escapeControls(message.reason)}`);
      }
      if (!flags.quiet || report.failed) {
        const mark = report.failed ? color.red('✗') : color.green('✓');
        say(
          stdout,
          `${mark} ${shown(report.input)}${report.detail ? ` ${escapeControls(report.detail)}` : ''} ${color.dim(seconds(report.ms))}`,
        );
        for (const line of report.lines ?? []) say(stdout, printable(line));
      } else drawBar();
    },
    skipped(input, reason) {
      skipped.push({ input, reason });
      if (!flags.json && !flags.quiet)
        say(stderr, `${shown(input)}: ${color.yellow('warning')}: ${escapeControls(reason)}`);
    },
    verbose(line) {
      if (flags.verbose && !flags.json) say(stderr, color.dim(printable(line)));
    },
    finish(verb) {
      clearBar();
      bar = false;
      const failed = documents.filter((report) => report.failed).length;
      const elapsed = performance.now() - began;
      if (flags.json) {
        const entries = documents.map(({ input, file, problems, failed: bad, data, ms }) => ({
          input,
          ok: !bad,
          ...data,
          messages: messagesOf({ file, problems }).map((message) => ({
            severity: message.fatal ? 'error' : 'warning',
            line: message.line ?? null,
            column: message.column ?? null,
            reason: message.reason,
            rule: message.rule ?? null,
          })),
          ms: Math.round(ms),
        }));
        stdout.write(
          `${JSON.stringify({ documents: entries, ...(skipped.length ? { skipped } : {}), [verb]: documents.length - failed, failed, ms: Math.round(elapsed) }, null, 2)}\n`,
        );
      } else if (!flags.quiet || failed > 0) {
        const counts = `${documents.length - failed} ${verb}${failed ? `, ${color.red(`${failed} failed`)}` : ''}`;
        stdout.write(`${counts} in ${seconds(elapsed)}\n`);
      }
      return failed > 0 ? 1 : 0;
    },
  };
}

/** The file's messages, then the command's own problems (which have no place in the Markdown). */
function messagesOf({ file, problems = [] }: Pick<DocumentReport, 'file' | 'problems'>) {
  return [
    ...file.messages.map(({ reason, fatal, line, column, ruleId }) => ({
      reason,
      fatal: Boolean(fatal),
      line,
      column,
      rule: ruleId,
    })),
    ...problems.map(({ reason, fatal, rule }) => ({ reason, fatal, rule, line: undefined, column: undefined })),
  ];
}

/**
 * A file name as a line may start with it: escaped, and `./` before a name that CI would read as a
 * workflow command (`::error::x.md`, `##[error]x.md`).
 */
function shown(name: string): string {
  const escaped = escapeControls(name);
  return /^(::|##\[)/.test(escaped) ? `./${escaped}` : escaped;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
