import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { safeDecode } from '../source/paths.js';

/**
 * Give every link annotation a `/Contents`: the text of the link on the page, which is what a screen
 * reader announces for it (PDF/UA-1 7.18.1 and 7.18.5). `texts` maps a link's target, as
 * {@link linkKey} writes it, to its text; a link not found there is described by its target.
 * Runs before the destination names are shortened, while a `/Dest` is still the link's fragment.
 */
export function describeLinks(doc: PDFDocument, texts: ReadonlyMap<string, string>): void {
  const { context } = doc;
  for (const page of doc.getPages()) {
    const annots = context.lookupMaybe(page.node.get(PDFName.of('Annots')), PDFArray);
    for (const ref of annots?.asArray() ?? []) {
      const annot = context.lookupMaybe(ref, PDFDict);
      if (!annot || annot.get(PDFName.of('Subtype')) !== PDFName.of('Link') || annot.has(PDFName.of('Contents')))
        continue;
      const uri = context.lookupMaybe(annot.get(PDFName.of('A')), PDFDict)?.get(PDFName.of('URI'));
      const dest = annot.get(PDFName.of('Dest'));
      const href =
        uri instanceof PDFString || uri instanceof PDFHexString
          ? uri.decodeText()
          : dest instanceof PDFName
            ? `#${dest.decodeText()}`
            : undefined;
      if (href === undefined) continue;
      const text = texts.get(linkKey(href)) || (href.startsWith('#') ? `Link to ${href.slice(1)}` : `Link to ${href}`);
      annot.set(PDFName.of('Contents'), PDFHexString.fromText(text));
    }
  }
}

/** A link's target as both the page's `href` and Chromium's annotation give it: fragments percent-decoded. */
export function linkKey(href: string): string {
  return href.startsWith('#') ? `#${safeDecode(href.slice(1))}` : href;
}
