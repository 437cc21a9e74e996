import type { PrintPage } from './print-job.js';

/**
 * Fewer pages than the document will print on, measured on the loaded page before printing: its
 * height over a whole page's (`pageHeight`, CSS pixels; margins and page breaks only add pages). The
 * viewport may be narrower than the printed column (the summary's fitting sets it), which lengthens
 * the page; hence the margin the caller allows before refusing. Printing is what takes minutes and
 * gigabytes for a pathological document, so a document far over the limit is stopped without it.
 */
export async function readPagesAtLeast(page: PrintPage, pageHeight: number): Promise<number> {
  const height = await page.evaluate<number>('document.documentElement.scrollHeight');
  return Math.floor(height / pageHeight);
}
