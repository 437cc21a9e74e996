import type { Link, Paragraph, PhrasingContent, Root, Text } from 'mdast';
import type { Math as DisplayMath, InlineMath, MathData } from 'mdast-util-math';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { warn } from '../messages.js';
import { mergeTexts } from './merge-texts.js';

declare module 'mdast-util-math' {
  interface MathData {
    /** The equation's label, without `eq:` (`{#eq:x}`, MyST's `:label:` or `$$ … $$ (x)`). */
    label?: string;
  }
}

/**
 * Math as authors write it around remark-math's parse:
 *
 * - `$…$` is math only as Pandoc reads it: no space just inside either `$`, and no digit just after the
 *   closing one, so prices ("$5 and $10", "$5–$10") stay text;
 * - a paragraph that is only `$$ … $$` and a label (`{#eq:x}`, Pandoc-crossref; `(x)`, MyST) is a
 *   numbered display equation, as is a display equation given a label by MyST's `{math}` directive;
 * - references `@eq:x` (and MyST's `{eq}`, rewritten to it by `remark-myst.ts`) become links printed
 *   "(n)"; an unknown label is a warning at its place and prints "(?)".
 *
 * Only labelled equations are numbered, as in MyST and Pandoc-crossref; the number is KaTeX's `\tag`.
 */
export default function equations() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    visit(tree, (node) => {
      if ('children' in node) mergeTexts(node);
    });
    visit(tree, 'inlineMath', (node: InlineMath, index, parent) => {
      if (!parent || index === undefined) return;
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      const written = source.slice(start, end);
      if (written.startsWith('$$') || !written.startsWith('$')) return;
      const inner = written.slice(1, -1);
      if (!/^\s|\s$/.test(inner) && !/\d/.test(source.charAt(end))) return;
      parent.children.splice(index, 1, { type: 'text', value: written, position: node.position } as Text);
      return [SKIP, index + 1];
    });
    visit(tree, 'paragraph', (node: Paragraph, index, parent) => {
      if (!parent || index === undefined) return;
      const display = labelledDisplay(node, source);
      if (!display) return;
      parent.children.splice(index, 1, display);
      return SKIP;
    });
    const numbers = new Map<string, number>();
    visit(tree, 'math', (node: DisplayMath) => {
      const label = node.data?.label;
      if (!label) return;
      if (numbers.has(label)) {
        warn(file, `equation label \`${label}\` is used twice: the second is not numbered; rename one`, {
          place: node.position,
          rule: 'math',
        });
        return;
      }
      numbers.set(label, numbers.size + 1);
      node.value = `${node.value}\n\\tag{${numbers.size}}`;
      node.data = { ...displayData(node.value), label, hProperties: { id: equationId(label) } };
    });
    visit(tree, 'text', (node: Text, index, parent) => {
      if (!parent || index === undefined || parent.type === 'link' || !reference.test(node.value)) return;
      const parts = references(node, numbers, file);
      parent.children.splice(index, 1, ...parts);
      return [SKIP, index + parts.length];
    });
  };
}

/** `@eq:x` (Pandoc-crossref), also what `{eq}`x`` is rewritten to. */
const reference = /@eq:([\w.:-]*\w)/;

/** The id of an equation's block: what a reference links to. */
export function equationId(label: string): string {
  return `eq-${label}`;
}

/** `eq:x`, `eq-x` and `x` name the same equation. */
export function equationLabel(written: string): string {
  return written.replace(/^eq[:-]/i, '');
}

function references(node: Text, numbers: Map<string, number>, file: VFile): PhrasingContent[] {
  const parts: PhrasingContent[] = [];
  let last = 0;
  for (const match of node.value.matchAll(new RegExp(reference.source, 'g'))) {
    const label = equationLabel(match[1]!);
    const number = numbers.get(label);
    if (match.index > last) parts.push({ type: 'text', value: node.value.slice(last, match.index) });
    if (number === undefined) {
      warn(file, `no equation is labelled \`${label}\`: the reference prints "(?)"; label the equation`, {
        place: node.position?.start,
        rule: 'math',
      });
      parts.push({ type: 'text', value: '(?)' });
    } else {
      const link: Link = {
        type: 'link',
        url: `#${equationId(label)}`,
        children: [{ type: 'text', value: `(${number})` }],
      };
      parts.push(link);
    }
    last = match.index + match[0].length;
  }
  if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
  return parts;
}

/** A paragraph `$$ … $$ {#eq:x}` or `$$ … $$ (x)`: the display equation it is, with its label. */
function labelledDisplay(node: Paragraph, source: string): DisplayMath | undefined {
  const [math, label, ...rest] = node.children;
  if (rest.length > 0 || math?.type !== 'inlineMath') return undefined;
  const start = math.position?.start.offset;
  if (start === undefined || !source.startsWith('$$', start)) return undefined;
  let name: string | undefined;
  if (label) {
    if (label.type !== 'text') return undefined;
    const match = /^\s*(?:\{#(eq:[\w.:-]+)\}|\((?!eq:)([\w.:-]+)\))\s*$/.exec(label.value);
    if (!match) return undefined;
    name = equationLabel((match[1] ?? match[2])!);
  }
  return {
    type: 'math',
    value: math.value,
    position: node.position,
    data: { ...displayData(math.value), label: name },
  };
}

/** A display equation (`$$ … $$`), numbered later when it has a label. */
export function displayMath(value: string, position: DisplayMath['position'], label?: string): DisplayMath {
  return { type: 'math', value, position, data: { ...displayData(value), label } };
}

/** How remark-rehype writes a display equation (as mdast-util-math does): `pre > code.language-math`. */
function displayData(value: string): MathData {
  const code = { type: 'text' as const, value };
  return {
    hName: 'pre',
    hChildren: [
      {
        type: 'element',
        tagName: 'code',
        properties: { className: ['language-math', 'math-display'] },
        children: [code],
      },
    ],
  };
}
