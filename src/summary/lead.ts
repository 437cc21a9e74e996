import type { RootContent } from 'hast';
import type { Sentence } from './candidates.js';
import { pointsForward } from './connectives.js';
import { isExample, junkReason, leansOnContext, lengthProblem } from './filters.js';
import { proseUnits } from './prose-units.js';
import { sentences, sentencesOf, wordCount } from './sentences.js';
import { withStop } from './stops.js';

/** The bottom line's length, in words: at least a full thought, at most what one reads at a glance. */
export const bottomLineWords = { min: 25, max: 90 };
const bottomLineSentences = 4;

/** A document's own summary or statement of purpose, in the languages briefs are written in. */
export const summaryHeading = new RegExp(
  `^(${[
    '(the )?(executive summary|summary|in brief|at a glance|bottom line|overview|abstract|purpose|tl;?dr)',
    '(the )?(purpose|summary|overview) of .{1,80}|purpose and (scope|background|applicability)|scope and purpose',
    'résumé|synthèse|en bref|objet|objectif',
    'zusammenfassung|kurzfassung|überblick|zweck|management summary',
    'resumen( ejecutivo)?|síntesis|propósito|objeto',
    'sommario|sintesi|riepilogo',
    'resumo|sumário',
    'samenvatting',
    'резюме|аннотация|краткое содержание',
    'सारांश',
  ].join('|')})$`,
  'i',
);
/** A background section stands in for a summary only when the document has no opening prose of its own. */
export const backgroundHeading = /^(background|context|hintergrund|contexte|antecedentes|contexto|premessa)$/i;

export const conclusionHeading =
  /^(conclusions?|in conclusion|concluding (remarks|thoughts)|(final|closing) thoughts?|the way forward|outlook|conclusion générale|fazit|schlussfolgerungen?|conclusiones?|conclusioni)$/i;

/** "2. Summary", "IV. Purpose:", "4.1 Resumen" → the words alone, to compare with the headings above. */
export function bareHeading(heading: string): string {
  return heading
    .replace(/^\s*((\d+|[ivxlc]+|[a-z])([.)]\d*)*[.):]?\s+|\d+(\.\d+)*\s*[-–—]\s*)/i, '')
    .replace(/[\s:.]+$/, '')
    .trim();
}

/**
 * The bottom line: sentences in order from `sentences` (a summary section's, or the opening prose's, then
 * what follows), from the first unit `start`, until there are at least {@link bottomLineWords}.min words at
 * the end of a paragraph, never more than its max or four sentences.
 */
export function pickBottomLine(sentences: Sentence[], start = 0, had = { sentences: 0, words: 0 }): Sentence[] {
  const picked: Sentence[] = [];
  let words = had.words;
  for (const [i, sentence] of sentences.entries()) {
    if (i < start) continue;
    // A bottom line cannot open on "So, …" or "This means …": its reader has not read what came before.
    if (picked.length === 0 && leansOnContext(sentence.text)) continue;
    const previous = picked.at(-1);
    const newParagraph = previous && (sentence.section !== previous.section || sentence.unit !== previous.unit);
    // An example is the text's evidence, not its answer: a bottom line long enough stops before it.
    if ((newParagraph || isExample(sentence.text)) && words >= bottomLineWords.min) break;
    // "Below are the practices …": the list it hands over to is not in the bottom line.
    if (previous && pointsForward(sentence.text)) {
      if (words >= bottomLineWords.min) break;
      continue;
    }
    // "Thus, training is …" opening a paragraph whose first sentences were formulas: it leans on what was left out.
    if (newParagraph && leansOnContext(sentence.text)) continue;
    if (words + sentence.words > bottomLineWords.max || had.sentences + picked.length >= bottomLineSentences) {
      if (picked.length > 0) break;
      continue;
    }
    picked.push(sentence);
    words += sentence.words;
  }
  return picked;
}

/** The sentences of a front matter `description` that read as prose (a missing stop added, in its script), or none. */
export function describedBy(description: string | undefined, lang: string): string[] {
  const text = description?.replace(/\s+/g, ' ').trim();
  if (!text) return [];
  const all = sentences(withStop(text, lang), lang);
  return all.every((sentence) => !junkReason(sentence)) && wordCount(text, lang) >= 6 ? all : [];
}

/** The same sentence, whatever its quotes, dashes and case: a description the text repeats is said once. */
export function sameText(a: string, b: string): boolean {
  const bare = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return bare(a) === bare(b);
}

/**
 * Where the opening's bottom line starts: the most central of its first three paragraphs (a memo's
 * first paragraph may be its background, the second its point), by its best sentence.
 */
export function centralStart(sentences: Sentence[]): number {
  const opening = sentences.filter((sentence) => sentence.section === sentences[0]?.section);
  const firstUnits = [...new Set(opening.map((sentence) => `${sentence.section}:${sentence.unit}`))].slice(0, 3);
  let best = 0;
  let bestScore = -1;
  for (const key of firstUnits) {
    const members = sentences.filter((sentence) => `${sentence.section}:${sentence.unit}` === key);
    // The first paragraph wins unless another is clearly more central: an opening usually says what the document is for.
    const score = Math.max(...members.map((sentence) => sentence.score)) * (key === firstUnits[0] ? 1.5 : 1);
    if (score > bestScore) [best, bestScore] = [sentences.indexOf(members[0]!), score];
  }
  return best;
}

/** The first sentence of a section that can stand alone as a key point, for the brief's own use. */
export function leadOf(body: RootContent[], lang: string): string | undefined {
  for (const unit of proseUnits(body).slice(0, 4))
    for (const sentence of sentencesOf(unit.text, lang))
      if (!junkReason(sentence) && !lengthProblem(sentence, lang)) return sentence;
  return undefined;
}
