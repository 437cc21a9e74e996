import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';

/** A `bfchar`/`bfrange` target that is no character: U+0000, U+FEFF or U+FFFE. */
const noCharacter = /(<[0-9A-Fa-f]+>\s*)<(?:0000|[Ff][Ee][Ff][Ff]|[Ff][Ff][Ff][Ee])>/g;

/**
 * Map the glyphs a font's ToUnicode CMap gives as U+0000 (or U+FEFF, U+FFFE) to U+FFFD instead, as
 * PDF/UA-1 (7.21.7) asks. Skia maps the second glyph of a shaped cluster (a Devanagari vowel sign's
 * variant, say) to U+0000; the cluster's text is in the `/ActualText` around it, so nothing is lost.
 */
export function repairToUnicode(doc: PDFDocument): void {
  const { context } = doc;
  const seen = new Set<PDFRef>();
  for (const [, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    const ref = object.get(PDFName.of('ToUnicode'));
    if (!(ref instanceof PDFRef) || seen.has(ref)) continue;
    seen.add(ref);
    const stream = context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) continue;
    const filter = stream.dict.get(PDFName.of('Filter'));
    const flate =
      filter === PDFName.of('FlateDecode') ||
      (filter instanceof PDFArray && filter.size() === 1 && filter.get(0) === PDFName.of('FlateDecode'));
    if (filter !== undefined && !flate) continue;
    const cmap = Buffer.from(flate ? inflateSync(stream.getContents()) : stream.getContents()).toString('latin1');
    const repaired = cmap.replace(noCharacter, '$1<FFFD>');
    if (repaired !== cmap) context.assign(ref, context.flateStream(Buffer.from(repaired, 'latin1')));
  }
}
