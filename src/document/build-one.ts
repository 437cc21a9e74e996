import path from 'node:path';
import { VFile } from 'vfile';
import type { Renderer } from '../browser/renderer.js';
import { type ResolvedRun, resolveDocument } from '../config/resolve.js';
import { fontSet } from '../fonts/font-set.js';
import type { BriefDocument } from '../markdown/document-model.js';
import { failureOf, recordFailure, warn } from '../messages.js';
import { logoDataUrl } from '../render/logo.js';
import { loadTemplates } from '../render/templates.js';
import { documentName, type Source } from '../source/read.js';
import { prepare } from './prepare.js';
import { type Output, printOutput } from './print-output.js';
import { type Clock, withTimeLimit } from './time-limit.js';

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

/** One document of a batch: read, parse, print each output, within its time limit. Never throws. */
export async function buildOne(
  source: Source,
  renderer: Promise<Renderer>,
  run: ResolvedRun,
  signal: AbortSignal | undefined,
): Promise<BuildResult> {
  const base = run.settings;
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
    const settings = resolveDocument(run, document.meta);
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
