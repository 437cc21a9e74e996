import type { Element, ElementContent, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { documentLabels } from './document-labels.js';
import type { CalloutKind } from './remark-callouts.js';

/**
 * The callouts `remark-callouts` marked become boxes: `<aside class="callout callout--tip">` headed by
 * its title (the author's, else the kind's name in the document's language), labelled for screen
 * readers as the takeaways box is; a pull quote becomes `<blockquote class="pullquote">`. Runs on the
 * sanitized tree: the marks survived it as attributes of a blockquote, the elements made here are its own.
 */
export default function rehypeCallouts() {
  return (tree: Root, file: VFile) => {
    const labels = documentLabels(file);
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'blockquote' || typeof node.properties.dataCallout !== 'string') return;
      const kind = node.properties.dataCallout as CalloutKind;
      const written = String(node.properties.dataCalloutTitle ?? '').trim();
      delete node.properties.dataCallout;
      delete node.properties.dataCalloutTitle;
      if (kind === 'pullquote') {
        node.properties.className = ['pullquote'];
        return;
      }
      const title = written || labels[kind] || labels.note;
      node.tagName = 'aside';
      node.properties = { className: ['callout', `callout--${kind}`], ariaLabel: title };
      const heading: Element = {
        type: 'element',
        tagName: 'p',
        properties: { className: ['callout__title'] },
        children: [{ type: 'text', value: title }],
      };
      node.children = [heading, ...(node.children as ElementContent[])];
      return SKIP;
    });
  };
}
