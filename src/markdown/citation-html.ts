import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { PhrasingContent } from 'mdast';

// citeproc's HTML is built from the bibliography's fields, which are the author's (or anyone's) text:
// it is read back into a tree and only these elements are kept, without attributes; the rest is text.
const kept = new Set(['i', 'em', 'b', 'strong', 'sup', 'sub']);

/** citeproc's HTML → a clean hast fragment: text, italics, bold, superscript and subscript only. */
export function citationTree(html: string): ElementContent[] {
  return clean((fromHtml(html, { fragment: true }) as HastRoot).children as ElementContent[]);
}

function clean(nodes: ElementContent[]): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (node.type === 'text') return [{ type: 'text', value: node.value }];
    if (node.type !== 'element') return [];
    const children = clean(node.children);
    return kept.has(node.tagName)
      ? [{ type: 'element', tagName: node.tagName, properties: {}, children } as Element]
      : children;
  });
}

/** citeproc's HTML as safe HTML (for the bibliography's entries). */
export function citationHtml(html: string): string {
  return toHtml(citationTree(html));
}

/** citeproc's HTML as Markdown phrasing (for a citation in the text): italics and bold kept. */
export function citationPhrasing(html: string): PhrasingContent[] {
  const toMdast = (nodes: ElementContent[]): PhrasingContent[] =>
    nodes.flatMap((node): PhrasingContent[] => {
      if (node.type === 'text') return [{ type: 'text', value: node.value }];
      if (node.type !== 'element') return [];
      const children = toMdast(node.children);
      if (node.tagName === 'i' || node.tagName === 'em') return [{ type: 'emphasis', children }];
      if (node.tagName === 'b' || node.tagName === 'strong') return [{ type: 'strong', children }];
      return children;
    });
  return toMdast(citationTree(html));
}

/** citeproc's HTML as plain text (for the summary's verbatim fields). */
export function citationText(html: string): string {
  const text = (nodes: ElementContent[]): string =>
    nodes
      .map((node) => (node.type === 'text' ? node.value : node.type === 'element' ? text(node.children) : ''))
      .join('');
  return text(citationTree(html));
}
