// The runs of prose in a section as a reader meets them: paragraphs and list items, never tables,
// code, headings, checklists or link lists, and a list item without its sub-list.
import type { Element, ElementContent, RootContent } from 'hast';
import { collapse, inlineText } from './hast-prose.js';

export interface ProseUnit {
  text: string;
  /** A paragraph, or a list item's own text (its sub-items are units of their own). */
  kind: 'p' | 'li';
  /** Its place in the Markdown, for a warning. */
  place?: { line: number; column: number };
}

/** Blocks whose text is never prose to quote. */
const skipped = /^(table|pre|code|h[1-6]|figure|figcaption|blockquote|details|nav|hr|img|svg|math|dl)$/;
/** Blocks read through, as if their children stood in the section. */
const transparent = /^(div|section|article|aside|main|header|footer)$/;

export function proseUnits(body: RootContent[]): ProseUnit[] {
  const units: ProseUnit[] = [];
  const visit = (node: RootContent | ElementContent) => {
    if (node.type !== 'element' || skipped.test(node.tagName)) return;
    if (String(node.properties.className ?? '').includes('contains-task-list')) return;
    if (transparent.test(node.tagName)) node.children.forEach(visit);
    else if (node.tagName === 'p') add(node, 'p');
    else if (node.tagName === 'ul' || node.tagName === 'ol') {
      for (const item of node.children) if (item.type === 'element' && item.tagName === 'li') visitItem(item);
    }
  };
  const visitItem = (item: Element) => {
    const own = item.children.filter((child) => !isList(child));
    add({ ...item, children: own }, 'li');
    for (const child of item.children) if (isList(child)) visit(child);
  };
  const add = (node: Element, kind: ProseUnit['kind']) => {
    const text = collapse(inlineText(node));
    if (!text || isLinks(node, text)) return;
    const start = node.position?.start;
    units.push({ text, kind, ...(start ? { place: { line: start.line, column: start.column } } : {}) });
  };
  body.forEach(visit);
  return units;
}

function isList(node: ElementContent): boolean {
  return node.type === 'element' && (node.tagName === 'ul' || node.tagName === 'ol');
}

/** Mostly link text, or links and separators after a lead-in ("Read this in: English | Français"): navigation. */
function isLinks(node: Element, text: string): boolean {
  const linked = collapse(linkText(node));
  if (!linked) return false;
  return linked.length * 10 >= text.length * 6 || /^([^:]*:)?[\s|·•,/–—-]*$/.test(collapse(withoutLinks(node)));
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
