import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import { cache } from '../caches.js';
import { defaultTemplates, type OutputKind } from '../config/options.js';
import { BriefpressError } from '../errors.js';
import type { Labels } from '../labels/labels.js';
import type { BriefDocument } from '../markdown/document-model.js';
import { createEnvironment } from './template-helpers.js';
import type { TocEntry } from './toc.js';

/** What every template receives. Document text in it is data: Handlebars never evaluates it. */
export interface TemplateData {
  doc: BriefDocument;
  kind: OutputKind;
  /** The organisation named on the masthead and in the citation; empty when there is none. */
  organisation: string;
  /** Any CSS colour; write it as `{{{cssColor accent}}}`. */
  accent: string;
  /** The logo as a `data:` URL, when one is configured. */
  logo?: string;
  /** CSS `@page` size keyword: `A4` or `letter`. */
  pageSize: string;
  /** `@font-face` rules, base and kind CSS, composed. */
  css: string;
  /** Where the fonts' files are served from: the CSP's `font-src` must allow it. */
  fontOrigin: string;
  /** File name of the full brief, for the summary's pointer line. */
  briefFile: string;
  /** `briefpress <version>`. */
  generator: string;
  /** Whether the page may load `http(s)` images (the CSP follows it). @default false */
  allowNet?: boolean;
  /** The brief's table of contents, for long briefs only. */
  toc?: TocEntry[];
  /** The furniture's words in the document's language: `{{t "keyTakeaways"}}`. */
  labels?: Labels;
  /** The page's direction (`rtl` mirrors the layout). */
  dir?: 'ltr' | 'rtl';
}

export interface Templates {
  render(kind: OutputKind, data: Omit<TemplateData, 'css' | 'kind'> & { fontCss: string }): string;
}

const compiledTemplates = cache<string, Promise<Templates>>();

/**
 * The shipped templates' code, made when `dist/` was built (scripts/precompile-templates.ts), by
 * {@link templateKey} of their source: compiling them would be part of every cold build. Absent when running
 * from source; a template that is not in it (a user's, or one edited since) is compiled as it loads.
 */
const shipped: Promise<Record<string, string>> = readFile(
  new URL('./templates.precompiled.json', import.meta.url),
  'utf8',
).then(
  (text) => JSON.parse(text) as Record<string, string>,
  () => ({}),
);

/**
 * Load and compile the templates once per process: `partials/*.hbs`, `base.css`, and for each
 * kind `KIND/layout.hbs`, `KIND/*.hbs` (partials) and `KIND/style.css`. A folder other than the
 * default is laid over it file by file, so it may hold only the files it changes.
 */
export function loadTemplates(dir: string = defaultTemplates): Promise<Templates> {
  let templates = compiledTemplates.get(dir);
  if (!templates) {
    templates = compile([...new Set([defaultTemplates, path.resolve(dir)])]);
    compiledTemplates.set(dir, templates);
  }
  return templates;
}

async function compile(layers: string[]): Promise<Templates> {
  const kinds: OutputKind[] = ['brief', 'summary'];
  /** The file from the last layer that has it, and its path. */
  const locate = async (file: string) => {
    for (const dir of [...layers].reverse()) {
      const text = await readFile(path.join(dir, file), 'utf8').catch(() => undefined);
      if (text !== undefined) return { text, where: path.join(dir, file) };
    }
    throw new Error(`template file ${file} is missing from ${layers.join(' and ')}`);
  };
  const read = async (file: string) => (await locate(file)).text;
  const code = await shipped;
  /** `[name, compiled]` of the partials in `folder` of every layer, in layer order. */
  const partials = async (folder: string) =>
    (await Promise.all(layers.map((dir) => readPartials(path.join(dir, folder)))))
      .flat()
      .map(([name, where, source]) => [name, precompile(source, where, code)] as const);
  const base = await read('base.css');
  const shared = await partials('partials');
  const compiled = await Promise.all(
    kinds.map(async (kind) => {
      const env = createEnvironment();
      // Later registrations win: a user's partial replaces the default of the same name.
      for (const [name, spec] of [...shared, ...(await partials(kind))]) env.registerPartial(name, env.template(spec));
      const { text, where } = await locate(path.join(kind, 'layout.hbs'));
      const layout = env.template(precompile(text, where, code));
      const css = `${base}\n${await read(path.join(kind, 'style.css'))}`;
      return [kind, { layout, css }] as const;
    }),
  );
  const byKind = new Map(compiled);
  return {
    render(kind, { fontCss, ...data }) {
      const { layout, css } = byKind.get(kind)!;
      return layout({ ...data, kind, css: `${fontCss}\n${css}` });
    },
  };
}

/**
 * A template compiled now, once for every kind that uses it: `compile()` would wait for the first
 * render, which in a cold build comes right after the parse, where the browser waits for it;
 * the templates load earlier, while the browser starts. The source is trusted: the templates are the
 * project's, never the document's. A syntax error names the file, on one line (Handlebars quotes the
 * line and points at the column).
 */
function precompile(source: string, where: string, shipped: Record<string, string>): TemplateSpecification {
  let code = shipped[templateKey(source)];
  try {
    code ??= templateCode(source);
  } catch (error: unknown) {
    const [first = '', ...rest] = (error instanceof Error ? error.message : String(error)).split('\n');
    throw new BriefpressError(
      `${where}: ${[first, ...(first.startsWith('Parse error') ? rest.slice(2) : rest)].join(' ')}`,
    );
  }
  return new Function(`return ${code}`)() as TemplateSpecification;
}

/** A template's code, as JavaScript source; throws Handlebars' error for one that does not parse. */
export function templateCode(source: string): string {
  // `precompile` returns the code as a string (its type says otherwise).
  return String(Handlebars.precompile(source, { strict: false }));
}

/** What a template's shipped code is found by: its source's hash. */
export function templateKey(source: string): string {
  return createHash('sha256').update(source).digest('hex');
}

/** `[name, path, source]` of each partial in `dir`. */
async function readPartials(dir: string): Promise<Array<[string, string, string]>> {
  const names = (await readdir(dir).catch(() => [])).filter((name) => name.endsWith('.hbs') && name !== 'layout.hbs');
  return Promise.all(
    names
      .sort()
      .map(
        async (name) =>
          [path.basename(name, '.hbs'), path.join(dir, name), await readFile(path.join(dir, name), 'utf8')] as [
            string,
            string,
            string,
          ],
      ),
  );
}
