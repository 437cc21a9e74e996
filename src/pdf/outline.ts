import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';

/** One bookmark of a PDF's outline, in reading order (depth first). */
interface OutlineEntry {
  title: string;
  /** 1-based page its destination points to; 0 when it has none. */
  page: number;
  item: PDFDict;
}

/** The outline's bookmarks in reading order. */
function outlineEntries(doc: PDFDocument): OutlineEntry[] {
  const pages = new Map(doc.getPages().map((page, index) => [page.ref.toString(), index + 1]));
  const entries: OutlineEntry[] = [];
  const walk = (ref: unknown): void => {
    for (let item = lookupDict(doc, ref); item; item = lookupDict(doc, item.get(PDFName.of('Next')))) {
      const title = item.get(PDFName.of('Title'));
      const dest = item.get(PDFName.of('Dest'));
      const target = dest instanceof PDFArray ? dest.get(0) : undefined;
      entries.push({
        item,
        title: title instanceof PDFHexString || title instanceof PDFString ? title.decodeText() : '',
        page: target instanceof PDFRef ? (pages.get(target.toString()) ?? 0) : 0,
      });
      walk(item.get(PDFName.of('First')));
    }
  };
  walk(lookupDict(doc, doc.catalog.get(PDFName.of('Outlines')))?.get(PDFName.of('First')));
  return entries;
}

/**
 * Give every bookmark the exact text of its heading. Chromium builds titles from the laid-out
 * text, so a line break inside a heading loses its space ("StrategicReset"), a flex gap after a
 * section number gives "1What…", and `text-transform` shows up in capitals. A bookmark is matched
 * to the next heading whose letters agree with it once spaces and case are ignored.
 */
export function repairOutlineTitles(doc: PDFDocument, headings: string[]): void {
  const squash = (text: string) => text.replace(/\s+/g, '').toLocaleLowerCase();
  let next = 0;
  for (const entry of outlineEntries(doc)) {
    const at = headings.findIndex((heading, index) => index >= next && squash(heading) === squash(entry.title));
    if (at < 0) continue;
    next = at + 1;
    if (headings[at] !== entry.title) entry.item.set(PDFName.of('Title'), PDFHexString.fromText(headings[at]!));
  }
}

function lookupDict(doc: PDFDocument, value: unknown): PDFDict | undefined {
  const object = value instanceof PDFRef ? doc.context.lookup(value) : value;
  return object instanceof PDFDict ? object : undefined;
}
