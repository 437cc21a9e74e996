// The runs of prose in a section as a reader meets them: paragraphs and list items, never tables,
// code, headings, checklists or link lists, and a list item without its sub-list.
import type { Element, ElementContent, RootContent } from 'hast';
import { collapse, inlineText } from './hast-prose.js';
import { withStop } from './stops.js';

export interface ProseUnit {
  text: string;
  /** A paragraph, or a list item's own text (its sub-items are units of their own). */
  kind: 'p' | 'li';
  /** Its place in the Markdown, for a warning. */
  place?: { line: number; column: number };
  /** An item of a list of clauses ("- les documents communiqués ;"): part of one sentence, never a point. */
  clause?: boolean;
  /** A lead-in said with the names its list gives: never cut at a clause, which would misstate the list. */
  whole?: boolean;
}

/** Blocks whose text is never prose to quote. */
const skipped = /^(table|pre|code|h[1-6]|figure|figcaption|blockquote|details|nav|hr|img|svg|math|dl)$/;
/** Blocks read through, as if their children stood in the section. */
const transparent = /^(div|section|article|aside|main|header|footer)$/;

export function proseUnits(body: RootContent[]): ProseUnit[] {
  const units: ProseUnit[] = [];
  const joined = new Set<Element>();
  const visit = (node: RootContent | ElementContent, index: number, siblings: Array<RootContent | ElementContent>) => {
    if (node.type !== 'element' || skipped.test(node.tagName) || joined.has(node)) return;
    // A callout (src/markdown/rehype-callouts.ts) is an aside to the argument, as a blockquote is.
    if (/\b(contains-task-list|callout)\b/.test(String(node.properties.className ?? ''))) return;
    if (transparent.test(node.tagName)) node.children.forEach(visit);
    else if (node.tagName === 'p') {
      const list = siblings.slice(index + 1).find((next) => next.type === 'element');
      const named = list?.type === 'element' && /:$/.test(collapse(inlineText(node))) ? phraseList(list) : undefined;
      // A list of names is said whole in its lead-in; the items of a labelled list are read on their own too.
      if (named && !named.labelled) joined.add(list as Element);
      add(node, 'p', false, named?.names);
    } else if (node.tagName === 'ul' || node.tagName === 'ol') {
      const items = itemsOf(node);
      const ends = items.map((item) => collapse(inlineText({ ...item, children: item.children.filter(notList) })));
      // Items that end in ";" or "," (perhaps "; and") are the clauses of one sentence the list spells out.
      const clauses =
        ends.filter((text) => /[;,](\s*(and|or|et|ou|und|oder|y|o))?$/i.test(text)).length * 2 >= items.length;
      for (const item of items) visitItem(item, clauses);
    }
  };
  const visitItem = (item: Element, clause: boolean) => {
    add({ ...item, children: item.children.filter(notList) }, 'li', clause);
    item.children.forEach((child, index, siblings) => {
      if (!notList(child)) visit(child, index, siblings);
    });
  };
  const add = (node: Element, kind: ProseUnit['kind'], clause = false, names?: string[]) => {
    const own = collapse(inlineText(withoutRunInHeading(node)));
    const text = names ? withStop(`${own} ${names.join('; ')}`) : own;
    if (!text || isLinks(node, text)) return;
    const start = node.position?.start;
    units.push({
      text,
      kind,
      ...(start ? { place: { line: start.line, column: start.column } } : {}),
      ...(clause ? { clause } : {}),
      ...(names ? { whole: true } : {}),
    });
  };
  body.forEach(visit);
  return units;
}

/**
 * The names a list gives, or undefined: two to eight short items ("Don’t slow down delivery", "Trust
 * and verify"), or up to twelve items that each open with a short label in bold or italics
 * ("*Public.* Consistent with …", "__Completos__: que reflejen …"). After a lead-in ("They are:",
 * "the following principles:") they end that sentence, read as one: "They are: Don’t slow down
 * delivery; …; Trust and verify."
 */
function phraseList(node: Element): { names: string[]; labelled: boolean } | undefined {
  if (node.tagName !== 'ul' && node.tagName !== 'ol') return undefined;
  const items = itemsOf(node);
  if (items.length < 2 || items.some((item) => !item.children.every(notList))) return undefined;
  const labels = items.map(itemLabel);
  if (items.length <= 12 && labels.every(Boolean)) return { names: labels as string[], labelled: true };
  const names = items.map((item) => collapse(inlineText(item)));
  // A list of links ("Similar efforts can be found at:") is navigation, not names.
  const short = names.every(
    (name, i) => name && name.split(' ').length <= 10 && !/[.!?;:,]$/.test(name) && !isLinks(items[i]!, name),
  );
  return short && items.length <= 8 ? { names, labelled: false } : undefined;
}

/** "*Public.* Consistent with …" → "Public": an item's opening label of up to five words, set off in bold or italics. */
function itemLabel(item: Element): string | undefined {
  const meaningful = (nodes: ElementContent[]) => nodes.filter((child) => child.type !== 'text' || child.value.trim());
  let parts = meaningful(item.children);
  if (parts[0]?.type === 'element' && parts[0].tagName === 'p') parts = meaningful(parts[0].children);
  const [label, after] = parts;
  if (label?.type !== 'element' || !/^(strong|b|em|i)$/.test(label.tagName)) return undefined;
  const text = collapse(inlineText(label));
  const rest = after?.type === 'text' ? after.value : '';
  if (!/[.:]$/.test(text) && !/^\s*[.:—–-]/.test(rest)) return undefined;
  const name = text.replace(/[\s.:]+$/, '');
  return name && name.split(' ').length <= 5 && rest.trim() ? name : undefined;
}

function itemsOf(list: Element): Element[] {
  return list.children.filter((item): item is Element => item.type === 'element' && item.tagName === 'li');
}

function notList(node: ElementContent): boolean {
  return node.type !== 'element' || (node.tagName !== 'ul' && node.tagName !== 'ol');
}

/** Mostly link text, or links and separators after a lead-in ("Read this in: English | Français"): navigation. */
function isLinks(node: Element, text: string): boolean {
  const linked = collapse(linkText(node));
  if (!linked) return false;
  // The lead-in is a few words ("Read this in:"), not a paragraph that ends on a colon before a list.
  return linked.length * 10 >= text.length * 6 || /^([^:.!?]{0,60}:)?[\s|·•,/–—-]*$/.test(collapse(withoutLinks(node)));
}

function linkText(node: ElementContent | Element): string {
  if (node.type !== 'element') return '';
  if (node.tagName === 'a') return ` ${inlineText(node)} `;
  return node.children.map(linkText).join('');
}

function withoutLinks(node: ElementContent | Element): string {
  if (node.type === 'text') return node.value;
  return node.type === 'element' && node.tagName !== 'a' ? node.children.map(withoutLinks).join('') : '';
}

/** A paragraph that opens with a bold line of its own (`**About FindSupport.gov**<br>`) without it: that line is a heading. */
function withoutRunInHeading(node: Element): Element {
  const blank = (child: ElementContent) => child.type === 'text' && !child.value.trim();
  const [first, second] = node.children.filter((child) => !blank(child));
  const bold = first?.type === 'element' && (first.tagName === 'strong' || first.tagName === 'b');
  if (!bold || second?.type !== 'element' || second.tagName !== 'br') return node;
  return { ...node, children: node.children.slice(node.children.indexOf(second) + 1) };
}
