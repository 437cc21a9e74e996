import type { BlockContent, Blockquote, Nodes, Paragraph, Parent, Root, RootContent, Text } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString as textOf } from 'mdast-util-to-string';
import type { Processor } from 'unified';
import { SKIP, visit } from 'unist-util-visit';

/** The boxes a brief prints, and the names GitHub, Obsidian, MkDocs, VuePress and Docusaurus give them. */
const kinds: Record<string, CalloutKind> = {
  note: 'note',
  info: 'note',
  abstract: 'note',
  summary: 'note',
  tldr: 'note',
  seealso: 'note',
  todo: 'note',
  tip: 'tip',
  hint: 'tip',
  success: 'tip',
  check: 'tip',
  done: 'tip',
  example: 'tip',
  important: 'important',
  question: 'important',
  help: 'important',
  faq: 'important',
  warning: 'warning',
  attention: 'warning',
  caution: 'caution',
  danger: 'caution',
  error: 'caution',
  failure: 'caution',
  fail: 'caution',
  bug: 'caution',
  quote: 'pullquote',
  cite: 'pullquote',
  pullquote: 'pullquote',
};

export type CalloutKind = 'note' | 'tip' | 'important' | 'warning' | 'caution' | 'pullquote';

/** `> [!NOTE]` or `> [!TIP] A title`, on the blockquote's first line. */
const alert = /^\[!([A-Za-z]+)\][ \t]*([^\n]*)(?:\n|$)/;
/** VuePress's `::: tip A title` (a space after the colons, which remark-directive does not take), to a line `:::`. */
const opener = /^:::[ \t]*([A-Za-z][\w-]*)[ \t]*([^\n]*)(?:\n|$)/;
const closer = /(?:^|\n)[ \t]*:::[ \t]*$/;
/** MkDocs's `!!! note "A title"` (`???` folds it on the web; on paper it is open), its body indented under it. */
const admonition = /^(?:!!!|\?\?\?\+?)[ \t]+([A-Za-z][\w-]*)(?:[ \t]+"([^"\n]*)")?[ \t]*(?:\n|$)/;

/**
 * Callouts as docs sites and GitHub write them become one kind of block, a blockquote marked
 * `data-callout` (its kind) and `data-callout-title` (the author's title, if any): GitHub alerts,
 * container directives (`:::tip[Title]`, `:::pullquote`), VuePress's `::: tip Title` and MkDocs's
 * `!!! note "Title"`. `rehype-callouts` makes the box, after the sanitizer. Runs before the directives
 * stage, which would otherwise give an unknown directive back as text.
 */
export default function callouts(this: Processor) {
  const parse = (value: string) => this.parse(value) as Root;
  return (tree: Root) => {
    visit(tree, (node: Nodes, index, parent: Parent | undefined) => {
      if (!parent || index === undefined) return;
      if (node.type === 'blockquote') {
        const made = fromAlert(node);
        if (made) parent.children[index] = made;
        return;
      }
      if (node.type === 'containerDirective' && kinds[node.name.toLowerCase()]) {
        parent.children[index] = fromDirective(node);
        return [SKIP, index];
      }
      if (node.type !== 'paragraph') return;
      const fenced = fromFence(parent.children as RootContent[], index);
      if (fenced) return [SKIP, index];
      const admonished = fromAdmonition(parent.children as RootContent[], index, parse);
      if (admonished) return [SKIP, index];
    });
  };
}

function callout(kind: CalloutKind, title: string, children: RootContent[], position?: Blockquote['position']) {
  return {
    type: 'blockquote',
    children: children as BlockContent[],
    data: { hProperties: { dataCallout: kind, dataCalloutTitle: title.trim() } },
    ...(position ? { position } : {}),
  } satisfies Blockquote;
}

function fromAlert(node: Blockquote): Blockquote | undefined {
  const first = node.children[0];
  const text = first?.type === 'paragraph' ? first.children[0] : undefined;
  const match = text?.type === 'text' ? alert.exec(text.value) : null;
  const kind = match && kinds[match[1]!.toLowerCase()];
  if (!match || !kind || !text || text.type !== 'text') return undefined;
  text.value = text.value.slice(match[0].length);
  const rest = node.children.slice(1);
  const body = emptied(first as Paragraph) ? rest : node.children;
  return callout(kind, match[2] ?? '', body, node.position);
}

function fromDirective(node: ContainerDirective): Blockquote {
  const label = node.children.find((child) => child.type === 'paragraph' && child.data?.directiveLabel);
  const body = node.children.filter((child) => child !== label);
  return callout(kinds[node.name.toLowerCase()]!, label ? textOf(label) : '', body, node.position);
}

/** A paragraph that opens `::: kind`: it, up to the one that closes it, made one callout. */
function fromFence(siblings: RootContent[], index: number): boolean {
  const open = siblings[index] as Paragraph;
  const head = open.children[0];
  const match = head?.type === 'text' ? opener.exec(head.value) : null;
  const kind = match && kinds[match[1]!.toLowerCase()];
  if (!match || !kind || head?.type !== 'text') return false;
  const end = siblings.findIndex((node, at) => at >= index && node.type === 'paragraph' && closes(node));
  if (end === -1) return false;
  head.value = head.value.slice(match[0].length);
  const last = siblings[end] as Paragraph;
  const tail = last.children.at(-1) as Text;
  tail.value = tail.value.replace(closer, '');
  const body = siblings.slice(index, end + 1).filter((node) => !(node.type === 'paragraph' && emptied(node)));
  const position = open.position && last.position ? { start: open.position.start, end: last.position.end } : undefined;
  siblings.splice(index, end - index + 1, callout(kind, match[2] ?? '', body, position));
  return true;
}

function closes(paragraph: Paragraph): boolean {
  const tail = paragraph.children.at(-1);
  return tail?.type === 'text' && closer.test(tail.value);
}

/** A paragraph `!!! kind "Title"`: its own further lines and an indented block after it are the body. */
function fromAdmonition(siblings: RootContent[], index: number, parse: (value: string) => Root): boolean {
  const open = siblings[index] as Paragraph;
  const head = open.children[0];
  const match = head?.type === 'text' ? admonition.exec(head.value) : null;
  const kind = match && kinds[match[1]!.toLowerCase()];
  if (!match || !kind || head?.type !== 'text') return false;
  head.value = head.value.slice(match[0].length);
  const body: RootContent[] = emptied(open) ? [] : [open];
  const next = siblings[index + 1];
  // A blank line between the title and the indented body makes that body an indented code block.
  const indented = next?.type === 'code' && !next.lang && !next.meta ? next : undefined;
  if (indented) body.push(...parse(indented.value).children);
  siblings.splice(index, indented ? 2 : 1, callout(kind, match[2] ?? '', body, open.position));
  return true;
}

/** Whether a paragraph holds nothing once its marker is cut (a leading line break goes too). */
function emptied(paragraph: Paragraph): boolean {
  const head = paragraph.children[0];
  if (head?.type === 'text') head.value = head.value.replace(/^[ \t]*\n/, '');
  if (head?.type === 'text' && head.value === '') paragraph.children.shift();
  const next = paragraph.children[0];
  if (next?.type === 'break') paragraph.children.shift();
  return paragraph.children.every((child) => child.type === 'text' && !child.value.trim());
}
