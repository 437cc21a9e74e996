import type { Element, RootContent } from 'hast';
import type { Point } from 'unist';
import { candidates, type Sentence } from './candidates.js';
import { collapse, firstList, inlineText } from './hast-prose.js';
import {
  backgroundHeading,
  bareHeading,
  centralStart,
  conclusionHeading,
  pickBottomLine,
  summaryHeading,
} from './lead.js';
import { listItems } from './list-items.js';
import { sentences } from './sentences.js';
import { textLanguage } from './terms.js';

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
  /** 25–90 words in two to four sentences, or the front matter `summary` in full. */
  bottomLine: DigestItem[];
  /** Marked takeaways verbatim, else the most representative sentence of up to five sections. */
  keyPoints: DigestItem[];
  keyPointsMarked: boolean;
  lists: DigestList[];
  /** A document under {@link shortDocumentWords} words: its summary keeps its type at 9.5pt or more, leaving items out first. */
  short: boolean;
}

/** Below this many words a summary is set in readable type: the fit leaves items out before shrinking it further. */
export const shortDocumentWords = 6000;

/** A top-level section of the source, before it becomes HTML. */
export interface SourceSection {
  number: number;
  heading: string;
  body: RootContent[];
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
  /** The document's length in words: a short one gets a shorter summary, set in larger type. */
  words?: number;
}

/** A person writes three to five key points; the fit may leave out even these. */
export const derivedPointLimit = 5;

/** The brief's "Key takeaways" box holds derived points up to about this many words: a third of page 1 at most. */
export const takeawayBoxWords = 150;

/** The derived key points the brief's takeaways box shows: in order, while they come to {@link takeawayBoxWords} words. */
export function boxPoints(points: DigestItem[]): string[] {
  let words = 0;
  return points
    .filter((point) => {
      words += point.text.split(/\s+/).length;
      return words <= takeawayBoxWords;
    })
    .map((point) => point.text);
}

/** The words all key points may have together, by the document's length: a short one's summary keeps large type. */
export function pointWordBudget(words = Number.POSITIVE_INFINITY): number {
  return words < 1000 ? 110 : words < 3000 ? 150 : 200;
}

const keyListHeading = /\b(risks?|what could go wrong|recommendations?|next steps|policy options|what to watch)\b/i;
const findingsHeading = /^(key (findings|messages|points|takeaways)|main findings|takeaways|highlights)$/i;

/**
 * Choose the summary's content. Marked content is used as written. Otherwise the bottom line is the
 * document's own summary (or purpose, or conclusion) section, else its most central opening prose; the
 * key points are the most representative sentence of up to five other sections, in document order,
 * each a sentence of 8–40 words that no filter refuses. Lists under "Risks"-like headings follow.
 */
