import type { Element, ElementContent, RootContent, Text } from 'hast';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';

/** How the body was cut into sections: said by `check` and `build --verbose`. */
export interface Structure {
  /** `h2`… when the headings make the sections, `list` for a numbered list's items, `none`. */
  sectionsFrom: 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6' | 'list' | 'none';
}

export interface Cut {
  intro: RootContent[];
  groups: Array<{ heading: Element; body: RootContent[] }>;
  structure: Structure;
}

/** An item's opening line makes a heading when it is at most this long. */
const shortLine = 90;

const level = (node: RootContent): number =>
  node.type === 'element' && /^h[1-6]$/.test(node.tagName) ? Number(node.tagName[1]) : 0;

/**
 * Cut the body into sections as the document is written: at the highest heading level it uses, its
 * deeper headings moved up to follow (the section's heading prints as `h2`, so `####` under `###`
 * becomes `h3`); a body without headings whose numbered list's items each open with a short line is
 * cut at those items.
 */
export function cutSections(nodes: RootContent[]): Cut {
  const levels = nodes.map(level).filter(Boolean);
  let top = Math.min(...levels);
  // A lone heading above the rest (a chapter's `# 4 How to open data` over its `##`s) is not a section.
  const deeper = levels.filter((at) => at > top);
  if (levels.filter((at) => at === top).length === 1 && deeper.length > 1) top = Math.min(...deeper);
  if (Number.isFinite(top)) return byHeadings(nodes, top);
  const list = nodes.find((node): node is Element => node.type === 'element' && node.tagName === 'ol');
  const items = list?.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'li');
  const cuts = items && items.length >= 2 ? items.map(openingLine) : [];
  const opened = cuts.filter((cut) => cut && cut.body.length > 0).length;
  // A short list (a plain enumeration) is not a document's structure: most items must have a body.
  if (!list || cuts.length === 0 || cuts.some((cut) => cut === undefined) || opened * 2 < cuts.length)
    return { intro: nodes, groups: [], structure: { sectionsFrom: 'none' } };
  const at = nodes.indexOf(list);
  const groups = cuts.map((cut) => cut!);
  groups.at(-1)!.body.push(...nodes.slice(at + 1));
  return { intro: nodes.slice(0, at), groups, structure: { sectionsFrom: 'list' } };
}

function byHeadings(nodes: RootContent[], top: number): Cut {
  const intro: RootContent[] = [];
  const groups: Cut['groups'] = [];
  for (const node of nodes) {
    if (level(node) === top) groups.push({ heading: node as Element, body: [] });
    else (groups.at(-1)?.body ?? intro).push(node);
  }
  // The sections' own headings print as h2: the levels under them follow, by as many steps, but never
  // more than one step below the heading before them (an author's `##` then `#####` would skip three
  // levels, which PDF/UA forbids and a screen reader's outline stumbles on); a lone heading above them,
  // left in the intro, prints as h2 too (the brief's h1 is its title).
  for (const [nodes, above] of [[intro, 1] as const, ...groups.map((group) => [group.body, 2] as const)]) {
    // The headings still open above this one: their level as written and as printed.
    const open: Array<{ depth: number; printed: number }> = [{ depth: top, printed: above }];
    for (const node of nodes)
      visit(node, 'element', (element: Element) => {
        const depth = level(element as RootContent);
        if (depth === 0) return;
        if (depth <= top) {
          element.tagName = 'h2';
          return;
        }
        while (open.length > 1 && open.at(-1)!.depth >= depth) open.pop();
        const printed = Math.min(6, open.at(-1)!.printed + 1);
        open.push({ depth, printed });
        element.tagName = `h${printed}`;
      });
  }
  return { intro, groups, structure: { sectionsFrom: `h${top}` as Structure['sectionsFrom'] } };
}

/**
 * A list item as a section: its opening line (up to the first line break, or its whole first
 * paragraph) is the heading, the rest its body; undefined when that line is not short.
 */
function openingLine(item: Element): Cut['groups'][number] | undefined {
  const blocks = item.children.filter((child) => !(child.type === 'text' && !child.value.trim()));
  const first = blocks[0];
  if (!first) return undefined;
  const paragraph = first.type === 'element' && first.tagName === 'p';
  // A tight item's text is the item's own inline content, up to its first block.
  const inline = paragraph
    ? (first as Element).children
    : blocks.slice(
        0,
        Math.max(
          1,
          blocks.findIndex((child) => child.type === 'element' && isBlock(child)),
        ),
      );
  const rest = paragraph ? blocks.slice(1) : blocks.slice(inline.length);
  const headingPart: ElementContent[] = [];
  const bodyPart: ElementContent[] = [];
  for (const node of inline) {
    if (bodyPart.length > 0) bodyPart.push(node);
    else if (node.type === 'text' && node.value.trim() && node.value.trim().includes('\n')) {
      const text = node.value.replace(/^\s+/, '');
      const cut = text.indexOf('\n');
      headingPart.push({ type: 'text', value: text.slice(0, cut) } satisfies Text);
      bodyPart.push({ type: 'text', value: text.slice(cut + 1) } satisfies Text);
    } else if (node.type === 'element' && node.tagName === 'br') bodyPart.push({ type: 'text', value: '' });
    else headingPart.push(node);
  }
  const heading: Element = {
    type: 'element',
    tagName: 'h2',
    properties: {},
    children: headingPart,
    position: item.position,
  };
  const title = toText(heading).trim();
  if (!title || title.length > shortLine) return undefined;
  const body: RootContent[] = [];
  if (bodyPart.some((node) => toText(node as Element).trim()))
    body.push({ type: 'element', tagName: 'p', properties: {}, children: bodyPart });
  body.push(...(rest as RootContent[]));
  return { heading, body };
}

function isBlock(element: Element): boolean {
  return /^(p|ul|ol|div|table|blockquote|pre|h[1-6]|figure|dl)$/.test(element.tagName);
}
