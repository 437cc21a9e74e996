import type { Heading, Parent, PhrasingContent, Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { warn } from '../messages.js';
import { mergeTexts } from './merge-texts.js';
import { crossrefLabel } from './myst-blocks.js';

/** A role's name at the end of a text, before its inline code: `{numref}` + `` `fig-x` ``. */
const roleName = /\{([\w:-]+)\}$/;
/** MyST's `(label)=` target line, before the heading it labels. */
const target = /^\s*\(([\w.:-]+)\)=\s*$/;
/** Quarto's and MyST's labels and references written with a hyphen (`{#fig-x}`, `@tbl-x`), as Pandoc-crossref writes them. */
const hyphenLabel = /([{\s(]#|(?<![\w.])@)(fig|tbl|sec|eq)-(?=[\w])/g;

/**
 * MyST's roles and targets, and Quarto's labels, rewritten as Pandoc-crossref writes them, for the
 * cross-reference and equation stages: `{eq}`x`` → `@eq:x`; `{ref}`/`{numref}`fig-x`` → `@fig:x`
 * (a bare label is a section's, `@sec:x`); `{math}`x^2`` → inline math; `(x)=` before a heading →
 * `{#sec:x}` on it; `{#fig-x}`, `@fig-x` → `{#fig:x}`, `@fig:x`. Other roles print their text, with
 * one warning per kind.
 */
export function mystInline(tree: Root, file: VFile): void {
  const seen = new Set<string>();
  visit(tree, (node, index, parent: Parent | undefined) => {
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'math') return SKIP;
    if ('children' in node) {
      mergeTexts(node as Parent);
      roles(node as Parent, file, seen);
    }
    if (node.type === 'paragraph' && parent && index !== undefined) {
      const only = node.children.length === 1 && node.children[0]?.type === 'text' ? node.children[0].value : '';
      const label = target.exec(only)?.[1];
      if (label) {
        const next = parent.children[index + 1];
        if (next?.type === 'heading')
          (next as Heading).children.push({ type: 'text', value: ` {#${crossrefLabel(label)}}` });
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
    }
    if (node.type === 'text') (node as Text).value = (node as Text).value.replace(hyphenLabel, '$1$2:');
    return undefined;
  });
}

function roles(parent: Parent, file: VFile, seen: Set<string>): void {
  const children = parent.children as PhrasingContent[];
  for (let i = 0; i < children.length - 1; i++) {
    const text = children[i]!;
    const code = children[i + 1]!;
    if (text.type !== 'text' || code.type !== 'inlineCode') continue;
    const name = roleName.exec(text.value)?.[1];
    if (!name) continue;
    text.value = text.value.slice(0, -name.length - 2);
    const replaced = role(name.replace(/^myst:/, ''), code.value, code.position, file, seen);
    children.splice(i + 1, 1, replaced);
  }
  mergeTexts(parent);
}

function role(
  name: string,
  content: string,
  position: Text['position'],
  file: VFile,
  seen: Set<string>,
): PhrasingContent {
  // `{numref}`Figure %s <fig-x>``: the label is in the angle brackets.
  const label = /<([^<>]+)>\s*$/.exec(content)?.[1] ?? content;
  switch (name) {
    case 'math':
      // As mdast-util-math writes `$…$` for remark-rehype: `code.language-math`.
      return {
        type: 'inlineMath',
        value: content,
        position,
        data: {
          hName: 'code',
          hProperties: { className: ['language-math', 'math-inline'] },
          hChildren: [{ type: 'text', value: content }],
        },
      };
    case 'eq':
      return { type: 'text', value: `@eq:${label.replace(/^eq[:-]/, '')}`, position };
    case 'ref':
    case 'numref':
      return { type: 'text', value: `@${crossrefLabel(label)}`, position };
    default:
      if (!seen.has(name)) {
        seen.add(name);
        warn(file, `MyST role \`{${name}}\` printed as its text: a brief has no counterpart`, {
          place: position?.start,
          rule: 'myst',
        });
      }
      return { type: 'text', value: content.replace(/\s*<[^<>]+>\s*$/, ''), position };
  }
}
