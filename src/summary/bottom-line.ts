// Where a derived bottom line comes from: the document's own summary, a purpose part, its opening, or
// its conclusion, after what the front matter's description says.
import type { RootContent } from 'hast';
import type { Point } from 'unist';
import type { Sentence } from './candidates.js';
import type { SourceSection } from './digest-types.js';
import {
  backgroundHeading,
  bareHeading,
  bottomLineWords,
  centralStart,
  conclusionHeading,
  describedBy,
  pickBottomLine,
  sameText,
  summaryHeading,
} from './lead.js';
import { type SectionPart, shortHeading } from './section-parts.js';
import { wordCount } from './sentences.js';

interface Source {
  /** The sections a summary may quote (not findings, risks or apparatus). */
  prose: SourceSection[];
  parts: SectionPart[];
  scored: Sentence[];
  intro: RootContent[];
  description?: string;
  lang: string;
}

export interface BottomLine {
  /** The front matter description's sentences, then the text's. */
  texts: string[];
  /** The text's sentences, quoted already: no key point repeats them. */
  used: Sentence[];
  /** The section they come from, which gives no key point; or the part of one. */
  opening?: SourceSection;
  ownPart?: SectionPart;
  place?: Point;
}

/** First person singular: a closing "I have one final thought before I sign off" is the author's note, not the document's answer. */
const personal = /(^|[^\p{L}])(I|I['’](m|ve|d|ll)|my|me|je|j['’]|ich|mein\p{L}*)(?=[^\p{L}]|$)/u;

/**
 * The document's summary section, else a summary or purpose part of a section, else its conclusion
 * (unless that is a personal sign-off), else its most central opening prose; a background section
 * stands in only for a document without opening prose.
 */
export function chooseBottomLine({ prose, parts, scored, intro, description, lang }: Source): BottomLine {
  const topOf = (id: number) => parts.find((part) => part.id === id)?.section;
  const of = (section: SourceSection) => scored.filter((sentence) => topOf(sentence.section) === section);
  const byHeading = (pattern: RegExp) =>
    prose.find((section) => pattern.test(bareHeading(shortHeading(section.heading))) && of(section).length);
  const described = describedBy(description, lang);
  const had = { sentences: described.length, words: wordCount(described.join(' '), lang) };
  const fresh = (sentences: Sentence[]) =>
    sentences.filter((sentence) => !described.some((text) => sameText(text, sentence.text)));
  const pick = (pool: Sentence[], start: (pool: Sentence[]) => number) =>
    had.words >= bottomLineWords.min ? [] : pickBottomLine(fresh(pool), start(fresh(pool)), had);
  const finish = (used: Sentence[], opening?: SourceSection, ownPart?: SectionPart): BottomLine => {
    const place = ownPart?.place ?? opening?.place ?? intro.find((node) => node.position)?.position?.start;
    return { texts: [...described, ...used.map((sentence) => sentence.text)], used, opening, ownPart, place };
  };
  // Paragraphs, else, in a document that is one list, its items that are sentences of their own.
  const proseOf = (own: Sentence[]) => {
    const paragraphs = own.filter((sentence) => sentence.kind === 'p');
    return paragraphs.length ? paragraphs : own.filter((sentence) => sentence.point);
  };
  const fromSection = (opening: SourceSection) => {
    // A one-line summary section goes on into the section after it (a Rust RFC's "Summary", then its "Motivation").
    const next = prose[prose.indexOf(opening) + 1];
    return pick(proseOf([...of(opening), ...(next ? of(next) : [])]), () => 0);
  };

  const summary = byHeading(summaryHeading);
  if (summary) return finish(fromSection(summary), summary);
  // A purpose or summary part inside a section (a memo's "A. **Purpose of the Initiative**").
  const ownPart = parts.find(
    (part) =>
      part.id % 100 !== 0 &&
      summaryHeading.test(bareHeading(part.label)) &&
      scored.some((sentence) => sentence.section === part.id && sentence.kind === 'p'),
  );
  if (ownPart)
    return finish(
      pick(proseOf(scored.filter((s) => s.section === ownPart.id)), () => 0),
      undefined,
      ownPart,
    );
  const introProse = scored.some((sentence) => sentence.section === 0 && sentence.kind === 'p');
  const closing = (introProse ? undefined : byHeading(backgroundHeading)) ?? byHeading(conclusionHeading);
  if (closing) {
    const used = fromSection(closing);
    if (!used.some((sentence) => personal.test(sentence.text))) return finish(used, closing);
  }
  // The opening prose: paragraphs of one part, never a list's items, from the most central of its first three.
  const pool = proseOf(scored);
  const region = topOf(pool[0]?.section ?? 0);
  const used = pick(
    pool.filter((sentence) => topOf(sentence.section) === region),
    (fresh) => centralStart(fresh.slice(0, 30)),
  );
  // Paragraphs too short for a bottom line ("… the following principles: Public; Accessible; …") go on
  // into the sentences after them, a list's items too, when those stand alone.
  const words = had.words + used.reduce((sum, sentence) => sum + sentence.words, 0);
  if (used.length && words < bottomLineWords.min) {
    const after = scored
      .slice(scored.indexOf(used.at(-1)!) + 1)
      .filter((sentence) => topOf(sentence.section) === region && (sentence.kind === 'p' || sentence.point));
    used.push(...pickBottomLine(fresh(after), 0, { sentences: had.sentences + used.length, words }));
  }
  return finish(used, topOf(used[0]?.section ?? 0));
}
