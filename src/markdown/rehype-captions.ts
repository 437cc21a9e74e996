import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toText } from 'hast-util-to-text';
import { SKIP, visit } from 'unist-util-visit';
import { labels } from '../render/labels.js';

/** `Table: caption` — a paragraph right before (or else right after) a table becomes its caption. */
const tableCaption = /^\s*Table:\s*/;

/**
 * Number figures and tables and give them captions, in reading order.
 * - A paragraph holding only an image with a title, `![alt](chart.png "Trade, 2020–2025")`,
 *   becomes `<figure>` with `<figcaption>Figure 1. Trade, 2020–2025</figcaption>`; the alt text
 *   stays the image's description for screen readers.
 * - A paragraph starting `Table:` next to a table becomes that table's `<caption>`, "Table 1. …".
 * Runs on the sanitized tree: the elements it makes are its own, their text the author's.
 */
export default function captions() {
  return (tree: Root) => {
    let figures = 0;
    let tables = 0;
    visit(tree, 'element', (node, index, parent) => {
      if (!parent || index === undefined) return;
      // A chart (rehype-charts.ts) is a figure already: it takes its number here, in reading order.
      if (node.tagName === 'figure' && String(node.properties.className).includes('chart')) {
        const caption = node.children.find((child) => child.type === 'element' && child.tagName === 'figcaption');
        if (caption?.type === 'element') caption.children.unshift(label(`${labels.figure} ${++figures}.`));
        return SKIP;
      }
      const image = node.tagName === 'p' ? soleImage(node) : undefined;
      if (image) {
        const caption = String(image.properties.title);
        delete image.properties.title;
        // A group, not a figure of its own: the image inside is the figure, described by its alt text
        // (Chromium would otherwise tag the <figure> a Figure without one, which PDF/UA forbids).
        parent.children[index] = element('figure', { className: ['figure'], role: 'group' }, [
          image,
          element('figcaption', {}, [label(`${labels.figure} ${++figures}.`), { type: 'text', value: ` ${caption}` }]),
        ]);
        return SKIP;
      }
      if (node.tagName === 'table') {
        const caption = adjacentCaption(parent.children, index);
        if (!caption) return SKIP;
        const [at, paragraph] = caption;
        stripPrefix(paragraph);
        node.children.unshift(
          element('caption', {}, [label(`Table ${++tables}.`), { type: 'text', value: ' ' }, ...paragraph.children]),
        );
        parent.children.splice(at, 1);
        return [SKIP, at < index ? index : index + 1];
      }
    });
  };
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
