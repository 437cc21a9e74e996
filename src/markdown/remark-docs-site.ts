import type { Html, Nodes, Parent, PhrasingContent, Root, Text } from 'mdast';
import type { Point } from 'unist';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { warn } from '../messages.js';
import { holds, kinds, without } from './docs-site-syntax.js';
import { mergeTexts } from './merge-texts.js';

declare module 'vfile' {
  interface DataMap {
    /** The document asks for a table of contents (`{:toc}`, `[TOC]`, `[[_TOC_]]`). */
    contentsMarked: boolean;
  }
}

const contentsMarker =
  /^(?:\[TOC\]|\[\[_TOC_\]\]|\{:\s*toc\s*\}|\{\{<\s*toc\s*>\}\}|[*-]\s+(?:TOC|Table of contents)\s*\n\s*\{:\s*toc\s*\})$/i;

/**
 * Docs-site syntax (Jekyll/kramdown, Liquid, Hugo, GitLab) is understood, not printed: a contents
 * marker sets `file.data.contentsMarked`; the rest is removed from text and raw HTML, with one warning
 * per kind at its first place. Code, inline code and URLs are never touched.
 */
export default function docsSite() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const seen = new Set<string>();
    const note = (kind: string, place: Point | undefined, instead = 'not part of the brief') => {
      if (seen.has(kind)) return;
      seen.add(kind);
      warn(file, `${kind} removed: a docs site's syntax, ${instead}`, { place, rule: 'docs-site' });
    };
    const sourceOf = (node: Nodes) =>
      node.position?.start.offset === undefined || node.position.end.offset === undefined
        ? ''
        : source.slice(node.position.start.offset, node.position.end.offset).trim();

    visit(tree, (node: Nodes, index, parent: Parent | undefined) => {
      if (node.type === 'code' || node.type === 'inlineCode') return SKIP;
      if ('children' in node) {
        mergeTexts(node);
        spanning(node, note);
      }
      if (!parent || index === undefined) return;
      // A block that is only a contents marker, or only docs-site syntax, goes with its line.
      if (node.type === 'paragraph' || node.type === 'list' || node.type === 'html') {
        const text = sourceOf(node);
        if (contentsMarker.test(text)) {
          file.data.contentsMarked = true;
          note('contents markers (`{:toc}`, `[TOC]`)', node.position?.start, 'the brief lists its contents instead');
          parent.children.splice(index, 1);
          return [SKIP, index];
        }
        if (text && onlyDocsSite(text)) {
          for (const kind of kinds) if (holds(text, kind)) note(kind.name, node.position?.start);
          parent.children.splice(index, 1);
          return [SKIP, index];
        }
      }
      if (node.type === 'html') strip(node, note);
      if (node.type === 'text') {
        const before = node.value;
        strip(node, note);
        // `[Playbook]({{ site.baseurl }}/x.pdf)` is no link to CommonMark (a space in its address):
        // with the variable gone it is one again.
        const nodes = node.value === before || parent.type === 'link' ? undefined : relinked(node);
        if (nodes) {
          parent.children.splice(index, 1, ...nodes);
          return [SKIP, index + nodes.length];
        }
      }
      return undefined;
    });
  };
}

/** Openers whose closer lies in a later sibling: a URL inside a shortcode became a link between them. */
const split = [
  { open: '{{<', close: '>}}', name: kinds[1].name },
  { open: '{{%', close: '%}}', name: kinds[1].name },
  { open: '{%', close: '%}', name: kinds[0].name },
] as const;

/** Remove a tag that spans several inline nodes: from its opener's text, through its closer's. */
function spanning(parent: Parent, note: (kind: string, place: Point | undefined) => void): void {
  const children = parent.children;
  for (let i = 0; i < children.length; i++) {
    const start = children[i]!;
    if (start.type !== 'text') continue;
    for (const { open, close, name } of split) {
      const at = start.value.lastIndexOf(open);
      if (at === -1 || start.value.indexOf(close, at) !== -1) continue;
      const end = children.findIndex(
        (child, index) => index > i && child.type === 'text' && child.value.includes(close),
      );
      if (end === -1) continue;
      const last = children[end] as Text;
      note(name, start.position?.start);
      last.value = last.value.slice(last.value.indexOf(close) + close.length);
      start.value = start.value.slice(0, at);
      if (/^\s|^$/.test(last.value)) start.value = start.value.replace(/[ \t]+$/, '');
      children.splice(i + 1, end - i - 1);
      break;
    }
  }
}

function onlyDocsSite(text: string): boolean {
  let rest = text;
  for (const kind of kinds) rest = without(rest, kind);
  return rest.trim() === '' && rest.length < text.length;
}

/** A text's written-out links `[label](address)` made links, or undefined when it has none. */
function relinked(node: Text): PhrasingContent[] | undefined {
  const pattern = /\[([^[\]]+)\]\(([^()\s]+)\)/g;
  const nodes: PhrasingContent[] = [];
  let last = 0;
  for (const match of node.value.matchAll(pattern)) {
    if (match.index > last) nodes.push({ type: 'text', value: node.value.slice(last, match.index) });
    nodes.push({ type: 'link', url: match[2]!, children: [{ type: 'text', value: match[1]! }] });
    last = match.index + match[0].length;
  }
  if (nodes.length === 0) return undefined;
  if (last < node.value.length) nodes.push({ type: 'text', value: node.value.slice(last) });
  return nodes.map((child) => ({ ...child, ...(node.position ? { position: node.position } : {}) }));
}

function strip(node: Text | Html, note: (kind: string, place: Point | undefined) => void): void {
  for (const kind of kinds) {
    const value = without(node.value, kind, true);
    if (value === node.value) continue;
    note(kind.name, node.position?.start);
    node.value = value;
  }
}
