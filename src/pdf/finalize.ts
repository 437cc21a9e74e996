import { PDFName, PDFString, PDFWriter } from 'pdf-lib';
import { shortenDestinationNames } from './destinations.js';
import { loadPdf } from './load.js';
import { repairOutlineTitles } from './outline.js';
import { makeReproducible } from './reproducible.js';

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
}

/**
 * Set the document's metadata on a PDF from Chromium, repair its outline, shorten its long
 * destination names, make its bytes depend on the input only, and count its pages.
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
  shortenDestinationNames(doc);
  makeReproducible(doc);
  // What `doc.save()` does for a document that embeds nothing, without its pauses every 50 objects (a
  // timer each, ≈ 20 ms a brief), and with the objects written out as Chromium wrote them rather than
  // packed into compressed object streams: those saved a quarter of the bytes (the seed's brief is 96 KB
  // instead of 73, far inside its 250 KB), but deflating them in JavaScript was a third of this step.
  const bytes = await PDFWriter.forContext(doc.context, Infinity).serializeToBuffer();
  return { bytes, pages: doc.getPageCount() };
}

/** The date a build stamps: `SOURCE_DATE_EPOCH` when set, else the document's date, else the epoch. */
export function buildDate(documentDate: string | undefined, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(documentDate ? `${documentDate}T00:00:00Z` : 0);
}
