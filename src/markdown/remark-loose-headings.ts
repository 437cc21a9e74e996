import type { Heading, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { warn } from '../messages.js';

/** `##1. Don’t slow down delivery`: hashes, then the heading's first character with no space between. */
const looseHeading = /^(#{1,6})(?=[^\s#])/;

/** Words a loose heading may have: a longer line is a sentence that opens with a hashtag. */
const maxWords = 15;

/**
 * A line such as `##1. Don’t slow down delivery` is a heading to kramdown, Jekyll's parser, and to
 * older docs sites, though CommonMark wants a space after the hashes and prints it as text. A
 * paragraph of one short line written so, not ending as a sentence, is read as the heading it was
 * written as, with one warning a document; `#hashtag` inside prose is left alone.
 */
export default function looseHeadings() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    let warned = false;
    visit(tree, 'paragraph', (node, index, parent) => {
      if (!parent || index === undefined || parent.type !== 'root') return;
      const { start, end } = node.position ?? {};
      if (start?.offset === undefined || end?.offset === undefined) return SKIP;
      const line = source.slice(start.offset, end.offset);
      const hashes = looseHeading.exec(line)?.[1];
      const first = node.children[0];
      if (!hashes || line.includes('\n') || first?.type !== 'text' || !first.value.startsWith(hashes)) return SKIP;
      const text = first.value.slice(hashes.length);
      if (/[.!?:]$/.test(line.trim()) || line.split(/\s+/).length > maxWords) return SKIP;
      const heading: Heading = {
        type: 'heading',
        depth: hashes.length as Heading['depth'],
        children: text ? [{ ...first, value: text }, ...node.children.slice(1)] : node.children.slice(1),
        position: node.position,
      };
      parent.children[index] = heading;
      if (!warned) {
        warned = true;
        warn(file, `\`${hashes}\` with no space after it read as a heading: write \`${hashes} \` for CommonMark`, {
          place: start,
          rule: 'docs-site',
        });
      }
      return SKIP;
    });
  };
}
