import type { Point } from 'unist';
import { type BottomLine, chooseBottomLine } from './bottom-line.js';
import { candidates } from './candidates.js';
import type { Digest, DigestItem, DigestList, DigestSource } from './digest-types.js';
import { collapse, firstList, inlineText } from './hast-prose.js';
import { derivedKeyPoints, derivedPointLimit } from './key-points.js';
import { bareHeading } from './lead.js';
import { listItems } from './list-items.js';
import { apparatus, keyListHeading, keyListPart, partsOf, sectionsOf, shortHeading } from './section-parts.js';
import { sentences } from './sentences.js';
import { textLanguage } from './terms.js';

export type { Digest, DigestItem, DigestList, DigestSource, SourceSection } from './digest-types.js';

/** Below this many words a summary is set in readable type: the fit leaves items out before shrinking it further. */
export const shortDocumentWords = 6000;

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

const findingsHeading = /^(key (findings|messages|points|takeaways)|main findings|takeaways|highlights)$/i;

/**
 * Choose the summary's content. Marked content is used as written. Otherwise the bottom line is the
 * document's own summary (or purpose, or conclusion) section, else its most central opening prose; the
 * key points are the most representative sentence of up to five other sections, in document order,
 * each a sentence of 8–40 words that no filter refuses. Lists under "Risks"-like headings follow.
 */
/**
 * A German compound heading ("Handlungsempfehlungen") may break, with a hyphen, before the word the
 * list is named for: the summary's left rail is too narrow for it whole, and Chromium has no German
 * hyphenation of its own here.
 */
function compoundBreak(heading: string): string {
  return heading.replace(/(\p{L}{3,})(empfehlungen|schritte|risiken)/giu, '$1\u00ad$2');
}

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
  let bottomLine: DigestItem[];
  let chosen: BottomLine | undefined;
  if (source.summary !== undefined) {
    bottomLine = sentences(collapse(source.summary), source.lang).map((text, i) => item(text, i));
  } else {
    chosen = chooseBottomLine({ prose, parts, scored, intro: source.intro, description: source.description, lang });
    const { place } = chosen;
    bottomLine = chosen.texts.map((text, i) => item(text, i, place));
  }

  let keyPoints: DigestItem[];
  if (source.takeaways) {
    keyPoints = source.takeaways.map((text) => ({ text }));
  } else if (findings) {
    keyPoints = listItems(findings, lang).slice(0, derivedPointLimit);
  } else {
    const { used = [], opening, ownPart } = chosen ?? {};
    keyPoints = derivedKeyPoints({ parts, scored, used, opening, ownPart, intro: source.intro, words: source.words });
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
    else if (items.length) lists.push({ heading: compoundBreak(heading), items });
  }
  const short = (source.words ?? 0) < shortDocumentWords;
  return { bottomLine, keyPoints, keyPointsMarked: source.takeaways !== undefined, lists, short };
}

/** The bottom line's first sentence is never dropped; its later ones go before any key point. */
function item(text: string, i: number, place?: Point): DigestItem {
  return i === 0 ? { text } : { text, drop: { rank: i, name: `sentence ${i + 1}`, ...(place ? { place } : {}) } };
}
