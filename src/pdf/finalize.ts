import { PDFName, PDFString } from 'pdf-lib';
import { declareConformance, serializeWithId } from './archival.js';
import { markUntaggedAsArtifacts } from './artifacts.js';
import { shortenDestinationNames } from './destinations.js';
import { describeLinks, linkKey } from './link-descriptions.js';
import { loadPdf } from './load.js';
import { repairOutlineTitles } from './outline.js';
import { makeReproducible } from './reproducible.js';
import { repairStructure } from './structure.js';
import { repairToUnicode } from './to-unicode.js';

export interface PdfMetadata {
  title: string;
  /** The organisation; none when there is none. */
  author?: string;
  subject?: string;
  keywords: string[];
  /** BCP 47 tag, written as the catalog's `/Lang`. */
  lang: string;
  /** `briefpress <version>`, written as Creator and Producer. */
  creator: string;
  /** CreationDate and ModDate: fixed, so the same input gives the same bytes. */
  date: Date;
  /** The document's headings in order, to give the outline their exact text (see `headingTitles`). */
  headings?: string[];
  /** Each link of the page as `[href, text]` (see `readLinks`): the link annotations' descriptions. */
  links?: Array<[string, string]>;
}

/**
 * Set the document's metadata on a PDF from Chromium, repair its outline, shorten its long
 * destination names, make it conform to PDF/UA-1 and PDF/A-2b (see docs/accessibility.md), make its
 * bytes depend on the input only, and count its pages.
 */
export async function finalizePdf(pdf: Uint8Array, meta: PdfMetadata): Promise<{ bytes: Uint8Array; pages: number }> {
  const doc = await loadPdf(pdf);
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author) doc.setAuthor(meta.author);
  if (meta.subject) doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setCreator(meta.creator);
  doc.setProducer(meta.creator);
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  doc.catalog.set(PDFName.of('Lang'), PDFString.of(meta.lang));
  if (meta.headings) repairOutlineTitles(doc, meta.headings);
  // Before the names are shortened: a link to a section is matched to its text by the section's id.
  describeLinks(doc, linkTexts(meta.links ?? []));
  shortenDestinationNames(doc);
  markUntaggedAsArtifacts(doc);
  repairStructure(doc);
  repairToUnicode(doc);
  declareConformance(doc, { ...meta, keywords: meta.keywords.join(' ') });
  // Last, so the objects made above are renumbered too.
  makeReproducible(doc);
  // What `doc.save()` does for a document that embeds nothing, without its pauses every 50 objects (a
  // timer each), and with the objects written out as Chromium wrote them rather than packed into
  // compressed object streams: those save about a quarter of the bytes (briefs stay far inside their
  // size budget without), but deflating them in JavaScript costs a large part of this step.
  const bytes = await serializeWithId(doc);
  return { bytes, pages: doc.getPageCount() };
}

/**
 * Each target's text. A target linked twice (a source in the text, then its URL in the notes) is
 * described by its first link, the words the author chose for it.
 */
function linkTexts(links: Array<[string, string]>): Map<string, string> {
  const texts = new Map<string, string>();
  for (const [href, text] of links) if (text && !texts.has(linkKey(href))) texts.set(linkKey(href), text);
  return texts;
}

/** The date a build stamps: `SOURCE_DATE_EPOCH` when set, else the document's date, else the epoch. */
export function buildDate(documentDate: string | undefined, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(documentDate ? `${documentDate}T00:00:00Z` : 0);
}
