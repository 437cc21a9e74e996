import type { Parent, Root, RootContent, Text } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import { callouts } from './myst-blocks.js';

/** `:::{note}`, `:::{admonition} Title`, `::: {.callout-warning}` (Quarto): an opening line remark-directive does not read. */
const opener = /^:{3,}\s*\{\s*\.?(?:callout-)?([\w-]+)[^}]*\}[ \t]*([^\n]*)(?:\n|$)/;
/** The closing `:::` line. */
const closer = /(?:^|\n):{3,}[ \t]*$/;

/**
 * MyST colon fences and Quarto's fenced divs as the callouts they are: the paragraphs from the opening
 * line to the closing `:::` become a container directive (`note`, `tip`, `important`, `warning`,
 * `caution`); a fence of any other kind is unwrapped, its content kept.
 */
export function colonFences(tree: Root): void {
  visit(tree, (node) => {
    if (!('children' in node)) return;
    const parent = node as Parent;
    for (let i = 0; i < parent.children.length; i++) {
      const first = firstText(parent.children[i]!);
      const open = first && opener.exec(first.value);
      if (!first || !open) continue;
      first.value = first.value.slice(open[0].length);
      const end = parent.children.findIndex((child, at) => at >= i && closer.test(lastText(child)?.value ?? ''));
      const last = end === -1 ? parent.children.length - 1 : end;
      const closing = lastText(parent.children[last]!);
      if (end !== -1 && closing) closing.value = closing.value.replace(closer, '');
      const inside = parent.children.slice(i, last + 1).filter((child) => !emptyParagraph(child));
      const name = callouts[open[1]!.toLowerCase()];
      const title = open[2]!.trim();
      if (!name) {
        parent.children.splice(i, last + 1 - i, ...inside);
        continue;
      }
      if (title)
        inside.unshift({
          type: 'paragraph',
          data: { directiveLabel: true } as never,
          children: [{ type: 'text', value: title }],
        });
      const container: ContainerDirective = { type: 'containerDirective', name, children: inside as never[] };
      parent.children.splice(i, last + 1 - i, container as RootContent);
    }
  });
}

function firstText(node: RootContent): Text | undefined {
  if (node.type !== 'paragraph') return undefined;
  const first = node.children[0];
  return first?.type === 'text' ? first : undefined;
}

function lastText(node: RootContent): Text | undefined {
  if (node.type !== 'paragraph') return undefined;
  const last = node.children.at(-1);
  return last?.type === 'text' ? last : undefined;
}

function emptyParagraph(node: RootContent): boolean {
  return node.type === 'paragraph' && node.children.every((child) => child.type === 'text' && !child.value.trim());
}
