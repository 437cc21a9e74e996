#!/usr/bin/env node
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { VFileMessage } from 'vfile-message';
import { build, type BuildResult } from './build.js';
import { BriefpressError, errorMessage } from './errors.js';
import { expandInputs } from './inputs.js';
import type { OutputKind, PageFormat } from './options.js';
import { version } from './version.js';
import { writeOutput } from './write-output.js';

interface BuildFlags {
  out: string;
  format?: PageFormat;
  only?: OutputKind;
  html?: boolean;
  json?: boolean;
  browser?: string;
}

const program = new Command('briefpress')
  .description('Markdown to print-ready PDF policy briefs and one-page summaries')
  .version(version)
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(text) });

program
  .command('build')
  .description('build each Markdown file into NAME.brief.pdf and NAME.summary.pdf')
  .argument('[inputs...]', 'Markdown files or folders of them', ['content'])
  .option('-o, --out <dir>', 'output folder', 'out')
  .addOption(new Option('--format <format>', 'page size').choices(['a4', 'letter']))
  .addOption(new Option('--only <kind>', 'make only one of the two PDFs').choices(['brief', 'summary']))
  .option('--html', 'also write the final HTML beside each PDF')
  .option('--json', 'print one JSON report on stdout')
  .option('--browser <path>', 'Chromium or Chrome executable', nonEmpty)
  .addHelpText('after', '\nExamples:\n  briefpress build content --out out\n  briefpress build brief.md --format letter --only summary\n')
  .action(async (inputs: string[], flags: BuildFlags) => {
    const files = await expandInputs(inputs);
    if (files.length === 0) throw new BriefpressError(`no Markdown files in ${inputs.join(', ')}`);
    const results = await build(
      files.map((file) => ({ path: file })),
      { format: flags.format, outputs: flags.only ? [flags.only] : undefined, html: flags.html, browser: flags.browser },
    );
    const written = await Promise.all(results.map((result) => write(result, flags.out, Boolean(flags.html))));
    if (flags.json) process.stdout.write(`${JSON.stringify({ documents: results.map((result, i) => report(result, written[i]!)) }, null, 2)}\n`);
    else for (const [i, result] of results.entries()) printHuman(result, written[i]!);
    process.exitCode = results.some((result) => result.error) ? 1 : 0;
  });

async function write(result: BuildResult, out: string, html: boolean): Promise<string[]> {
  const paths: string[] = [];
  try {
    for (const output of result.outputs) {
      const target = path.join(out, output.fileName);
      if (html && output.html !== undefined) await writeOutput(target.replace(/\.pdf$/, '.html'), output.html);
      await writeOutput(target, output.pdf);
      paths.push(target);
    }
  } catch (error: unknown) {
    result.error = `${result.path}: could not write the output: ${errorMessage(error)}`;
  }
  return paths;
}

function place(result: BuildResult, message: VFileMessage): string {
  return `${result.path}${message.line ? `:${message.line}:${message.column ?? 1}` : ''}`;
}

function warnings(result: BuildResult): VFileMessage[] {
  return result.file.messages.filter((message) => !message.fatal);
}

function printHuman(result: BuildResult, paths: string[]): void {
  for (const message of warnings(result)) process.stderr.write(`${place(result, message)}: warning: ${message.reason}\n`);
  if (result.error) {
    process.stderr.write(`✗ ${result.error}\n`);
    return;
  }
  const made = result.outputs.map((output, i) => `${paths[i]} (${output.pages} ${output.pages === 1 ? 'page' : 'pages'})`);
  process.stdout.write(`✓ ${result.path} → ${made.join(', ')}\n`);
}

function report(result: BuildResult, paths: string[]) {
  return {
    input: result.path,
    outputs: result.outputs.map((output, i) => ({ kind: output.kind, path: paths[i], pages: output.pages, bytes: output.pdf.byteLength })),
    warnings: warnings(result).map((message) => ({ message: message.reason, line: message.line, column: message.column })),
    error: result.error ?? null,
  };
}

function nonEmpty(value: string): string {
  if (!value.trim()) throw new InvalidArgumentError('must not be empty');
  return value;
}

try {
  await program.parseAsync();
} catch (error: unknown) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    process.stderr.write(`briefpress: ${errorMessage(error)}\n`);
    process.exitCode = error instanceof BriefpressError ? error.exitCode : 1;
  }
}
