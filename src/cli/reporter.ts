import path from 'node:path';
import picocolors from 'picocolors';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

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
  failed: boolean;
  /** What was done, for people: e.g. the files written and their pages. */
  detail: string;
  /** What was done, for machines: merged into the document's JSON entry. */
  data: Record<string, unknown>;
  ms: number;
}

export interface Reporter {
  /** A batch of `total` documents starts. */
  start(total: number): void;
  document(report: DocumentReport): void;
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
  const color = picocolors.createColors(Boolean(env.FORCE_COLOR) || (Boolean(stdout.isTTY) && !env.NO_COLOR && env.TERM !== 'dumb'));
  const documents: DocumentReport[] = [];
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
      for (const message of report.file.messages) {
        if (!message.fatal && flags.quiet) continue;
        const label = message.fatal ? color.red('error') : color.yellow('warning');
        say(stderr, `${place(report.file, message)}: ${label}: ${message.reason}`);
      }
      if (!flags.quiet || report.failed) {
        const mark = report.failed ? color.red('✗') : color.green('✓');
        say(stdout, `${mark} ${report.input}${report.detail ? ` ${report.detail}` : ''} ${color.dim(seconds(report.ms))}`);
      } else drawBar();
    },
    verbose(line) {
      if (flags.verbose && !flags.json) say(stderr, color.dim(line));
    },
    finish(verb) {
      clearBar();
      bar = false;
      const failed = documents.filter((report) => report.failed).length;
      const elapsed = performance.now() - began;
      if (flags.json) {
        const entries = documents.map(({ input, file, failed: bad, data, ms }) => ({
          input,
          ok: !bad,
          ...data,
          messages: file.messages.map((message) => ({
            severity: message.fatal ? 'error' : 'warning',
            line: message.line ?? null,
            column: message.column ?? null,
            reason: message.reason,
            rule: message.ruleId ?? null,
          })),
          ms: Math.round(ms),
        }));
        stdout.write(`${JSON.stringify({ documents: entries, [verb]: documents.length - failed, failed, ms: Math.round(elapsed) }, null, 2)}\n`);
      } else if (!flags.quiet || failed > 0) {
        const counts = `${documents.length - failed} ${verb}${failed ? `, ${color.red(`${failed} failed`)}` : ''}`;
        stdout.write(`${counts} in ${seconds(elapsed)}\n`);
      }
      return failed > 0 ? 1 : 0;
    },
  };
}

/** `content/a.md:3:7`, relative to the working folder. */
function place(file: VFile, message: VFileMessage): string {
  const where = path.relative(process.cwd(), file.path) || file.path;
  return `${where}${message.line ? `:${message.line}:${message.column ?? 1}` : ''}`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
