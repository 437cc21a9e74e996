// The key points a document's summary derives: the most representative sentence of up to five sections.
import type { RootContent } from 'hast';
import type { Sentence } from './candidates.js';
import type { DigestItem, SourceSection } from './digest-types.js';
import type { SectionPart } from './section-parts.js';

/** A person writes three to five key points; the fit may leave out even these. */
export const derivedPointLimit = 5;

/** The words all key points may have together, by the document's length: a short one's summary keeps large type. */
export function pointWordBudget(words = Number.POSITIVE_INFINITY): number {
  return words < 1000 ? 110 : words < 3000 ? 150 : 200;
}

interface Choice {
  parts: SectionPart[];
  scored: Sentence[];
  /** The bottom line's sentences, quoted already. */
  used: Sentence[];
  /** The section the bottom line comes from: it gives no key point. */
  opening?: SourceSection;
  /** Or the part of a section it comes from. */
  ownPart?: SectionPart;
  intro: RootContent[];
  words?: number;
}

/**
 * The best sentence of each part competes; at most five win, one a section first, within the word
 * budget, shown in document order. A document whose sections give no point, or of one section with
 * three paragraphs or items to quote or more, gives points from those.
 */
export function derivedKeyPoints({ parts, scored, used, opening, ownPart, intro, words }: Choice): DigestItem[] {
  const taken = new Set(used.map((sentence) => sentence.text));
  const wholeDocument: SectionPart = {
    id: 0,
    section: { number: 0, heading: '', body: intro },
    heading: '',
    label: '',
    body: intro,
  };
  // Each part's best sentence, by one pass over the sentences: a document of thousands of headings has
  // thousands of parts, and reading every sentence for each of them took the square of that.
  const better = (a: Sentence, b: Sentence) => b.score - a.score || a.position - b.position;
  const tops = new Map<number, Sentence>();
  for (const sentence of scored) {
    if (!sentence.point || taken.has(sentence.text)) continue;
    const top = tops.get(sentence.section);
    if (!top || better(sentence, top) < 0) tops.set(sentence.section, sentence);
  }
  const best: Array<{ part: SectionPart; sentence: Sentence }> = parts
    .filter((part) => part.section !== opening && part !== ownPart)
    .flatMap((part) => {
      const top = tops.get(part.id);
      return top ? [{ part, sentence: top }] : [];
    });
  // A document of one long section (or one list, as the 26 points of a service standard): its other
  // paragraphs and items give the points.
  const pointUnits = new Set(scored.filter((sentence) => sentence.point).map((s) => `${s.section}:${s.unit}`));
  if (best.length === 0 || (best.length === 1 && parts.length === 1 && pointUnits.size >= 3)) {
    best.length = 0;
    const units = new Set<string>(used.map((u) => `${u.section}:${u.unit}`));
    const byId = new Map<number, SectionPart>();
    for (const part of parts) if (!byId.has(part.id)) byId.set(part.id, part);
    for (const sentence of [...scored].sort(better)) {
      const unit = `${sentence.section}:${sentence.unit}`;
      if (!sentence.point || taken.has(sentence.text) || units.has(unit)) continue;
      units.add(unit);
      const part = byId.get(sentence.section);
      const whole = part ?? wholeDocument;
      best.push({ part: { ...whole, label: '' }, sentence });
    }
    const order = new Map(scored.map((sentence, i) => [sentence, i]));
    best.sort((a, b) => order.get(a.sentence)! - order.get(b.sentence)!);
  }
  // The best points of different sections first, then, for a document of few sections, of their parts.
  const ranked = best
    .map((choice, order) => ({ ...choice, order }))
    .sort((a, b) => b.sentence.score - a.sentence.score || a.order - b.order);
  const seen = new Set<SourceSection>();
  const first = ranked.filter(({ part }) => !seen.has(part.section) && seen.add(part.section));
  let budget = pointWordBudget(words);
  const texts = new Set<string>();
  const firsts = new Set(first);
  return [...first, ...ranked.filter((choice) => !firsts.has(choice))]
    .filter(({ sentence }) => !texts.has(sentence.text) && texts.add(sentence.text))
    .filter(({ sentence }) => {
      if (sentence.words > budget) return false;
      budget -= sentence.words;
      return true;
    })
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
}

function firstWords(text: string): string {
  const words = text.split(' ');
  return words.length > 6 ? `${words.slice(0, 6).join(' ')}…` : text;
}
