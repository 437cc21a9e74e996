import type { Renderer } from '../browser/renderer.js';
import { type BuildResult, build } from '../build.js';
import { type Config, loadConfig } from '../config/load.js';
import { BrowserNotFoundError } from '../errors.js';
import { type BuildFlags, flagOptions } from './build-flags.js';
import { describeInferred } from './inferred.js';
import { expandInputs } from './inputs.js';
import { createReporter, type DocumentReport, type Reporter } from './reporter.js';
import { type Shard, shardFiles } from './shard.js';
import { type Written, writeResult } from './write-results.js';

/**
 * Build the inputs (this job's share of them) with `renderer`, write the files and report; returns
 * the exit code. The renderer is closed at the end.
 */
export async function runBuild(
  inputs: string[],
  flags: BuildFlags & { shard?: Shard },
  renderer: Promise<Renderer>,
): Promise<number> {
  const close = async () => (await renderer.catch(() => undefined))?.close();
  // Ctrl-C: close the browser and let the writes in flight finish (each is whole or absent), then exit 130.
  const interrupt = new AbortController();
  const stop = () => {
    interrupt.abort();
    void close();
  };
  process.once('SIGINT', stop).once('SIGTERM', stop);
  try {
    const reporter = createReporter(flags);
    const config = await loadConfig({ file: flags.config });
    const all = await expandInputs(inputs);
    const files = flags.shard ? shardFiles(all, flags.shard) : all;
    if (flags.shard)
      reporter.verbose(`shard ${flags.shard.index}/${flags.shard.count}: ${files.length} of ${all.length} documents`);
    reporter.start(files.length);
    await buildFiles(files, flags, config, reporter, renderer, interrupt.signal);
    const code = reporter.finish('built');
    return interrupt.signal.aborted ? 130 : code;
  } finally {
    process.off('SIGINT', stop).off('SIGTERM', stop);
    await close();
  }
}

/** Build files, write each one's outputs as soon as it is done, and report it; the `renderer` is left open. */
export async function buildFiles(
  files: string[],
  flags: BuildFlags,
  config: Config,
  reporter: Reporter,
  renderer: Renderer | Promise<Renderer>,
  signal?: AbortSignal,
): Promise<void> {
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
        const inferred = describeInferred(result.document);
        if (inferred) reporter.verbose(`${result.path}: ${inferred}`);
        writes.push(writeResult(result, out, flags).then((written) => reporter.document(report(result, written))));
      },
    },
  );
  await Promise.all(writes);
}

function report(result: BuildResult, { files: written, problems }: Written): DocumentReport {
  const writeError = problems.find((problem) => problem.fatal);
  const error = result.error ?? (writeError && `${result.path}: ${writeError.reason}`);
  const pngs = written.filter((file) => file.kind === 'png').length;
  const listed = written
    .filter((file) => file.kind !== 'png')
    .map((file) =>
      file.pages === undefined ? file.path : `${file.path} (${file.pages} ${file.pages === 1 ? 'page' : 'pages'})`,
    );
  return {
    input: result.path,
    file: result.file,
    problems,
    failed: Boolean(error),
    detail: error ? '' : `→ ${[...listed, ...(pngs ? [`${pngs} page images`] : [])].join(', ')}`,
    data: { files: written, error: error ?? null },
    ms: result.ms,
  };
}
