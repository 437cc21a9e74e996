import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cache } from '../caches.js';
import type { CiteItem } from './citation-syntax.js';

/**
 * The CSL processor (citeproc-js, CPAL-1.0 or AGPL-1.0 at the user's choice: see docs/writing.md)
 * and the BibTeX reader (citation-js, MIT), loaded on the first document that cites: a brief
 * without a bibliography never loads them.
 */
const require = createRequire(import.meta.url);

/** The shipped styles and locales (CC BY-SA 3.0, from the CSL project: see csl/README.md). */
const shipped = new URL(import.meta.url.endsWith('.ts') ? '../../csl/' : '../csl/', import.meta.url);
export const defaultStyle = 'chicago-author-date';
/** Style names that need no file: `csl: chicago-notes` in front matter. */
export const shippedStyles: Record<string, string> = {
  'chicago-author-date': 'chicago-author-date.csl',
  'chicago-notes': 'chicago-notes-bibliography.csl',
  'chicago-notes-bibliography': 'chicago-notes-bibliography.csl',
};
const locales = [
  'en-US',
  'en-GB',
  'fr-FR',
  'de-DE',
  'es-ES',
  'pt-PT',
  'it-IT',
  'nl-NL',
  'pl-PL',
  'ja-JP',
  'zh-CN',
  'ko-KR',
  'ar',
];

const shippedText = cache<string, string>();
function readShipped(name: string): string {
  let text = shippedText.get(name);
  if (text === undefined) {
    text = readFileSync(new URL(name, shipped), 'utf8');
    shippedText.set(name, text);
  }
  return text;
}

export function shippedStyle(name: string): string {
  return readShipped(shippedStyles[name]!);
}

/** The shipped locale nearest to a language tag: `en-GB`, then `en` → `en-US`; else en-US. */
function localeFile(tag: string): string {
  const exact = locales.find((locale) => locale.toLowerCase() === tag.toLowerCase());
  const language = tag.split('-')[0]!.toLowerCase();
  const near = exact ?? locales.find((locale) => locale.split('-')[0]!.toLowerCase() === language);
  return `locales-${near ?? 'en-US'}.xml`;
}

/** A CSL-JSON item: what citeproc reads. */
export interface CslItem {
  id: string;
  [field: string]: unknown;
}

/** Why a bibliography could not be read, and where in it when the reader says. */
export class BibliographyError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

/** A `.bib`/`.bibtex` (BibTeX or BibLaTeX) or `.json` (CSL-JSON) file's text → its items. */
export function readBibliography(text: string, name: string): CslItem[] {
  if (/\.json$/i.test(name)) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error: unknown) {
      throw new BibliographyError(`not valid JSON (${(error as Error).message})`);
    }
    if (!Array.isArray(data) || data.some((item) => typeof item?.id !== 'string' && typeof item?.id !== 'number'))
      throw new BibliographyError('expected CSL-JSON: a list of items, each with an `id`');
    return data.map((item) => ({ ...item, id: String(item.id) }));
  }
  if (!/\.(bib|bibtex)$/i.test(name)) throw new BibliographyError('is neither BibTeX (.bib) nor CSL-JSON (.json)');
  const { plugins } = require('@citation-js/core') as {
    plugins: { input: { chain(text: string, options: object): unknown } };
  };
  require('@citation-js/plugin-bibtex');
  try {
    return plugins.input.chain(text, { forceType: '@bibtex/text', generateGraphics: false }) as CslItem[];
  } catch (error: unknown) {
    const message = String((error as Error).message ?? error);
    const at = /at line (\d+) col (\d+)/.exec(message);
    throw new BibliographyError(
      message
        .split('\n')[0]!
        .replace(/\s*at line \d+ col \d+:?$/, '')
        .replace(/:$/, ''),
      Number(at?.[1]) || undefined,
      Number(at?.[2]) || undefined,
    );
  }
}

/** One citation of the document: what citeproc takes, in reading order. */
export interface Citation {
  items: CiteItem[];
  /** The footnote number it sits in (a note style's numbering). */
  noteIndex: number;
  /** Print only the authors (the `@key` form's name in the sentence). */
  authorOnly?: boolean;
}

export interface Rendered {
  /** Each citation as HTML, in the order given. */
  citations: string[];
  /** The bibliography's entries as HTML, sorted by the style. */
  entries: string[];
  /** Whether the style puts its citations in notes. */
  notes: boolean;
}

/** Whether a style's XML is a note style (its citations go in the endnotes). */
export function isNoteStyle(style: string): boolean {
  return /<style\b[^>]*\bclass="note"/.test(style);
}

/** Run citeproc over a document's citations. Throws when the style is not a CSL style it can read. */
export function renderCitations(items: CslItem[], style: string, lang: string, citations: Citation[]): Rendered {
  const CSL = require('citeproc') as { Engine: new (...args: unknown[]) => CiteprocEngine };
  const byId = new Map(items.map((item) => [item.id, item]));
  const sys = {
    retrieveLocale: (tag: string) => readShipped(localeFile(tag)),
    retrieveItem: (id: string) => byId.get(id),
  };
  const engine = new CSL.Engine(sys, style, localeFile(lang).replace(/^locales-|\.xml$/g, ''));
  const clusters = citations.map(({ items, noteIndex, authorOnly }, index) => ({
    citationID: `c${index}`,
    citationItems: items.map((item) => (authorOnly ? { id: item.id, 'author-only': true } : item)),
    properties: { noteIndex },
  }));
  const out = engine.rebuildProcessorState(clusters, 'html');
  const text = new Map(out.map(([id, , html]) => [id, html]));
  const bibliography = engine.makeBibliography();
  return {
    citations: clusters.map(({ citationID }) => text.get(citationID) ?? ''),
    entries: bibliography ? bibliography[1].map((entry) => entry.trim()) : [],
    notes: isNoteStyle(style),
  };
}

interface CiteprocEngine {
  rebuildProcessorState(citations: unknown[], format: string): Array<[string, number, string]>;
  makeBibliography(): [unknown, string[]] | false;
}
