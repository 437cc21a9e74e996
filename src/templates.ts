import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { BriefDocument } from './document-model.js';
import type { OutputKind } from './options.js';

/** What every template receives. Document text in it is data: Handlebars never evaluates it. */
export interface TemplateData {
  doc: BriefDocument;
  kind: OutputKind;
  /** The organisation named on the masthead and in the citation. */
  organisation: string;
  accent: string;
  /** CSS `@page` size keyword: `A4` or `letter`. */
  pageSize: string;
  /** `@font-face` rules, base and kind CSS, composed. */
  css: string;
  /** File name of the full brief, for the summary's pointer line. */
  briefFile: string;
  /** `briefpress <version>`. */
  generator: string;
}

export interface Templates {
  render(kind: OutputKind, data: Omit<TemplateData, 'css' | 'kind'> & { fontCss: string }): string;
}

const cache = new Map<string, Promise<Templates>>();

/**
 * Load and compile the templates of a folder once per process: `partials/*.hbs`, `base.css`,
 * and for each kind `KIND/layout.hbs`, `KIND/*.hbs` (partials) and `KIND/style.css`.
 */
export function loadTemplates(dir: string): Promise<Templates> {
  let templates = cache.get(dir);
  if (!templates) {
    templates = compile(dir);
    cache.set(dir, templates);
  }
  return templates;
}

async function compile(dir: string): Promise<Templates> {
  const kinds: OutputKind[] = ['brief', 'summary'];
  const base = await readFile(path.join(dir, 'base.css'), 'utf8');
  const shared = await readPartials(path.join(dir, 'partials'));
  const compiled = await Promise.all(
    kinds.map(async (kind) => {
      const env = createEnvironment();
      for (const [name, source] of [...shared, ...(await readPartials(path.join(dir, kind)))]) env.registerPartial(name, source);
      const layout = env.compile(await readFile(path.join(dir, kind, 'layout.hbs'), 'utf8'), { strict: false });
      const css = `${base}\n${await readFile(path.join(dir, kind, 'style.css'), 'utf8')}`;
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

async function readPartials(dir: string): Promise<Array<[string, string]>> {
  const names = (await readdir(dir).catch(() => [])).filter((name) => name.endsWith('.hbs') && name !== 'layout.hbs');
  return Promise.all(names.sort().map(async (name) => [path.basename(name, '.hbs'), await readFile(path.join(dir, name), 'utf8')] as [string, string]));
}

function createEnvironment(): typeof Handlebars {
  const env = Handlebars.create();
  const dateFormat = (lang: string, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(lang, { ...options, timeZone: 'UTC' });
  /** `{{date meta.date meta.lang}}` → "4 December 2025". */
  env.registerHelper('date', (value: unknown, lang: unknown) =>
    typeof value === 'string' ? dateFormat(String(lang || 'en'), { dateStyle: 'long' }).format(new Date(value)) : '',
  );
  /** `{{monthYear meta.date meta.lang}}` → "December 2025". */
  env.registerHelper('monthYear', (value: unknown, lang: unknown) =>
    typeof value === 'string' ? dateFormat(String(lang || 'en'), { month: 'long', year: 'numeric' }).format(new Date(value)) : '',
  );
  /** `{{{cssString text}}}`: text as a quoted CSS string, safe inside `<style>` (for margin boxes). */
  env.registerHelper('cssString', (value: unknown) =>
    `"${String(value ?? '').replace(/[\\"<>\n\r\f]/g, (char) => `\\${char.charCodeAt(0).toString(16)} `)}"`,
  );
  /** `{{{cssColor accent}}}`: a colour from the options, or the default if it could break out of CSS. */
  env.registerHelper('cssColor', (value: unknown) => (/^[#\w(),.%\s-]+$/.test(String(value)) ? String(value) : '#8c2331'));
  /** `{{seriesLine doc.meta}}` → "Policy Brief No. 2025/01". */
  env.registerHelper('seriesLine', (meta: { series?: string; number?: string }) => [meta.series, meta.number && `No. ${meta.number}`].filter(Boolean).join(' '));
  env.registerHelper('lower', (value: unknown) => String(value ?? '').toLowerCase());
  env.registerHelper('year', (value: unknown) => (typeof value === 'string' ? value.slice(0, 4) : ''));
  env.registerHelper('join', (list: unknown, separator: unknown) => (Array.isArray(list) ? list.join(String(separator)) : ''));
  env.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).find(Boolean));
  return env;
}
