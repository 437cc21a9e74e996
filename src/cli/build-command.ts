import { Command } from 'commander';
import { build, type BuildResult } from '../build.js';
import { type Config, loadConfig } from '../config.js';
import { BriefpressError, BrowserNotFoundError } from '../errors.js';
import { expandInputs } from '../inputs.js';
import type { Renderer } from '../renderer.js';
import { type Shard, shardFiles } from '../shard.js';
import { addBuildFlags, type BuildFlags, flagOptions, shardFlag } from './build-flags.js';
import { createReporter, type Reporter } from './reporter.js';
import { type WrittenFile, writeResult } from './write-results.js';

export function buildCommand(): Command {
  return addBuildFlags(
    new Command('build')
      .description('build each Markdown file into NAME.brief.pdf and NAME.summary.pdf')
      .argument('[inputs...]', 'Markdown files or folders of them', ['content'])
      .option('--shard <i/n>', 'build only share i of n, a stable split by path (one share per CI job)', shardFlag),
  )
    .addHelpText(
      'after',
      `
Examples:
  briefpress build                              every .md under content/ into out/
  briefpress build content/brief.md --format letter --only summary
  briefpress build content --eml --png          also an email and page images
  briefpress build content --json > report.json
  briefpress build content --shard 2/3 --jobs 4  this job's third of the briefs, four pages at once`,
    )
    .action(async (inputs: string[], flags: BuildFlags) => {
      process.exitCode = await runBuild(inputs, flags);
    });
}

/** Build the inputs (this job's share of them), write the files and report; returns the exit code. */
export async function runBuild(inputs: string[], flags: BuildFlags & { shard?: Shard }, reporter: Reporter = createReporter(flags)): Promise<number> {
  const config = await loadConfig({ file: flags.config });
  const all = await expandInputs(inputs);
  if (all.length === 0) throw new BriefpressError(`no Markdown files in ${inputs.join(', ')}`);
  const files = flags.shard ? shardFiles(all, flags.shard) : all;
  if (flags.shard) reporter.verbose(`shard ${flags.shard.index}/${flags.shard.count}: ${files.length} of ${all.length} documents`);
  reporter.start(files.length);
  // Ctrl-C: close the browser and let the writes in flight finish (each is whole or absent), then exit 130.
  const interrupt = new AbortController();
  const stop = () => interrupt.abort();
  process.once('SIGINT', stop).once('SIGTERM', stop);
  try {
    await buildFiles(files, flags, config, reporter, undefined, interrupt.signal);
  } finally {
    process.off('SIGINT', stop).off('SIGTERM', stop);
  }
  const code = reporter.finish('built');
  return interrupt.signal.aborted ? 130 : code;
}

/** Build files, write each one's outputs as soon as it is done, and report it; a `renderer` passed in is kept open. */
export async function buildFiles(files: string[], flags: BuildFlags, config: Config, reporter: Reporter, renderer?: Renderer, signal?: AbortSignal): Promise<void> {
  if (files.length === 0) return;
  const out = flags.out ?? config.out ?? 'out';
  reporter.verbose(`config: ${config.path ?? 'none found, using the defaults'}; output folder: ${out}`);
  const writes: Array<Promise<void>> = [];
  await build(
    files.map((file) => ({ path: file })),
    {
      defaults: config.options,
      ...flagOptions(flags),
      renderer,
      jobs: flags.jobs,
      signal,
      onResult: (result) => {
        // A browser that cannot start fails the whole batch: build() throws, and it is said once, below.
        if (result.file.messages.some((message) => message.cause instanceof BrowserNotFoundError)) return;
        writes.push(writeResult(result, out, flags).then((written) => reporter.document(report(result, written))));
      },
    },
  );
  await Promise.all(writes);
}

function report(result: BuildResult, written: WrittenFile[]) {
  const pngs = written.filter((file) => file.kind === 'png').length;
  const listed = written.filter((file) => file.kind !== 'png').map((file) => (file.pages === undefined ? file.path : `${file.path} (${file.pages} ${file.pages === 1 ? 'page' : 'pages'})`));
  return {
    input: result.path,
    file: result.file,
    failed: Boolean(result.error),
    detail: result.error ? '' : `→ ${[...listed, ...(pngs ? [`${pngs} page images`] : [])].join(', ')}`,
    data: { files: written, error: result.error ?? null },
    ms: result.ms,
  };
}
