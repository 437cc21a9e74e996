import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toText } from 'hast-util-to-text';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { documentLabels } from './document-labels.js';

/** `Table: caption` (or Pandoc's `: caption`) — a paragraph right before (or else right after) a table becomes its caption. */
const tableCaption = /^\s*(?:Table:|:(?=\s))\s*/;

declare module 'vfile' {
  interface DataMap {
    /** The numbered figures and tables that have an id (a label `{#fig:x}`, `{#tbl:x}`): what `@fig:x` prints. */
    numbered: Record<string, { kind: 'figure' | 'table'; number: number }>;
  }
}

/**
 * Number figures and tables and give them captions, in reading order.
 * - A paragraph holding only an image with a title, `![alt](chart.png "Trade, 2020–2025")`,
 *   becomes `<figure>` with `<figcaption>Figure 1. Trade, 2020–2025</figcaption>`; the alt text
 *   stays the image's description for screen readers.
 * - A paragraph starting `Table:` next to a table becomes that table's `<caption>`, "Table 1. …".
 * - Any other `<figure>` with a `<figcaption>` (a chart drawn at build time) is numbered with them.
 * An id the element carries (a label, see `remark-crossrefs`) goes on the figure or table, with its
 * number in `file.data.numbered`. The words ("Figure", "Table") are the document's language's.
 * Runs on the sanitized tree: the elements it makes are its own, their text the author's.
 */
export default function captions() {
  return (tree: Root, file: VFile) => {
    const labels = documentLabels(file);
    const numbered: VFile['data']['numbered'] = {};
    let figures = 0;
    let tables = 0;
    const record = (id: unknown, kind: 'figure' | 'table', number: number) => {
      if (typeof id === 'string' && id) numbered[id] = { kind, number };
    };
    visit(tree, 'element', (node, index, parent) => {
      if (!parent || index === undefined) return;
      const image = node.tagName === 'p' ? soleImage(node) : undefined;
      if (image) {
        const caption = String(image.properties.title);
        const id = image.properties.id;
        delete image.properties.title;
        delete image.properties.id;
        record(id, 'figure', ++figures);
        // A group, not a figure of its own: the image inside is the figure, described by its alt text
        // (Chromium would otherwise tag the <figure> a Figure without one, which PDF/UA forbids).
        parent.children[index] = element('figure', { className: ['figure'], role: 'group', ...(id ? { id } : {}) }, [
          image,
          element('figcaption', {}, [label(`${labels.figure} ${figures}.`), { type: 'text', value: ` ${caption}` }]),
        ]);
        return SKIP;
      }
      if (node.tagName === 'figure') {
        const caption = node.children.find(
          (child): child is Element => child.type === 'element' && child.tagName === 'figcaption',
        );
        if (caption && !hasLabel(caption)) {
          record(node.properties.id, 'figure', ++figures);
          caption.children.unshift(label(`${labels.figure} ${figures}.`), { type: 'text', value: ' ' });
        }
        return SKIP;
      }
      if (node.tagName === 'table') {
        const caption = adjacentCaption(parent.children, index);
        if (!caption) return SKIP;
        const [at, paragraph] = caption;
        stripPrefix(paragraph);
        const id = paragraph.properties.id ?? node.properties.id;
        if (typeof id === 'string') node.properties.id = id;
        record(id, 'table', ++tables);
        node.children.unshift(
          element('caption', {}, [
            label(`${labels.table} ${tables}.`),
            { type: 'text', value: ' ' },
            ...paragraph.children,
          ]),
        );
        parent.children.splice(at, 1);
        return [SKIP, at < index ? index : index + 1];
      }
    });
    file.data.numbered = numbered;
  };
}

function hasLabel(caption: Element): boolean {
  const first = caption.children[0];
  return first?.type === 'element' && String(first.properties.className ?? '').includes('caption__label');
}

function soleImage(paragraph: Element): Element | undefined {
  const content = paragraph.children.filter((child) => !(child.type === 'text' && !child.value.trim()));
  const [only] = content;
  return content.length === 1 &&
    only?.type === 'element' &&
    only.tagName === 'img' &&
    typeof only.properties.title === 'string' &&
    only.properties.title.trim()
    ? only
    : undefined;
}

/** The `Table:` paragraph just before the table, else just after it: its index and node. */
function adjacentCaption(siblings: RootContent[] | ElementContent[], index: number): [number, Element] | undefined {
  for (const step of [-1, 1]) {
    let at = index + step;
    while (siblings[at]?.type === 'text' && !(siblings[at] as { value: string }).value.trim()) at += step;
    const candidate = siblings[at];
    if (candidate?.type === 'element' && candidate.tagName === 'p' && tableCaption.test(toText(candidate)))
      return [at, candidate];
  }
  return undefined;
}

function stripPrefix(paragraph: Element): void {
  const first = paragraph.children[0];
  if (first?.type === 'text') first.value = first.value.replace(tableCaption, '');
}

function label(text: string): Element {
  return element('span', { className: ['caption__label'] }, [{ type: 'text', value: text }]);
}

function element(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}
