import path from 'node:path';
import { VFile } from 'vfile';
import { type BuildHooks, type BuildOptions, buildRun } from './build.js';
import { type ResolvedRun, resolveRun } from './config/resolve.js';
import { prepare } from './document/prepare.js';
import { withTimeLimit } from './document/time-limit.js';
import { fontSet } from './fonts/font-set.js';
import type { BriefDocument } from './markdown/document-model.js';
import { fail, recordFailure } from './messages.js';
import { safeDecode } from './source/paths.js';
import type { Source } from './source/read.js';

export interface CheckOptions extends Omit<BuildOptions, 'outputs' | 'html' | 'onResult'> {
  /** Print each summary, unsaved, to see that it fits one page (needs the browser). @default true */
  fit?: boolean;
  /** Called as each document is checked. */
  onResult?: (result: CheckResult) => void;
}

export interface CheckResult {
  /** The source's path, as given. */
  path: string;
  /** The problems found, each with its place; errors are `fatal`. */
  file: VFile;
  document?: BriefDocument;
  ms: number;
}

/**
 * Check documents without writing anything: front matter, `#anchor` links to the brief's sections,
 * local image paths, characters no embedded font has, and (with `fit`) that the summary fits its one
 * page, by printing it with the same pipeline as `build`.
 */
export async function check(sources: Source[], options: CheckOptions = {}): Promise<CheckResult[]> {
  const { fit = true, onResult, defaults, renderer, jobs, signal, ...own } = options;
  const run = resolveRun({ options: defaults }, { ...own, jobs });
  return checkRun(sources, run, { renderer, signal, fit, onResult });
}

/** `check` with its settings resolved (the CLI resolves its flags and config once, for the whole command). */
export async function checkRun(
  sources: Source[],
  run: ResolvedRun,
  { fit = true, onResult, ...hooks }: Omit<BuildHooks, 'onResult'> & Pick<CheckOptions, 'fit' | 'onResult'>,
): Promise<CheckResult[]> {
  const finish = (result: CheckResult): CheckResult => {
    checkReferences(result.file, result.document);
    onResult?.(result);
    return result;
  };
  if (fit) {
    // Only the summary is printed, and no HTML kept: the caller's layer says so, over the front matter.
    const only = { outputs: ['summary' as const], html: false };
    const summaryRun = {
      ...run,
      settings: { ...run.settings, ...only },
      layers: { ...run.layers, own: { ...run.layers.own, ...only } },
    };
    const results = await buildRun(sources, summaryRun, { ...hooks, onResult: (result) => finish(result) });
    return results.map(({ path: input, file, document, ms }) => ({ path: input, file, document, ms }));
  }
  // As `build` reads and parses, with its limits: in a parsing worker, one document at a time.
  const { settings } = run;
  // A configured font that is missing stops the run here, as misuse, not as every document's failure.
  const fontCss = Promise.resolve((await fontSet(settings.fonts)).css);
  const results: CheckResult[] = [];
  for (const source of sources) {
    const started = performance.now();
    const file = new VFile({ path: path.resolve(source.path) });
    let document: BriefDocument | undefined;
    try {
      ({ document } = await withTimeLimit(
        (deadline) => prepare(source, file, settings, fontCss, deadline),
        settings.timeout,
      ));
    } catch (caught: unknown) {
      recordFailure(file, caught, 'parse');
    }
    results.push(finish({ path: source.path, file, document, ms: performance.now() - started }));
  }
  return results;
}

/**
 * Add an error for each `#anchor` that names no section, from the links the parse recorded (see
 * `linkTargets`), and make the parse's warning for each missing image an error; only for a document
 * that parsed.
 */
function checkReferences(file: VFile, document: BriefDocument | undefined): void {
  if (!document) return;
  const anchors = new Set(document.sections.map((section) => section.id));
  for (const { url, place } of file.data.linkTargets ?? []) {
    if (!url.startsWith('#') || anchors.has(safeDecode(url.slice(1)))) continue;
    const known = [...anchors].map((anchor) => `#${anchor}`).join(', ') || 'none';
    fail(file, `link to \`${url}\` names no section (the anchors are the level-2 headings: ${known})`, {
      place,
      rule: 'link-anchor',
    });
  }
  for (const message of file.messages) if (message.ruleId === 'image-path') message.fatal = true;
  file.messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
