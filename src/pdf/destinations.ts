import { createHash } from 'node:crypto';
import { PDFDict, type PDFDocument, PDFName } from 'pdf-lib';

/** PDF's limit for a name (ISO 32000-1, Annex C): poppler warns past it, and PDF/A forbids it. */
const longestName = 127;

/**
 * Give each named destination whose name is too long a short one, in the catalog's `/Dests` and in
 * every link to it (`/Dest`, which is what Chromium writes). Chromium names a destination after the
 * link's fragment, percent-encoded, so a heading in Hindi or Russian makes a name of a few hundred
 * bytes. The short name is a hash of the long one, so the same input keeps the same bytes; names
 * that fit are kept, so `brief.pdf#nameddest=section-id` still opens at an ASCII section.
 */
export function shortenDestinationNames(doc: PDFDocument): void {
  const { context } = doc;
  const dests = context.lookupMaybe(doc.catalog.get(PDFName.of('Dests')), PDFDict);
  const entries = dests?.entries() ?? [];
  const renamed = new Map<PDFName, PDFName>();
  for (const [name] of entries) {
    const bytes = name.asBytes();
    if (bytes.length > longestName)
      renamed.set(name, PDFName.of(`d-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}`));
  }
  if (!dests || renamed.size === 0) return;
  // Rebuilt in the same order, only the long names changed.
  for (const [name] of entries) dests.delete(name);
  for (const [name, value] of entries) dests.set(renamed.get(name) ?? name, value);
  for (const [, object] of context.enumerateIndirectObjects()) {
    const dest = object instanceof PDFDict ? object.get(PDFName.of('Dest')) : undefined;
    const next = dest instanceof PDFName ? renamed.get(dest) : undefined;
    if (next) (object as PDFDict).set(PDFName.of('Dest'), next);
  }
}
