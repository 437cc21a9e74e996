import type { Element, RootContent } from 'hast';
import type { Point } from 'unist';
import { collapse, firstList, inlineText, paragraphs } from './hast-prose.js';
import { leadOf, pickBottomLine } from './lead.js';
import { sentences } from './sentences.js';

/** One line of the summary: a sentence, a key point or a list item. */
export interface DigestItem {
  /** A run-in label: a section's short heading, or a list item's bold lead-in. */
  label?: string;
  text: string;
  /**
   * Set on what the fit may leave out to keep one page: the highest `rank` goes first; `name` says which
   * in a warning, and `place` where it comes from in the Markdown (for a section's lead, its heading).
   */
  drop?: { rank: number; name: string; place?: Point };
}

/** The items of a list under a heading such as "Risks" or "Recommendations". */
export interface DigestList {
  heading: string;
  items: DigestItem[];
}

/** What the one-page summary shows, in reading order. */
export interface Digest {
  /** Two to four sentences, or the front matter `summary` in full. */
  bottomLine: DigestItem[];
  /** Marked takeaways verbatim, else the lead sentence of each section (at most {@link derivedPointLimit}). */
  keyPoints: DigestItem[];
  keyPointsMarked: boolean;
  lists: DigestList[];
}

/** A top-level section of the source, before it becomes HTML. */
export interface SourceSection {
  number: number;
  heading: string;
  body: RootContent[];
  /** Its lead sentence, when the caller has found it already (see `leadOf`). */
  lead?: string;
  /** Where its heading is in the Markdown. */
  place?: Point;
}

export interface DigestSource {
  intro: RootContent[];
  sections: SourceSection[];
  /** Front matter `summary`. */
  summary?: string;
  /** Front matter `takeaways` or a `:::takeaways` block. */
  takeaways?: string[];
  lang: string;
}

/** A person writes three to five key points; the fit may leave out even these. */
export const derivedPointLimit = 5;

const keyListHeading = /\b(risks?|what could go wrong|recommendations?|next steps|policy options|what to watch)\b/i;
const findingsHeading = /^(key (findings|messages|points|takeaways)|main findings|takeaways|highlights)$/i;
const summaryHeading = /^(the )?(executive summary|summary|in brief|at a glance|bottom line|overview|abstract)$/i;
const conclusionHeading =
  /^(conclusions?|in conclusion|concluding (remarks|thoughts)|(final|closing) thoughts?|the way forward|outlook)$/i;

/**
 * Choose the summary's content. Marked content is used as written; otherwise the bottom line comes
 * from a "Summary" section, else a "Conclusion", else the text before the first section, and the key
 * points are the lead sentences of the other sections. Lists under "Risks"-like headings follow.
 */
export function digest(input: DigestSource): Digest {
  const source = input.sections.length > 0 ? input : { ...input, ...sectionsOf(input.intro) };
  const { lang } = source;
  const findings = source.sections.find(
    (section) => findingsHeading.test(shortHeading(section.heading)) && firstList(section.body),
  );
  const keyLists = source.sections.filter(
    (section) => section !== findings && keyListHeading.test(section.heading) && firstList(section.body),
  );
  const prose = source.sections.filter((section) => section !== findings && !keyLists.includes(section));
  const byHeading = (pattern: RegExp) =>
    prose.find((section) => pattern.test(shortHeading(section.heading)) && paragraphs(section.body).length > 0);
  const firstProse = () =>
    paragraphs(source.intro).length > 0 ? undefined : prose.find((section) => paragraphs(section.body).length > 0);
  // The section the bottom line comes from (none: the intro); it gives no key point of its own.
  const opening =
    source.summary === undefined
      ? (byHeading(summaryHeading) ?? byHeading(conclusionHeading) ?? firstProse())
      : undefined;

  const bottomLineText =
    source.summary !== undefined
      ? sentences(collapse(source.summary), lang)
      : pickBottomLine(paragraphs(opening?.body ?? source.intro), lang);
  const bottomLinePlace =
    source.summary === undefined
      ? (opening?.place ?? source.intro.find((node) => node.position)?.position?.start)
      : undefined;
  const bottomLine = bottomLineText.map(
    (text, i): DigestItem =>
      i === 0 ? { text } : { text, drop: { rank: i, name: `sentence ${i + 1}`, place: bottomLinePlace } },
  );

  let keyPoints: DigestItem[];
  if (source.takeaways) {
    keyPoints = source.takeaways.map((text) => ({ text }));
  } else if (findings) {
    keyPoints = listItems(findings, lang);
  } else {
    keyPoints = prose
      .filter((section) => section !== opening)
      .flatMap((section): DigestItem[] => {
        const text = section.lead ?? leadOf(section.body, lang);
        const label = shortHeading(section.heading);
        return text
          ? [
              {
                label,
                text,
                drop: {
                  rank: section.number * 1000,
                  name: `section ${section.number} (“${label}”)`,
                  place: section.place,
                },
              },
            ]
          : [];
      })
      .slice(0, derivedPointLimit);
    // A note that is only a list: its items are its points.
    const list = keyPoints.length === 0 && bottomLine.length === 0 ? firstList(source.intro) : undefined;
    if (list) keyPoints = listItems({ number: 0, heading: '', body: [list] }, lang);
  }

  const lists: DigestList[] = [];
  for (const section of keyLists) {
    const heading = keyListPart(section.heading);
    const items = listItems(section, lang);
    const same = lists.find((list) => list.heading.toLowerCase() === heading.toLowerCase());
    if (same) same.items.push(...items);
    else lists.push({ heading, items });
  }
  return { bottomLine, keyPoints, keyPointsMarked: source.takeaways !== undefined, lists };
}

