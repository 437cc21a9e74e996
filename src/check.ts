import type { VFile } from 'vfile';
import { build, type BuildOptions } from './build.js';
import type { BriefDocument } from './document-model.js';
import { errorMessage } from './errors.js';
import { fontSet } from './fonts.js';
import { warnMissingGlyphs } from './missing-glyphs.js';
import { resolveOptions } from './options.js';
import { parseFile } from './parse-pool.js';
import { readSource, type Source } from './source.js';
import { withTimeLimit } from './time-limit.js';

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
  const { fit = true, onResult, ...rest } = options;
  const finish = (result: CheckResult): CheckResult => {
    checkReferences(result.file, result.document);
    onResult?.(result);
    return result;
  };
  if (fit) {
    const results = await build(sources, { ...rest, outputs: ['summary'], html: false, onResult: (result) => finish(result) });
    return results.map(({ path: input, file, document, ms }) => ({ path: input, file, document, ms }));
  }
  // As `build` reads and parses, with its limits: in a parsing worker, one document at a time.
  const limits = resolveOptions(rest.defaults, { allowNet: rest.allowNet, maxInputSize: rest.maxInputSize, timeout: rest.timeout, fonts: rest.fonts });
  const { css: fontCss } = await fontSet(limits.fonts);
  const results: CheckResult[] = [];
  for (const source of sources) {
    const started = performance.now();
    const file = await readSource(source, limits.maxInputSize);
    let document: BriefDocument | undefined;
    try {
      document = await withTimeLimit((deadline) => parseFile(file, limits.allowNet, deadline), limits.timeout);
    } catch (error: unknown) {
      if (!file.messages.includes(error as never)) file.message(errorMessage(error), { ruleId: 'parse', source: 'briefpress' }).fatal = true;
    }
    if (document) warnMissingGlyphs(file, fontCss);
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
    file.message(`link to \`${url}\` names no section (the anchors are the level-2 headings: ${known})`, { place, ruleId: 'link-anchor', source: 'briefpress' }).fatal = true;
  }
  for (const message of file.messages) if (message.ruleId === 'image-path') message.fatal = true;
  file.messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
