import type { Renderer } from '../browser/renderer.js';
import { type BuildResult, buildRun } from '../build.js';
import type { ResolvedRun } from '../config/resolve.js';
import { createMailer, type Mailed, type Mailer } from '../email/mailer.js';
import { errorMessage } from '../errors.js';
import type { Source } from '../source/read.js';
import type { BuildFlags, MailFlags } from './build-flags.js';
import { collisionReport, collisions } from './collisions.js';
import { describeInferred } from './inferred.js';
import { expandInputs } from './inputs.js';
import { createReporter, type DocumentReport, type Reporter } from './reporter.js';
import { type Shard, shardFiles } from './shard.js';
import { type Written, writeResult } from './write-results.js';

/**
 * Build the inputs (this job's share of them) with `renderer`, by the run's settings; write the files
 * and report; returns the exit code. The renderer is closed at the end.
 */
export async function runBuild(
  inputs: string[],
  flags: BuildFlags & MailFlags & { shard?: Shard },
  run: ResolvedRun,
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
    // Before anything is built: a run that cannot send says so at once, not after every PDF is made.
    const mailer = createMailer(flags, run);
    if (mailer) reporter.verbose(mailer.describe());
    const found = await expandInputs(inputs, { followSymlinks: run.settings.followSymlinks, onSkip: reporter.skipped });
    const all = found.map((input) => input.path);
    const roots = new Map(found.map((input) => [input.path, input.root]));
    const mine = flags.shard ? shardFiles(all, flags.shard) : all;
    // Over the whole batch, before anything is printed: every shard leaves the same files out.
    const clashing = collisions(all);
    const files = mine.filter((file) => !clashing.has(file)).map((file) => ({ path: file, root: roots.get(file) }));
    if (flags.shard)
      reporter.verbose(`shard ${flags.shard.index}/${flags.shard.count}: ${mine.length} of ${all.length} documents`);
    reporter.start(mine.length);
    for (const file of mine)
      if (clashing.has(file)) reporter.document(collisionReport(file, clashing.get(file)!, run.out));
    await buildFiles(files, flags, run, reporter, renderer, interrupt.signal, mailer);
    const code = reporter.finish('built');
    return interrupt.signal.aborted ? 130 : code;
  } finally {
    process.off('SIGINT', stop).off('SIGTERM', stop);
    await close();
  }
}

/**
 * Build files, write each one's outputs as soon as it is done, mail it when a `mailer` is given, and report
 * it; the `renderer` is left open.
 */
export async function buildFiles(
  files: Source[],
  flags: BuildFlags,
  run: ResolvedRun,
  reporter: Reporter,
  renderer: Renderer | Promise<Renderer>,
  signal?: AbortSignal,
  mailer?: Mailer,
): Promise<void> {
  if (files.length === 0) return;
  const { out } = run;
  reporter.verbose(`config: ${run.configPath ?? 'none found, using the defaults'}; output folder: ${out}`);
  const writes: Array<Promise<void>> = [];
  // A browser that cannot start rejects the build once (no document is reported for it).
  await buildRun(files, run, {
    renderer,
    signal,
    onResult: (result) => {
      const inferred = describeInferred(result.document);
      if (inferred) reporter.verbose(`${result.path}: ${inferred}`);
      writes.push(finish(result, out, flags, mailer).then((done) => reporter.document(done)));
    },
  });
  await Promise.all(writes);
}

/** Write a document's files, then mail it: never throws, each problem is the report's. */
async function finish(result: BuildResult, out: string, flags: BuildFlags, mailer?: Mailer): Promise<DocumentReport> {
  let email: Awaited<ReturnType<Mailer['compose']>>;
  let composeError: string | undefined;
  try {
    email = await mailer?.compose(result);
  } catch (error: unknown) {
    composeError = `could not compose the email: ${errorMessage(error)}`;
  }
  const written = await writeResult(result, out, flags, email);
  if (composeError) written.problems.push({ reason: composeError, fatal: true, rule: 'mail' });
  const mailed = mailer ? await mailer.send(result, email, written) : undefined;
  return report(result, written, mailed);
}

function report(
  result: BuildResult,
  { files: written, problems: writeProblems }: Written,
  mailed?: Mailed,
): DocumentReport {
  const problems = [...writeProblems, ...(mailed?.problems ?? [])];
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
    detail: error
      ? ''
      : `→ ${[...listed, ...(pngs ? [`${pngs} page images`] : [])].join(', ')}${mailed?.detail ? `; ${mailed.detail}` : ''}`,
    data: { files: written, ...mailed?.data, error: error ?? null },
    ms: result.ms,
  };
}
