import type { PrintPage } from '../browser/renderer.js';
import type { PageFormat } from '../config/options.js';
import { loadPdf } from './load.js';

/** A page's height in CSS pixels: the laid-out page can hold no more than this much of the document. */
const pageHeight: Record<PageFormat, number> = { a4: (297 / 25.4) * 96, letter: 11 * 96 };

/**
 * Fewer pages than the document will print on, measured on the loaded page before printing: its
 * height over a whole page's (margins and page breaks only add pages). The viewport may be narrower
 * than the printed column (the summary's fitting sets it), which lengthens the page; hence the
 * margin before refusing. Printing is what takes minutes and gigabytes for a pathological document,
 * so a document this far over the limit is stopped without it.
 */
export async function pagesAtLeast(page: PrintPage, format: PageFormat): Promise<number> {
  const height = await page.evaluate<number>('document.documentElement.scrollHeight');
  return Math.floor(height / pageHeight[format]);
}

/** How far over the limit the estimate must be to stop before printing (see `pagesAtLeast`). */
export const estimateMargin = 1.5;

/**
 * The number of pages of a PDF Chromium printed: its page tree's `/Count` (the root's is the
 * largest), read from the bytes, which costs far less than parsing the file; pdf-lib counts when
 * the bytes do not say.
 */
export async function countPages(pdf: Uint8Array): Promise<number> {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  let most = 0;
  for (const match of text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g))
    most = Math.max(most, Number(match[1] ?? match[2]));
  return most > 0 ? most : (await loadPdf(pdf)).getPageCount();
}

/** The error of an output over the page limit, saying what to do. */
export function overLimit(kind: string, pages: number, limit: number, atLeast = false): string {
  return `the ${kind} ${atLeast ? 'would have at least' : 'has'} ${pages} pages, over the limit of ${limit}: split the document, or raise the limit (--max-pages)`;
}
