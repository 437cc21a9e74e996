import type { Heading, Image, Nodes, Paragraph, Parent, PhrasingContent, Root, Text } from 'mdast';
import type { Point } from 'unist';
import { SKIP, visit } from 'unist-util-visit';
import { mergeTexts } from './merge-texts.js';

/** A label as pandoc-crossref writes it: `{#fig:trade}`, `{#tbl:x .class}`, `{#sec:aims}`. */
const labelPattern = /[ \t]*\{#((?:fig|tbl|sec):[\p{L}\p{N}_][\p{L}\p{N}_:.-]*)(?:\s[^{}\n]*)?\}/u;
/** A reference: `@fig:trade`, `[@tbl:x]`, `@Sec:aims` (a capital, as pandoc-crossref allows), not an address's `a@fig:x`. */
const referencePattern =
  /(?<![\p{L}\p{N}_@.])(\[)?@(fig|tbl|sec|Fig|Tbl|Sec):([\p{L}\p{N}_](?:[\p{L}\p{N}_:.-]*[\p{L}\p{N}_])?)(\])?/gu;

/** The mdast node of a reference, made an `<a data-xref>` for the compiler to number (see `xrefs.ts`). */
export interface CrossReference extends Parent {
  type: 'crossReference';
  children: Text[];
}

/**
 * Pandoc-crossref's labels and references. A label after an image (`![Trade](t.png){#fig:trade}`), at the
 * end of a table's caption paragraph (`Table: Trade {#tbl:trade}`) or of a heading (`## Aims {#sec:aims}`)
 * becomes that element's id (an image so labelled is a figure, its alt text the caption, as in Pandoc).
 * A reference `@fig:trade` becomes a link the compiler numbers once figures, tables and sections are.
 * Runs before `docsSite`, which would take a label for a kramdown attribute list; code is never read.
 */
export default function crossrefs() {
  return (tree: Root) => {
    visit(tree, (node: Nodes, index, parent: Parent | undefined) => {
      if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'link') return SKIP;
      // The directives stage gave `:why` of `@sec:why` back as a text of its own.
      if ('children' in node) mergeTexts(node);
      if (node.type === 'heading' || node.type === 'paragraph') labelled(node);
      if (node.type !== 'text' || !parent || index === undefined) return;
      const nodes = references(node);
      if (!nodes) return;
      parent.children.splice(index, 1, ...(nodes as never[]));
      return [SKIP, index + nodes.length];
    });
  };
}

/** Take a label out of a heading's or caption's end, or from after an image, and give it to the element. */
function labelled(node: Heading | Paragraph): void {
  const children = node.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type !== 'text') continue;
    const match = labelPattern.exec(child.value);
    if (!match) continue;
    const id = match[1]!;
    const before = children[i - 1];
    const afterImage = match.index === 0 && before?.type === 'image';
    const atEnd = child.value.slice(match.index + match[0].length).trim() === '' && i === children.length - 1;
    if (!afterImage && !atEnd) continue;
    child.value = child.value.slice(0, match.index) + child.value.slice(match.index + match[0].length);
    if (afterImage) {
      const image = before as Image;
      // Pandoc's figure: the alt text is its caption.
      image.title ||= image.alt || id;
      setId(image, id);
    } else setId(node, id);
    if (!child.value) children.splice(i--, 1);
  }
}

function setId(node: Image | Heading | Paragraph, id: string): void {
  node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id } };
}

/** The point `text` further on from `start`: a reference's own place in its text node, for its warning. */
function after(start: Point, text: string): Point {
  const lines = text.split('\n');
  // rehype-raw's parse5 wants an offset beside the line and column.
  const offset = start.offset === undefined ? {} : { offset: start.offset + text.length };
  return lines.length === 1
    ? { line: start.line, column: start.column + text.length, ...offset }
    : { line: start.line + lines.length - 1, column: lines.at(-1)!.length + 1, ...offset };
}

/** Pandoc-crossref's list `[@fig:a; @fig:b]`, when it holds only these references: "Figure 1, Figure 2". */
const listPattern = /\[\s*@(?:fig|tbl|sec):[^\s;\]]+(?:\s*;\s*@(?:fig|tbl|sec):[^\s;\]]+)+\s*\]/giu;

function references(node: Text): PhrasingContent[] | undefined {
  const value = node.value.replace(listPattern, (list) =>
    list
      .slice(1, -1)
      .split(';')
      .map((item) => item.trim())
      .join(', '),
  );
  const nodes: PhrasingContent[] = [];
  let last = 0;
  for (const match of value.matchAll(referencePattern)) {
    const [whole, open, kind, name, close] = match;
    // `[@fig:x]` loses its brackets; a lone bracket stays as written.
    const bracketed = open !== undefined && close !== undefined;
    const start = match.index + (open && !bracketed ? 1 : 0);
    const end = match.index + whole.length - (close && !bracketed ? 1 : 0);
    if (start > last) nodes.push({ type: 'text', value: value.slice(last, start) });
    const label = `${kind!.toLowerCase()}:${name}`;
    const written = value.slice(start, end);
    nodes.push({
      type: 'crossReference',
      children: [{ type: 'text', value: written }],
      data: { hName: 'a', hProperties: { href: `#${label}`, dataXref: label } },
      ...(node.position
        ? {
            position: {
              start: after(node.position.start, value.slice(0, start)),
              end: after(node.position.start, value.slice(0, end)),
            },
          }
        : {}),
    } as CrossReference as never);
    last = end;
  }
  if (nodes.length === 0) return undefined;
  if (last < value.length) nodes.push({ type: 'text', value: value.slice(last) });
  return nodes;
}