/**
 * A document without `##` sections may still have structure: one written with `#` or `###`
 * headings is read, for the summary only, as sections at its highest heading level.
 */
function sectionsOf(nodes: RootContent[]): { intro: RootContent[]; sections: SourceSection[] } {
  const isHeading = (node: RootContent, level?: number): node is Element =>
    node.type === 'element' && (level ? node.tagName === `h${level}` : /^h[1-6]$/.test(node.tagName));
  const level = Math.min(
    ...nodes.filter((node) => isHeading(node)).map((node) => Number((node as Element).tagName[1])),
  );
  const intro: RootContent[] = [];
  const sections: SourceSection[] = [];
  for (const node of nodes) {
    if (isHeading(node, level))
      sections.push({
        number: sections.length + 1,
        heading: collapse(inlineText(node)),
        body: [],
        place: node.position?.start,
      });
    else (sections.at(-1)?.body ?? intro).push(node);
  }
  return { intro, sections };
}

/** A list item, its bold lead-in ("**Trade risk:** India's imports…") made a label. */
function listItems(section: SourceSection, lang: string): DigestItem[] {
  const items = (firstList(section.body)?.children ?? []).filter(
    (child): child is Element => child.type === 'element' && child.tagName === 'li',
  );
  return items.flatMap((li, i): DigestItem[] => {
    const full = collapse(inlineText(li));
    if (!full) return [];
    const holder =
      li.children.find((child): child is Element => child.type === 'element' && child.tagName === 'p') ?? li;
    const first = holder.children.find((child) => !(child.type === 'text' && !child.value.trim()));
    const lead =
      first?.type === 'element' && (first.tagName === 'strong' || first.tagName === 'b')
        ? collapse(inlineText(first))
        : '';
    const rest = full.slice(lead.length);
    const labelled = lead && rest.trim() && (/[:.]$/.test(lead) || /^\s*[:—–-]/.test(rest));
    const after = rest.replace(/^\s*[:—–-]?\s*/, '');
    const item: DigestItem = labelled
      ? { label: lead.replace(/\s*[:.]$/, ''), text: after.charAt(0).toLocaleUpperCase(lang) + after.slice(1) }
      : { text: full };
    return [
      {
        ...item,
        drop: {
          rank: section.number * 1000 + i + 1,
          name: `“${item.label ?? firstWords(item.text)}”`,
          place: li.position?.start,
        },
      },
    ];
  });
}

/** "What It Means for India — Strategic Autonomy" → "What It Means for India". */
export function shortHeading(heading: string): string {
  return headingParts(heading)[0] ?? heading;
}

/** "Great Stakes, Big Challenges — What Could Go Wrong" → "What Could Go Wrong". */
function keyListPart(heading: string): string {
  return headingParts(heading).find((part) => keyListHeading.test(part)) ?? heading;
}

function headingParts(heading: string): string[] {
  return heading
    .split(/\s+[—–-]\s+|:\s+/)
    .map((part) => part.trim())
    .filter(Boolean);
}

function firstWords(text: string): string {
  const words = text.split(' ');
  return words.length > 6 ? `${words.slice(0, 6).join(' ')}…` : text;
}
