import { type Command, InvalidArgumentError, Option } from 'commander';
import type { OutputKind } from '../config/options.js';
import type { RunOptions } from '../config/resolve.js';
import { addressList, singleAddress } from '../email/addresses.js';
import type { MailFlags } from '../email/mailer.js';
import { errorMessage } from '../errors.js';
import { type PageFormat, pageFormats } from '../paper.js';
import type { ReportFlags } from './reporter.js';
import type { Shard } from './shard.js';

export type { MailFlags } from '../email/mailer.js';

/** Flags shared by the commands that build: `build` and `watch`. */
export interface BuildFlags extends ReportFlags {
  out?: string;
  format?: PageFormat;
  only?: OutputKind;
  html?: boolean;
  eml?: boolean;
  png?: boolean;
  browser?: string;
  strict?: boolean;
  config?: string;
  allowNet?: boolean;
  maxSize?: number;
  timeout?: number;
  jobs?: number;
  followSymlinks?: boolean;
  maxPages?: number;
}

/** Add the mail flags to a command. */
export function addMailFlags(command: Command): Command {
  return command
    .option('--mail', "email each brief to the config's mail.to/cc/bcc through the server in BRIEFPRESS_SMTP_URL")
    .option(
      '--mail-to <addresses>',
      "email each brief to these (comma-separated) instead of the config's mail.to",
      addresses,
    )
    .option('--mail-from <address>', "the sender (default: the config's mail.from)", address)
    .option('--mail-max-size <MB>', 'refuse to send a message larger than this (default: 10)', positiveNumber)
    .option('--dry-run', 'with --mail or --mail-to: say what would be sent, to whom and how large, and send nothing');
}

function addresses(value: string, previous: string[] | undefined): string[] {
  try {
    return [...(previous ?? []), ...addressList(value)];
  } catch (error: unknown) {
    throw new InvalidArgumentError(errorMessage(error));
  }
}

function address(value: string): string {
  try {
    return singleAddress(value);
  } catch (error: unknown) {
    throw new InvalidArgumentError(errorMessage(error));
  }
}

/** Add the build flags to a command (the order is the order of `--help`). */
export function addBuildFlags(command: Command): Command {
  return addReportFlags(
    command
      .option('-o, --out <dir>', 'output folder (default: the config\'s "out", else "out")', nonEmpty)
      .addOption(new Option('--format <format>', 'page size').choices(pageFormats))
      .addOption(new Option('--only <kind>', 'make only one of the two PDFs').choices(['brief', 'summary']))
      .option('--html', 'also write the final HTML beside each PDF')
      .option('--eml', 'also write NAME.eml: an email with both PDFs attached (nothing is sent)')
      .option('--png', 'also write NAME.KIND-N.png images of the pages (needs pdftoppm)')
      .option('--strict', 'fail, writing nothing, when the summary must leave content out to fit one page')
      .option('--browser <path>', 'Chromium or Chrome executable', nonEmpty)
      .option('--allow-net', 'let documents load http(s) images (off: every network request is refused and reported)')
      .option('--max-size <MB>', 'refuse Markdown files larger than this (default: 10)', positiveNumber)
      .option('--timeout <seconds>', 'time limit of one document (default: 60)', positiveNumber)
      .option('--max-pages <n>', 'fail a document whose PDF would have more pages (default: 500)', positiveInteger)
      .option('--follow-symlinks', 'read Markdown files that are links to files outside the folder they are in')
      .option('-j, --jobs <n>', 'pages printing at once (default: the number of cores)', positiveInteger),
  );
}

/** `--config`, `--json`, `--quiet`, `--verbose`: every command that reads documents has them. */
export function addReportFlags(command: Command): Command {
  return command
    .option(
      '-c, --config <file>',
      'config file (default: briefpress.config.json/.yaml or package.json "briefpress", searched from here up)',
      nonEmpty,
    )
    .option('--json', 'print one JSON report on stdout, nothing else')
    .addOption(new Option('-q, --quiet', 'print only errors').conflicts(['verbose', 'json']))
    .option('-v, --verbose', 'also print settings and timings');
}

/**
 * The flags' layer of settings, for `resolveRun` (config/resolve.ts): it wins over the config file and
 * the front matter. The one place a flag becomes a setting (`--only` an output, MB bytes, seconds ms).
 */
export function runOptions(flags: Partial<BuildFlags & MailFlags>): RunOptions {
  return {
    format: flags.format,
    outputs: flags.only ? [flags.only] : undefined,
    html: flags.html,
    browser: flags.browser,
    strict: flags.strict,
    allowNet: flags.allowNet,
    maxInputSize: flags.maxSize === undefined ? undefined : Math.round(flags.maxSize * 1024 * 1024),
    timeout: flags.timeout === undefined ? undefined : flags.timeout * 1000,
    followSymlinks: flags.followSymlinks,
    maxPages: flags.maxPages,
    out: flags.out,
    jobs: flags.jobs,
    mail: {
      from: flags.mailFrom,
      to: flags.mailTo,
      maxSize: flags.mailMaxSize === undefined ? undefined : Math.round(flags.mailMaxSize * 1024 * 1024),
    },
  };
}

function positiveNumber(value: string): number {
  const number = Number(value);
  if (!(number > 0) || !Number.isFinite(number)) throw new InvalidArgumentError('expected a positive number');
  return number;
}

export function positiveInteger(value: string): number {
  if (!/^[1-9]\d*$/.test(value.trim())) throw new InvalidArgumentError('expected a whole number of 1 or more');
  return Number(value);
}

/** `--shard 2/3` → `{ index: 2, count: 3 }`. */
export function shardFlag(value: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const [index, count] = [Number(match?.[1]), Number(match?.[2])];
  if (!match || count < 1 || index < 1 || index > count)
    throw new InvalidArgumentError('expected i/n with 1 ≤ i ≤ n, e.g. 2/3');
  return { index, count };
}

export function nonEmpty(value: string): string {
  if (!value.trim()) throw new InvalidArgumentError('must not be empty');
  return value;
}
