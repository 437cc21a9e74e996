import { loadPdf } from './load.js';

/** How far over the limit the estimate must be to stop before printing (see `readPagesAtLeast` in src/browser/read-pages.ts). */
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
