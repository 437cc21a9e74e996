import type { BriefDocument } from '../markdown/document-model.js';

/** Briefs of at least this many words (about six printed pages) get a table of contents. */
export const tocMinWords = 2500;

/** One line of the table of contents: a numbered section and the page it starts on. */
export interface TocEntry {
  id: string;
  number: number;
  heading: string;
  /** The section's number and heading as printed (see `markSections`); a custom partial may use either pair. */
  mark: string;
  title: string;
  /** Empty in the first print, which only measures. */
  page: string;
}

/** The contents of a long brief, pages still unknown; undefined for a short one. */
export function tocEntries(document: BriefDocument): TocEntry[] | undefined {
  // A contents marker in the document (`{:toc}`, `[TOC]`) asks for the contents whatever its length.
  const wanted = document.wordCount >= tocMinWords || document.inferred?.contentsMarked;
  if (!wanted || document.sections.length < 2) return undefined;
  return document.sections.map(({ id, number, heading, mark, title }) => ({
    id,
    number,
    heading,
    mark,
    title,
    page: '',
  }));
}

/** The entries with their pages (id → page, from the first print: see src/pdf/toc-pages.ts); a page not found stays blank. */
export function withPages(entries: TocEntry[], pages: Map<string, number>): TocEntry[] {
  return entries.map((entry) => {
    const page = pages.get(entry.id);
    return { ...entry, page: page ? String(page) : '' };
  });
}
