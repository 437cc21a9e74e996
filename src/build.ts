import { availableParallelism } from 'node:os';
import path from 'node:path';
import { VFile } from 'vfile';
import type { BriefDocument } from './document-model.js';
import { errorMessage } from './errors.js';
import { fontSet } from './fonts.js';
import { logoDataUrl } from './logo.js';
import { warnMissingGlyphs } from './missing-glyphs.js';
import { type Options, resolveOptions } from './options.js';
import { parseFile } from './parse-pool.js';
import { type Output, printOutput } from './print-output.js';
import { createRenderer, type Renderer } from './renderer.js';
import { documentName, readSource, type Source } from './source.js';
import { loadTemplates } from './templates.js';
import { withTimeLimit } from './time-limit.js';

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
  /** Holds the warnings and errors, each with its place. */
  file: VFile;
  document?: BriefDocument;
  outputs: Output[];
  /** Set when the document failed (the reason is also a fatal message in `file`); the other documents of a batch are still built. */
  error?: string;
  /** Time the document took, in milliseconds. */
  ms: number;
}

/** Build every source into its PDFs. One browser serves the whole batch. */
export async function build(sources: Source[], options: BuildOptions = {}): Promise<BuildResult[]> {
  // The browser starts while the Markdown is read and parsed; a failed launch fails every document.
  const renderer = options.renderer ? Promise.resolve(options.renderer) : createRenderer({ executablePath: options.browser ?? options.defaults?.browser, jobs: options.jobs });
  renderer.catch(() => undefined); // reported below, once, even when no document got as far as printing
  const { outputs } = resolveOptions(options.defaults, ownOptions(options));
  void renderer.then((ready) => ready.warm(sources.length * outputs.length), () => undefined);
  const stop = () => void renderer.then((owned) => owned.close(), () => undefined);
  if (!options.renderer) options.signal?.addEventListener('abort', stop, { once: true });
  try {
    // A few documents in flight at a time, enough to keep every page printing: a document's time limit
    // then counts its own work, not a wait behind a hundred others, and memory stays flat in big batches.
    const results: BuildResult[] = [];
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < sources.length; i = next++) {
        results[i] = await buildOne(sources[i]!, renderer, options);
        options.onResult?.(results[i]!);
      }
    };
    await Promise.all(Array.from({ length: Math.min(sources.length, 2 * (options.jobs ?? availableParallelism())) }, worker));
    await renderer;
    return results;
  } finally {
    options.signal?.removeEventListener('abort', stop);
    if (!options.renderer) await (await renderer.catch(() => undefined))?.close();
  }
}

async function buildOne(source: Source, renderer: Promise<Renderer>, options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const { defaults, signal } = options;
  const own = ownOptions(options);
  const limits = resolveOptions(defaults, own);
  const result: BuildResult = { path: source.path, file: new VFile({ path: path.resolve(source.path) }), outputs: [], ms: 0 };
  const work = async (deadline: AbortSignal): Promise<Output[]> => {
    signal?.throwIfAborted();
    // The templates, fonts and logo are not the front matter's to choose: they load while the Markdown is read and parsed.
    const assets = Promise.all([loadTemplates(limits.templates), fontSet(limits.fonts), limits.logo ? logoDataUrl(limits.logo) : undefined]);
    assets.catch(() => undefined); // awaited below, unless reading or parsing fails first
    const file = (result.file = await readSource(source, limits.maxInputSize));
    const document = await parseFile(file, limits.allowNet, deadline);
    result.document = document;
    const settings = resolveOptions(defaults, { format: document.meta.format, organisation: document.meta.organisation }, own);
    const [templates, fonts, logo] = await assets;
    warnMissingGlyphs(file, fonts.css);
    const name = documentName(source.path);
    const refused = new Set<string>();
    const onRefused = (url: string, reason: string) => {
      if (!refused.has(url)) file.message(`refused to load ${url}: ${reason}`, { ruleId: 'request', source: 'briefpress' });
      refused.add(url);
    };
    let retried = false;
    const onRetry = (reason: string) => {
      if (!retried) file.message(reason, { ruleId: 'browser-crash', source: 'briefpress' });
      retried = true;
    };
    // The page may load files of the document's folder and of the (trusted) templates, nothing else.
    const guard = { policy: { folders: [path.dirname(file.path), settings.templates], allowNet: settings.allowNet, files: fonts.files }, onRefused, onRetry };
    return Promise.all(settings.outputs.map((kind) => printOutput({ kind, document, settings, name, templates, fonts, logo, renderer, guard, file })));
  };
  try {
    result.outputs = await withTimeLimit(work, limits.timeout);
    signal?.throwIfAborted();
  } catch (caught: unknown) {
    const { file } = result;
    const error = signal?.aborted ? new Error('interrupted: nothing written') : caught;
    result.outputs = [];
    result.error = describe(error, file);
    if (!file.messages.includes(error as never)) {
      const reason = errorMessage(error);
      file.message(reason, { ruleId: 'build', source: 'briefpress', cause: error instanceof Error ? error : undefined }).fatal = true;
    }
  }
  result.ms = performance.now() - started;
  return result;
}

/** The document settings among the build's options. */
function ownOptions({ defaults: _, renderer: __, onResult: ___, jobs: ____, signal: _____, ...own }: BuildOptions): Options {
  return own;
}

/** One line: `path:line:column: reason`. */
function describe(error: unknown, file: VFile): string {
  const where = path.relative(process.cwd(), file.path) || file.path;
  if (error && typeof error === 'object' && 'reason' in error && 'line' in error) {
    const { reason, line, column } = error as { reason: string; line?: number; column?: number };
    return `${where}${line ? `:${line}:${column ?? 1}` : ''}: ${reason}`;
  }
  return `${where}: ${errorMessage(error)}`;
}
