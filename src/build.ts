import { availableParallelism } from 'node:os';
import { type Renderer, startRenderer } from './browser/renderer.js';
import type { Options } from './config/options.js';
import { type ResolvedRun, resolveRun } from './config/resolve.js';
import { type BuildResult, buildOne } from './document/build-one.js';
import type { Source } from './source/read.js';

export type { BuildResult } from './document/build-one.js';
export type { Output } from './document/print-output.js';

export interface BuildOptions extends Options {
  /** Settings that the front matter may override (a config file's); `Options` given here win over both. */
  defaults?: Options;
  /** Renderer to print with (or one starting); it is left open. @default one created for this build and closed after it */
  renderer?: Renderer | Promise<Renderer>;
  /** Pages printing at once, when the build creates its renderer. @default the number of cores */
  jobs?: number;
  /** Called as each document is done, before the whole batch is (for progress reports). */
  onResult?: (result: BuildResult) => void;
  /** Stops the build (e.g. on Ctrl-C): the browser is closed, and documents not yet done fail as interrupted. */
  signal?: AbortSignal;
}

/** What a batch is given besides its settings. */
export type BuildHooks = Pick<BuildOptions, 'renderer' | 'onResult' | 'signal'>;

/** Build every source into its PDFs. One browser serves the whole batch. */
export async function build(sources: Source[], options: BuildOptions = {}): Promise<BuildResult[]> {
  const { defaults, renderer, jobs, onResult, signal, ...own } = options;
  return buildRun(sources, resolveRun({ options: defaults }, { ...own, jobs }), { renderer, onResult, signal });
}

/**
 * `build` with its settings resolved (the CLI resolves its flags and config once, for the whole
 * command). A browser that cannot start rejects this once: no document is reported failed for it.
 */
export async function buildRun(
  sources: Source[],
  run: ResolvedRun,
  { renderer: given, onResult, signal }: BuildHooks = {},
): Promise<BuildResult[]> {
  // The browser starts while the Markdown is read and parsed.
  const renderer = given ? Promise.resolve(given) : startRenderer({ browser: run.settings.browser, jobs: run.jobs });
  let launchFailed = false;
  renderer.catch(() => {
    launchFailed = true;
  });
  void renderer.then(
    (ready) => ready.warm(sources.length * run.settings.outputs.length),
    () => undefined,
  );
  const stop = () =>
    void renderer.then(
      (owned) => owned.close(),
      () => undefined,
    );
  if (!given) signal?.addEventListener('abort', stop, { once: true });
  try {
    // A few documents in flight at a time, enough to keep every page printing: a document's time limit
    // then counts its own work, not a wait behind a hundred others, and memory stays flat in big batches.
    const results: BuildResult[] = [];
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < sources.length && !launchFailed; i = next++) {
        const result = await buildOne(sources[i]!, renderer, run, signal);
        // The launch's failure is the batch's, thrown below: not this document's.
        if (launchFailed) return;
        results[i] = result;
        onResult?.(result);
      }
    };
    const lanes = Math.min(sources.length, 2 * (run.jobs ?? availableParallelism()));
    await Promise.all(Array.from({ length: lanes }, worker));
    await renderer;
    return results;
  } finally {
    signal?.removeEventListener('abort', stop);
    if (!given) await (await renderer.catch(() => undefined))?.close();
  }
}
