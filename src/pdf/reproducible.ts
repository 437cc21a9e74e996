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
      object instanceof PDFDict
        ? object.entries().map(([key, value]) => [value, (next) => object.set(key, next)])
        : object instanceof PDFArray
          ? object.asArray().map((value, index) => [value, (next) => object.set(index, next)])
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
  const renumbered = new Map<PDFRef, PDFRef>();
  const objects: Array<[PDFRef, PDFObject]> = [];
  // One walk: a reference gets its number when first met and is replaced as it is read. A slot is
  // read once (each indirect object is entered once, a direct one only through its parent), so an
  // old reference is never confused with a new one of the same number.
  const visit = (object: PDFObject): PDFObject => {
    if (object instanceof PDFRef) {
      let to = renumbered.get(object);
      if (!to) {
        to = PDFRef.of(renumbered.size + 1);
        renumbered.set(object, to);
        const target = context.lookup(object)!;
        objects.push([to, target]);
        visit(target);
      }
      return to;
    }
    const inner = object instanceof PDFStream ? object.dict : object;
    if (inner instanceof PDFDict) for (const [key, value] of inner.entries()) inner.set(key, visit(value));
    else if (inner instanceof PDFArray)
      for (const [index, value] of inner.asArray().entries()) inner.set(index, visit(value));
    return object;
  };
  const root = visit(context.trailerInfo.Root as PDFRef);
  const info = context.trailerInfo.Info && visit(context.trailerInfo.Info as PDFRef);
  for (const [ref] of context.enumerateIndirectObjects()) context.delete(ref);
  for (const [ref, object] of objects) context.assign(ref, object);
  context.largestObjectNumber = objects.length;
  context.trailerInfo.Root = root;
  if (info) context.trailerInfo.Info = info;
}
