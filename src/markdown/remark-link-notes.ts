import type { FootnoteDefinition, FootnoteReference, Link, Root, Text } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { referenceHeading } from './document-model.js';

/**
 * Paper has no hyperlinks: every web link gets an endnote that spells out its URL, numbered with
 * the GFM footnotes (remark-rehype numbers both in reading order; a URL linked twice shares its
 * note). Links whose text already is the URL need no note, and in the sources list the URL is
 * written out after the link instead, since that list is already the notes' place.
 */
export default function linkNotes() {
  return (tree: Root) => {
    const notes = new Map<string, string>();
    let inSources = false;
    // The sections are cut at the highest heading level the body uses (see sections.ts).
    const top = Math.min(...tree.children.flatMap((block) => (block.type === 'heading' ? [block.depth] : [])));
    for (const block of [...tree.children]) {
      if (block.type === 'heading' && block.depth === top) inSources = referenceHeading.test(textOf(block).trim());
      visit(block, 'link', (link: Link, index, parent) => {
        if (!parent || index === undefined || !/^https?:\/\//i.test(link.url)) return;
        if (textOf(link).trim() === link.url || textOf(link).trim() === link.url.replace(/^https?:\/\//i, ''))
          return SKIP;
        if (inSources) {
          parent.children.splice(index + 1, 0, { type: 'text', value: ` <${link.url}>` } satisfies Text);
          return [SKIP, index + 2];
        }
        let identifier = notes.get(link.url);
        if (!identifier) {
          identifier = `link-${notes.size + 1}`;
          notes.set(link.url, identifier);
          tree.children.push({
            type: 'footnoteDefinition',
            identifier,
            label: identifier,
            children: [
              {
                type: 'paragraph',
                children: [{ type: 'link', url: link.url, children: [{ type: 'text', value: link.url }] }],
              },
            ],
          } satisfies FootnoteDefinition);
        }
        parent.children.splice(index + 1, 0, {
          type: 'footnoteReference',
          identifier,
          label: identifier,
        } satisfies FootnoteReference);
        return [SKIP, index + 2];
      });
    }
  };
}