export function digest(input: DigestSource): Digest {
  const source = input.sections.length > 0 ? input : { ...input, ...sectionsOf(input.intro) };
  const findings = source.sections.find(
    (section) => findingsHeading.test(bareHeading(shortHeading(section.heading))) && firstList(section.body),
  );
  const keyLists = source.sections.filter(
    (section) => section !== findings && keyListHeading.test(section.heading) && firstList(section.body),
  );
  const prose = source.sections.filter(
    (section) => section !== findings && !keyLists.includes(section) && !apparatus.test(bareHeading(section.heading)),
  );
  // Sentences are split and compared in the language the text is in (see `textLanguage`).
  const lang = textLanguage(
    [source.intro, ...prose.map((section) => section.body)]
      .flatMap((nodes) => nodes.map((node) => (node.type === 'element' ? inlineText(node) : '')))
      .join(' ')
      .slice(0, 20_000),
    source.lang,
  );
  const parts = partsOf(prose, derivedPointLimit);
  const scored = candidates(
    [
      { section: 0, heading: '', body: source.intro },
      ...parts.map(({ id, heading, body }) => ({ section: id, heading, body })),
    ],
    lang,
  );
  const topOf = (id: number) => parts.find((part) => part.id === id)?.section;
  const of = (section: SourceSection) => scored.filter((sentence) => topOf(sentence.section) === section);
  const byHeading = (pattern: RegExp) =>
    prose.find((section) => pattern.test(bareHeading(shortHeading(section.heading))) && of(section).length);

  let bottomLine: DigestItem[];
  let used: Sentence[] = [];
  let opening: SourceSection | undefined;
  if (source.summary !== undefined) {
    bottomLine = sentences(collapse(source.summary), source.lang).map((text, i) => item(text, i));
  } else {
    // The document's own summary, else its opening prose: paragraphs of one part, never a list's items.
    const introProse = scored.some((sentence) => sentence.section === 0 && sentence.kind === 'p');
    opening =
      byHeading(summaryHeading) ??
      (introProse ? undefined : byHeading(backgroundHeading)) ??
      byHeading(conclusionHeading);
    // A one-line summary section goes on into the section after it (a Rust RFC's "Summary", then its "Motivation").
    const next = opening ? prose[prose.indexOf(opening) + 1] : undefined;
    const own = opening ? [...of(opening), ...(next ? of(next) : [])] : scored;
    // Paragraphs, else, in a document that is one list, its items that are sentences of their own.
    const paragraphs = own.filter((sentence) => sentence.kind === 'p');
    const prosePool = paragraphs.length ? paragraphs : own.filter((sentence) => sentence.point);
    const region = opening ? undefined : topOf(prosePool[0]?.section ?? 0);
    const pool = prosePool.filter((sentence) =>
      (opening ? [opening, next] : [region]).includes(topOf(sentence.section)),
    );
    used = pickBottomLine(pool, opening ? 0 : centralStart(pool.slice(0, 30)));
    opening ??= topOf(used[0]?.section ?? 0);
    const place = opening?.place ?? source.intro.find((node) => node.position)?.position?.start;
    bottomLine = used.map((sentence, i) => item(sentence.text, i, place));
  }

  let keyPoints: DigestItem[];
  if (source.takeaways) {
    keyPoints = source.takeaways.map((text) => ({ text }));
  } else if (findings) {
    keyPoints = listItems(findings, lang).slice(0, derivedPointLimit);
  } else {
    const taken = new Set(used.map((sentence) => sentence.text));
    const wholeDocument: SectionPart = {
      id: 0,
      section: { number: 0, heading: '', body: source.intro },
      heading: '',
      label: '',
      body: source.intro,
    };
    const best: Array<{ part: SectionPart; sentence: Sentence }> = parts
      .filter((part) => part.section !== opening)
      .flatMap((part) => {
        const top = scored
          .filter((sentence) => sentence.section === part.id && sentence.point && !taken.has(sentence.text))
          .sort((a, b) => b.score - a.score || a.position - b.position)[0];
        return top ? [{ part, sentence: top }] : [];
      });
    // A document of one long section: its other paragraphs give the points.
    if (best.length === 0) {
      const units = new Set<string>();
      for (const sentence of [...scored].sort((a, b) => b.score - a.score || a.position - b.position)) {
        const unit = `${sentence.section}:${sentence.unit}`;
        if (
          !sentence.point ||
          taken.has(sentence.text) ||
          units.has(unit) ||
          used.some((u) => `${u.section}:${u.unit}` === unit)
        )
          continue;
        units.add(unit);
        const part = parts.find((candidate) => candidate.id === sentence.section);
        const whole = part ?? wholeDocument;
        best.push({ part: { ...whole, label: '' }, sentence });
      }
      best.sort((a, b) => scored.indexOf(a.sentence) - scored.indexOf(b.sentence));
    }
    // The best points of different sections first, then, for a document of few sections, of their parts.
    const ranked = best
      .map((choice, order) => ({ ...choice, order }))
      .sort((a, b) => b.sentence.score - a.sentence.score || a.order - b.order);
    const seen = new Set<SourceSection>();
    const first = ranked.filter(({ part }) => !seen.has(part.section) && seen.add(part.section));
    let budget = pointWordBudget(source.words);
    const texts = new Set<string>();
    keyPoints = [...first, ...ranked.filter((choice) => !first.includes(choice))]
      .filter(({ sentence }) => !texts.has(sentence.text) && texts.add(sentence.text))
      .filter(({ sentence }) => sentence.words <= budget && (budget -= sentence.words) >= 0)
      .slice(0, derivedPointLimit)
      .sort((a, b) => a.order - b.order)
      .map(({ part, sentence }, i) => ({
        ...(part.label ? { label: part.label } : {}),
        text: sentence.text,
        // After the lists' items, the later points first; before the bottom line's later sentences.
        drop: {
          rank: 100 + i,
          name: part.label ? `section ${part.section.number} (“${part.label}”)` : `“${firstWords(sentence.text)}”`,
          place: part.label ? part.place : (sentence.place ?? part.place),
        },
      }));
    // A note that is only a list: its items are its points.
    const list = keyPoints.length === 0 && bottomLine.length === 0 ? firstList(source.intro) : undefined;
    if (list) keyPoints = listItems({ number: 0, heading: '', body: [list] }, lang, false);
  }

  const lists: DigestList[] = [];
  const quoted = new Set([...bottomLine, ...keyPoints].map((point) => point.text));
  for (const section of keyLists) {
    const heading = keyListPart(section.heading);
    const items = listItems(section, lang).filter((entry) => !quoted.has(entry.text));
    const same = lists.find((list) => list.heading.toLowerCase() === heading.toLowerCase());
    if (same) same.items.push(...items);
    else if (items.length) lists.push({ heading, items });
  }
  const short = (source.words ?? 0) < shortDocumentWords;
  return { bottomLine, keyPoints, keyPointsMarked: source.takeaways !== undefined, lists, short };
}

