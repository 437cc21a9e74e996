import { PDFArray, PDFDict, PDFName, PDFRef } from 'pdf-lib';
import { safeDecode } from '../source/paths.js';
import { loadPdf } from './load.js';

/**
 * The page each link target of a first print lands on, by its id: what fills in the contents' page
 * numbers (see `withPages` in src/render/toc.ts). Chromium has no `target-counter()`, but every line of the
 * contents links to its section, and Chromium writes each link target as a named destination
 * (the catalog's `/Dests`) with its page, painted or not. That print only lays out (nothing painted,
 * untagged, no outline: `layoutOnly`), which costs a fraction of a full print; it holds the contents
 * with blank page numbers in a fixed-width column, so the second print lays out the same and the
 * numbers stay true.
 */
export async function destinationPages(firstPrint: Uint8Array): Promise<Map<string, number>> {
  const doc = await loadPdf(firstPrint);
  const pageNumbers = new Map(doc.getPages().map((page, index) => [page.ref, index + 1]));
  const pages = new Map<string, number>();
  const dests = doc.context.lookupMaybe(doc.catalog.get(PDFName.of('Dests')), PDFDict);
  for (const [name, value] of dests?.entries() ?? []) {
    const target = doc.context.lookupMaybe(value, PDFArray)?.get(0);
    if (target instanceof PDFRef) pages.set(idOf(name), pageNumbers.get(target) ?? 0);
  }
  return pages;
}

/** Chromium names a destination by the link's fragment, percent-encoded: `#россия` becomes `/%D1%80…`. */
function idOf(name: PDFName): string {
  return safeDecode(Buffer.from(name.asBytes()).toString('latin1'));
}
