import { PDFArray, PDFDict, type PDFDocument, PDFName, type PDFObject, PDFRef, PDFStream, PDFString } from 'pdf-lib';

/** Chromium's structure element IDs (`node` and eight digits): DOM node IDs, counted per page. */
const structureId = /^node\d{8}$/;

/**
 * Make a Chromium PDF's bytes depend on the document only. The renderer reuses pages, and what a
 * page printed before leaks into the tagged output twice: the structure element IDs (`/ID` of
 * table headers, the cells' `/Headers`, the `/IDTree`) keep counting, and the objects holding
 * them come out in another order. So the IDs are renumbered in reading order and every object is
 * renumbered in the order it is reached from the trailer.
 */
export function makeReproducible(doc: PDFDocument): void {
  renumberStructureIds(doc);
  renumberObjects(doc);
}

function renumberStructureIds(doc: PDFDocument): void {
  const { context } = doc;
  const root = context.lookupMaybe(doc.catalog.get(PDFName.of('StructTreeRoot')), PDFDict);
  if (!root) return;
  const renamed = new Map<string, PDFString>();
  const elements: Array<[PDFString, PDFRef]> = [];
  // Reading order is the structure tree's own order, depth first.
  const walk = (kids: PDFObject | undefined): void => {
    const list = kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : [];
    for (const kid of list) {
      const element = kid instanceof PDFRef ? context.lookup(kid) : kid;
      if (!(element instanceof PDFDict) || !element.has(PDFName.of('S'))) continue;
      const id = element.get(PDFName.of('ID'));
      if (id instanceof PDFString && structureId.test(id.asString()) && !renamed.has(id.asString())) {
        const next = PDFString.of(`node${String(renamed.size + 1).padStart(8, '0')}`);
        renamed.set(id.asString(), next);
        if (kid instanceof PDFRef) elements.push([next, kid]);
      }
      walk(element.get(PDFName.of('K')));
    }
  };
  walk(root.get(PDFName.of('K')));
  if (renamed.size === 0) return;

  const seen = new Set<PDFObject>();
  const replaceIn = (object: PDFObject): void => {
    if (seen.has(object)) return;
    seen.add(object);
    const entries: Array<[PDFObject, (value: PDFObject) => void]> =
      object instanceof PDFDict ? object.entries().map(([key, value]) => [value, (next) => object.set(key, next)])
      : object instanceof PDFArray ? object.asArray().map((value, index) => [value, (next) => object.set(index, next)])
      : [];
    for (const [value, set] of entries) {
      const next = value instanceof PDFString ? renamed.get(value.asString()) : undefined;
      if (next) set(next);
      else replaceIn(value);
    }
  };
  for (const [, object] of context.enumerateIndirectObjects()) replaceIn(object);
  // One flat name tree, sorted by the new IDs (zero-padded, so text order is number order).
  root.set(PDFName.of('IDTree'), context.obj({ Names: elements.flat() }));
}

function renumberObjects(doc: PDFDocument): void {
  const { context } = doc;
  const order = new Map<PDFRef, PDFRef>();
  const reach = (object: PDFObject | undefined): void => {
    if (object instanceof PDFRef) {
      if (order.has(object)) return;
      order.set(object, PDFRef.of(order.size + 1));
      reach(context.lookup(object));
    } else if (object instanceof PDFStream) reach(object.dict);
    else if (object instanceof PDFDict) for (const [, value] of object.entries()) reach(value);
    else if (object instanceof PDFArray) for (const value of object.asArray()) reach(value);
  };
  reach(context.trailerInfo.Root);
  reach(context.trailerInfo.Info);

  const relink = (object: PDFObject): void => {
    const dict = object instanceof PDFStream ? object.dict : object;
    if (dict instanceof PDFDict) {
      for (const [key, value] of dict.entries()) {
        if (value instanceof PDFRef) dict.set(key, order.get(value)!);
        else relink(value);
      }
    } else if (dict instanceof PDFArray) {
      dict.asArray().forEach((value, index) => (value instanceof PDFRef ? dict.set(index, order.get(value)!) : relink(value)));
    }
  };
  const objects = [...order].map(([from, to]) => [to, context.lookup(from)!] as const);
  for (const [ref] of context.enumerateIndirectObjects()) context.delete(ref);
  for (const [ref, object] of objects) {
    relink(object);
    context.assign(ref, object);
  }
  context.largestObjectNumber = objects.length;
  context.trailerInfo.Root = order.get(context.trailerInfo.Root as PDFRef);
  if (context.trailerInfo.Info) context.trailerInfo.Info = order.get(context.trailerInfo.Info as PDFRef);
}