/** The bottom line's first sentence is never dropped; its later ones go before any key point. */
function item(text: string, i: number, place?: Point): DigestItem {
  return i === 0 ? { text } : { text, drop: { rank: i, name: `sentence ${i + 1}`, ...(place ? { place } : {}) } };
}

/** Sections no summary quotes: version histories, glossaries, definitions, contacts, contents. */
const apparatus =
  /^(version(shistorie| history)?|revision history|change ?log|änderungshistorie|historique des versions|glossar(y|io)?|glossaire|definitions?|begriffsbestimmungen|définitions|definiciones|contacts?|kontakt|contacto|table of contents|contents|inhalt(sverzeichnis)?|sommaire|índice|acknowledge?ments|danksagung|remerciements|license|licence|lizenz|licencia|footnotes|fußnoten|impressum|imprint|credits|colophon|mentions légales|aviso legal|about this (guide|handbook|document))$/i;

/** Part of a section a key point may come from, with the label it would have. */
interface SectionPart {
  id: number;
  section: SourceSection;
  heading: string;
  label: string;
  body: RootContent[];
  place?: Point;
}

/**
 * The parts key points are chosen among: each section whole, or, when there are fewer sections than
 * key points wanted, each section cut at its highest sub-heading, so that a memo of two long sections
 * still gets points from its several subjects.
 */
function partsOf(all: SourceSection[], wanted: number): SectionPart[] {
  return all.flatMap((section, _, sections) => {
    const body = withoutApparatus(section.body);
    const whole = {
      id: section.number * 100,
      section,
      heading: section.heading,
      label: shortHeading(section.heading),
      body,
      ...(section.place ? { place: section.place } : {}),
    };
    if (sections.length >= wanted) return [whole];
    const split = sectionsOf(body);
    if (split.sections.length < 2) return [whole];
    return [
      { ...whole, body: split.intro },
      ...split.sections.map((sub) => ({
        ...whole,
        id: whole.id + sub.number,
        heading: `${section.heading} ${sub.heading}`,
        label: shortHeading(sub.heading),
        body: sub.body,
        ...(sub.place ? { place: sub.place } : {}),
      })),
    ];
  });
}

/** A section's body without its sub-sections headed "Footnotes", "Glossary" and the like. */
function withoutApparatus(body: RootContent[]): RootContent[] {
  let skipping = 0;
  return body.filter((node) => {
    const level = node.type === 'element' && /^h[1-6]$/.test(node.tagName) ? Number(node.tagName[1]) : 0;
    if (level && skipping && level <= skipping) skipping = 0;
    if (level && !skipping && apparatus.test(bareHeading(collapse(inlineText(node as Element))))) skipping = level;
    return !skipping;
  });
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
