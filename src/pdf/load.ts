import { ParseSpeeds, PDFDocument } from 'pdf-lib';

/**
 * A PDF from Chromium, loaded as printed (its metadata left alone) and parsed in one go: pdf-lib
 * otherwise pauses on a timer every 100 objects, which only a PDF far larger than a brief would need.
 */
export function loadPdf(pdf: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}
