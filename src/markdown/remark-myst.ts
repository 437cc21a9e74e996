import type { Code, Paragraph, Parent, Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { Processor } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { warn } from '../messages.js';
import { callouts, crossrefLabel, directiveOptions, listTable, plainText, shiftPositions } from './myst-blocks.js';
import { colonFences } from './myst-colon-fences.js';
import { mystInline } from './myst-roles.js';
import { displayMath } from './remark-equations.js';

/** Directives that hold code: their body prints as code, in the language of their argument. */
const codeDirectives = new Set(['code', 'code-block', 'code-cell', 'sourcecode']);

/**
 * MyST and Quarto, understood rather than printed, rewritten into the forms the later stages read:
 * admonitions (```` ```{note} ````, `:::{warning}`, Quarto's `:::{.callout-note}`) become `note`, `tip`,
 * `important`, `warning` or `caution` container directives; `{math}` display math (its `:label:` a
 * numbered equation's); `{figure}` an image with its caption as title, labelled `{#fig:x}`; `{list-table}`
 * a table; roles and labels are rewritten by `myst-roles.ts`. Directives with nothing to print
 * (`{toctree}`, `{include}`, …) go, with one warning per kind at its first place.
 */
export default function myst(this: Processor) {
  const parse = (text: string) => this.parse(text) as Root;
  return (tree: Root, file: VFile) => {
    const seen = new Set<string>();
    const note = (kind: string, place: RootContent['position'], what: string) => {
      if (seen.has(kind)) return;
      seen.add(kind);
      warn(file, `MyST ${what} removed: it has no counterpart in a brief`, { place: place?.start, rule: 'myst' });
    };
    colonFences(tree);
    visit(tree, 'code', (node: Code, index, parent: Parent | undefined) => {
      const name = /^\{([\w-]+)\}$/.exec(node.lang ?? '')?.[1];
      if (!name || !parent || index === undefined) return;
      const replaced = directive(name, node, parse, (what) => note(name, node.position, what));
      parent.children.splice(index, 1, ...replaced);
      return [SKIP, index + replaced.length];
    });
    mystInline(tree, file);
  };
}

function directive(
  name: string,
  node: Code,
  parse: (text: string) => Root,
  unknown: (what: string) => void,
): RootContent[] {
  const { options, rest, skipped } = directiveOptions(node.value);
  const argument = node.meta?.trim() ?? '';
  const body = (): RootContent[] => {
    const tree = parse(rest);
    const start = node.position?.start;
    if (start?.offset !== undefined)
      shiftPositions(tree, { line: start.line + 1 + skipped, column: start.column, offset: start.offset });
    return tree.children;
  };
  if (name === 'math') {
    const label = options.label ?? options.name;
    return [displayMath(rest.trim(), node.position, label && crossrefLabel(label, 'eq').replace(/^eq:/, ''))];
  }
  if (codeDirectives.has(name))
    return [{ type: 'code', lang: argument || null, value: rest.replace(/^\n+/, ''), position: node.position }];
  const callout = callouts[name];
  if (callout) {
    const children = body();
    // `{admonition} Title`, or an admonition's own title: the callout's label, as `:::note[Title]` writes it.
    const title = name === 'admonition' || argument ? argument : '';
    if (title) children.unshift(labelParagraph(title));
    const container: ContainerDirective = { type: 'containerDirective', name: callout, children: children as never[] };
    return [{ ...container, position: node.position }];
  }
  if (name === 'figure' && argument) {
    const children = body();
    const caption = plainText(children.filter((child) => child.type === 'paragraph').slice(0, 1));
    const paragraph: Paragraph = {
      type: 'paragraph',
      position: node.position,
      children: [{ type: 'image', url: argument, alt: options.alt ?? caption, title: caption || null }],
    };
    if (options.name) paragraph.children.push({ type: 'text', value: `{#${crossrefLabel(options.name, 'fig')}}` });
    return [paragraph];
  }
  if (name === 'list-table') {
    const table = listTable(body());
    if (!table) return [];
    table.position = node.position;
    const label = options.name ? ` {#${crossrefLabel(options.name, 'tbl')}}` : '';
    const caption: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: `Table: ${argument}${label}` }] };
    return argument || label ? [caption, table] : [table];
  }
  unknown(`\`{${name}}\` directives`);
  return [];
}

function labelParagraph(title: string): Paragraph {
  return { type: 'paragraph', data: { directiveLabel: true } as never, children: [{ type: 'text', value: title }] };
}
