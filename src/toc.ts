import type { BriefDocument } from './document-model.js';
import { loadPdf } from './pdf-metadata.js';
import { outlineEntries } from './pdf-outline.js';

/** Briefs of at least this many words (about six printed pages) get a table of contents. */
export const tocMinWords = 2500;

/** One line of the table of contents: a numbered section and the page it starts on. */
export interface TocEntry {
  id: string;
  number: number;
  heading: string;
  /** Empty in the first print, which only measures. */
  page: string;
}

/** The contents of a long brief, pages still unknown; undefined for a short one. */
export function tocEntries(document: BriefDocument): TocEntry[] | undefined {
  if (document.wordCount < tocMinWords || document.sections.length < 2) return undefined;
  return document.sections.map(({ id, number, heading }) => ({ id, number, heading, page: '' }));
}

/**
 * Fill in the pages from a first print. Chromium has no `target-counter()`, but its outline
 * knows the page of every heading: each section is found there by its numbered title. The
 * first print already holds the contents with blank page numbers in a fixed-width column, so
 * the second print lays out the same and the numbers stay true.
 */
export async function withPages(entries: TocEntry[], firstPrint: Uint8Array): Promise<TocEntry[]> {
  const squash = (text: string) => text.replace(/\s+/g, '').toLocaleLowerCase();
  // Each title squashed once, the first bookmark of a title kept: a lookup per section, not a scan.
  const pages = new Map<string, number>();
  for (const { title, page } of outlineEntries(await loadPdf(firstPrint))) if (!pages.has(squash(title))) pages.set(squash(title), page);
  return entries.map((entry) => {
    const page = pages.get(squash(`${entry.number} ${entry.heading}`));
    return { ...entry, page: page ? String(page) : '' };
  });
}
