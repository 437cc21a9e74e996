import type { Parent } from 'mdast';

/**
 * Join a parent's neighbouring text nodes into one: remark-directive gives `:x` in `{#eq:x}` or
 * `@fig:x` back as a text of its own, and a pattern must see the words whole.
 */
export function mergeTexts(parent: Parent): void {
  const children = parent.children;
  for (let i = children.length - 1; i > 0; i--) {
    const [before, after] = [children[i - 1]!, children[i]!];
    if (before.type !== 'text' || after.type !== 'text') continue;
    before.value += after.value;
    if (before.position && after.position) before.position.end = after.position.end;
    children.splice(i, 1);
  }
}
