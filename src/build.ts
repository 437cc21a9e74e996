import { availableParallelism } from 'node:os';
import path from 'node:path';
import { VFile } from 'vfile';
import { createRenderer, type Renderer } from './browser/renderer.js';
import { type Options, type ResolvedOptions, resolveOptions } from './config/options.js';
import { fontSet } from './fonts/font-set.js';
import type { BriefDocument } from './markdown/document-model.js';
import { failureOf, recordFailure, warn } from './messages.js';
import { prepare } from './prepare.js';
import { type Output, printOutput } from './print-output.js';
import { logoDataUrl } from './render/logo.js';
import { loadTemplates } from './render/templates.js';
import { documentName, type Source } from './source.js';
import { type Clock, withTimeLimit } from './time-limit.js';

export type { Output } from './print-output.js';

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

export interface BuildResult {
  /** The source's path, as given. */
  path: string;
  /** Holds the warnings and errors, each with its place; the document failed when one is fatal. */
  file: VFile;
  document?: BriefDocument;
  outputs: Output[];
  /** Why the document failed, on one line (`path:line:column: reason`): its file's first fatal message. The other documents of a batch are still built. */
  error?: string;
  /** Time the document took, in milliseconds. */
  ms: number;
}

/** A batch's settings: the config's layer and the caller's, between which each document's front matter goes. */
interface Layers {
  config: Options | undefined;
  own: Options;
  /** Both, resolved once for the batch: what no front matter may change (limits, templates, fonts, logo). */
  base: ResolvedOptions;
}

/** Build every source into its PDFs. One browser serves the whole batch. */
export async function build(sources: Source[], options: BuildOptions = {}): Promise<BuildResult[]> {
  const { defaults: config, renderer: given, jobs, onResult, signal, ...own } = options;
  const layers: Layers = { config, own, base: resolveOptions(config, own) };
  // The browser starts while the Markdown is read and parsed; a failed launch fails every document.
  const renderer = given ? Promise.resolve(given) : createRenderer({ executablePath: layers.base.browser, jobs });
  renderer.catch(() => undefined); // reported below, once, even when no document got as far as printing
  void renderer.then(
    (ready) => ready.warm(sources.length * layers.base.outputs.length),
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
      for (let i = next++; i < sources.length; i = next++) {
        results[i] = await buildOne(sources[i]!, renderer, layers, signal);
        onResult?.(results[i]!);
      }
    };
    await Promise.all(Array.from({ length: Math.min(sources.length, 2 * (jobs ?? availableParallelism())) }, worker));
    await renderer;
    return results;
  } finally {
    signal?.removeEventListener('abort', stop);
    if (!given) await (await renderer.catch(() => undefined))?.close();
  }
}

async function buildOne(
  source: Source,
  renderer: Promise<Renderer>,
  { config, own, base }: Layers,
  signal: AbortSignal | undefined,
): Promise<BuildResult> {
  const file = new VFile({ path: path.resolve(source.path) });
  const result: BuildResult = { path: source.path, file, outputs: [], ms: 0 };
  // The clock starts when this document's turn comes (see `build`), and stops while its prints wait.
  const started = performance.now();
  const work = async (deadline: AbortSignal, clock: Clock): Promise<Output[]> => {
    signal?.throwIfAborted();
    // The templates, fonts and logo are not the front matter's to choose: they load while the Markdown is read and parsed.
    const fonts = fontSet(base.fonts);
    const assets = Promise.all([loadTemplates(base.templates), fonts, base.logo ? logoDataUrl(base.logo) : undefined]);
    const fontCss = fonts.then((set) => set.css);
    // Awaited below, unless reading or parsing fails first.
    for (const later of [assets, fontCss]) later.catch(() => undefined);
    const { document } = await prepare(source, file, base, fontCss, deadline);
    if (!document) return [];
    result.document = document;
    // The document's settings: defaults ← config ← front matter ← the caller's.
    const settings = resolveOptions(
      config,
      { format: document.meta.format, organisation: document.meta.organisation },
      own,
    );
    const [templates, fontFiles, logo] = await assets;
    const name = documentName(source.path);
    const refused = new Set<string>();
    const onRefused = (url: string, reason: string) => {
      if (!refused.has(url)) warn(file, `refused to load ${url}: ${reason}`, { rule: 'request' });
      refused.add(url);
    };
    // The page may load files of the document's folder and of the (trusted) templates, nothing else.
    const policy = {
      folders: [path.dirname(file.path), settings.templates],
      allowNet: settings.allowNet,
      files: fontFiles.files,
    };
    const guard = { policy, onRefused, clock, signal: deadline };
    // The browser's launch (or a relaunch another document caused) is not this document's work.
    await clock.printing(() => clock.waiting(renderer));
    return Promise.all(
      settings.outputs.map((kind) =>
        printOutput({ kind, document, settings, name, templates, fonts: fontFiles, logo, renderer, guard, file }),
      ),
    );
  };
  try {
    const outputs = await withTimeLimit(work, base.timeout);
    signal?.throwIfAborted();
    result.outputs = outputs;
  } catch (caught: unknown) {
    recordFailure(file, signal?.aborted ? new Error('interrupted: nothing written') : caught, 'build');
  }
  if (failureOf(file)) {
    result.outputs = [];
    result.error = failureOf(file);
  }
  result.ms = performance.now() - started;
  return result;
}
