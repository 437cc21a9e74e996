import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFNumber, type PDFObject, PDFRef } from 'pdf-lib';

const name = (value: string) => PDFName.of(value);

/** ISO 32000-1's standard structure types: PDF/UA-1 (7.1) wants every other one role-mapped to one of these. */
const standard = new Set(
  'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private H H1 H2 H3 H4 H5 H6 P L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form'.split(
    ' ',
  ),
);
/** Chromium writes some PDF 2.0 types; their nearest PDF 1.7 ones. Anything else becomes a Div. */
const nearest: Record<string, string> = {
  Strong: 'Span',
  Em: 'Span',
  Sub: 'Span',
  Aside: 'Sect',
  Title: 'P',
  FENote: 'Note',
  DocumentFragment: 'Div',
  Artifact: 'Span',
};

/**
 * Repair what Chromium's structure tree does that PDF/UA-1 forbids: types PDF 1.7 lacks get a role
 * map (7.1), a list item's content goes into an `LBody` beside its `Lbl` (7.2), and a `Figure` that
 * only groups an image and its caption, without a description of its own (a custom template's
 * `<figure>`), becomes a `Div` (7.3); the shipped templates give such a `<figure>` `role="group"`.
 */
export function repairStructure(doc: PDFDocument): void {
  const { context } = doc;
  const root = context.lookupMaybe(doc.catalog.get(name('StructTreeRoot')), PDFDict);
  if (!root) return;
  const types = new Set<string>();
  const items: Array<[PDFDict, PDFRef]> = [];
  const element = (kid: PDFObject): PDFDict | undefined => {
    const value = kid instanceof PDFRef ? context.lookup(kid) : kid;
    return value instanceof PDFDict && value.has(name('S')) ? value : undefined;
  };
  const walk = (node: PDFDict, ref: PDFRef | undefined): void => {
    const type = node.get(name('S'));
    if (type instanceof PDFName) {
      const text = type.decodeText();
      if (!standard.has(text)) types.add(text);
      if (text === 'LI' && ref) items.push([node, ref]);
      if (text === 'Figure' && !node.has(name('Alt')) && !node.has(name('ActualText'))) {
        const groups = kidsOf(node).some((kid) => {
          const type = element(kid)?.get(name('S'));
          return type === name('Caption') || type === name('Figure');
        });
        if (groups) node.set(name('S'), name('Div'));
      }
    }
    for (const kid of kidsOf(node)) {
      const child = element(kid);
      if (child) walk(child, kid instanceof PDFRef ? kid : undefined);
    }
  };
  for (const kid of kidsOf(root)) {
    const child = element(kid);
    if (child) walk(child, kid instanceof PDFRef ? kid : undefined);
  }
  if (types.size) {
    const roles = context.lookupMaybe(root.get(name('RoleMap')), PDFDict) ?? context.obj({});
    for (const type of [...types].sort())
      if (!roles.has(name(type))) roles.set(name(type), name(nearest[type] ?? 'Div'));
    root.set(name('RoleMap'), roles);
  }
  if (items.length) wrapListBodies(doc, root, items);
}

function kidsOf(node: PDFDict): PDFObject[] {
  const kids = node.get(name('K'));
  return kids instanceof PDFArray ? kids.asArray() : kids === undefined ? [] : [kids];
}

/** Every kid of an `LI` but its `Lbl` moves into a new `LBody`; their parent, and the parent tree, follow. */
function wrapListBodies(doc: PDFDocument, root: PDFDict, items: Array<[PDFDict, PDFRef]>): void {
  const { context } = doc;
  let parents: Map<number, [PDFArray, number]> | undefined;
  const isLabel = (kid: PDFObject): boolean => {
    const value = kid instanceof PDFRef ? context.lookup(kid) : undefined;
    const type = value instanceof PDFDict ? value.get(name('S')) : undefined;
    return type === name('Lbl') || type === name('LBody');
  };
  for (const [item, itemRef] of items) {
    const kids = kidsOf(item);
    const body = kids.filter((kid) => !isLabel(kid));
    if (body.length === 0) continue;
    const lbody = context.obj({ Type: 'StructElem', S: 'LBody', P: itemRef, K: body });
    const page = item.get(name('Pg'));
    if (page) lbody.set(name('Pg'), page);
    const lbodyRef = context.register(lbody);
    for (const kid of body) {
      const value = kid instanceof PDFRef ? context.lookup(kid) : kid;
      if (value instanceof PDFDict && value.has(name('S'))) {
        value.set(name('P'), lbodyRef);
        continue;
      }
      // Marked content or an annotation: the parent tree names its parent.
      parents ??= parentTree(doc, root);
      if (value instanceof PDFDict && value.get(name('Type')) === name('OBJR')) {
        const annot = context.lookupMaybe(value.get(name('Obj')), PDFDict);
        const key = annot?.get(name('StructParent'));
        const slot = key instanceof PDFNumber ? parents.get(key.asNumber()) : undefined;
        if (slot) slot[0].set(slot[1], lbodyRef);
        continue;
      }
      const mcid = value instanceof PDFNumber ? value : value instanceof PDFDict ? value.get(name('MCID')) : undefined;
      const pageRef = (value instanceof PDFDict ? value.get(name('Pg')) : undefined) ?? page;
      const key = pageRef && context.lookupMaybe(pageRef, PDFDict)?.get(name('StructParents'));
      const slot = key instanceof PDFNumber ? parents.get(key.asNumber()) : undefined;
      const array = slot && context.lookupMaybe(slot[0].get(slot[1]), PDFArray);
      if (array && mcid instanceof PDFNumber) array.set(mcid.asNumber(), lbodyRef);
    }
    item.set(name('K'), context.obj([...kids.filter(isLabel), lbodyRef]));
  }
}

/** The parent tree's entries: each key's array and the index of its value. */
function parentTree(doc: PDFDocument, root: PDFDict): Map<number, [PDFArray, number]> {
  const entries = new Map<number, [PDFArray, number]>();
  const walk = (node: PDFDict | undefined): void => {
    const nums = node?.get(name('Nums'));
    if (nums instanceof PDFArray)
      for (let i = 0; i + 1 < nums.size(); i += 2) {
        const key = nums.get(i);
        if (key instanceof PDFNumber) entries.set(key.asNumber(), [nums, i + 1]);
      }
    const kids = node?.get(name('Kids'));
    if (kids instanceof PDFArray) for (const kid of kids.asArray()) walk(doc.context.lookupMaybe(kid, PDFDict));
  };
  walk(doc.context.lookupMaybe(root.get(name('ParentTree')), PDFDict));
  return entries;
}
