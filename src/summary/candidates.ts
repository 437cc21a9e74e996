// Every sentence of a document a summary may quote, with where it stands, and its score.
import type { RootContent } from 'hast';
import { cutAtClause, isAboutPage, junkReason, leansOnContext, lengthProblem, pointWords } from './filters.js';
import { type ProseUnit, proseUnits } from './prose-units.js';
import { rankCandidates } from './rank.js';
import { sentencesOf, wordCount } from './sentences.js';
import { asksQuestion } from './stops.js';

/** A stretch of the document: the opening prose (section 0) or a section, with its heading. */
export interface Part {
  section: number;
  heading: string;
  body: RootContent[];
}

export interface Sentence {
  text: string;
  words: number;
  section: number;
  /** Which of its section's prose units (paragraphs, list items) it is in. */
  unit: number;
  kind: ProseUnit['kind'];
  /** Its order among its section's sentences. */
  position: number;
  /** Whether it can be a key point: 8–40 words, perhaps after a cut at a clause. */
  point: boolean;
  /** Its place in the Markdown (its paragraph's). */
  place?: { line: number; column: number };
  score: number;
}

/**
 * The sentences of each part that no filter refuses, each scored. A sentence over 40 words is cut at a
 * clause boundary when it has one that leaves a sentence, else it may serve in a bottom line only.
 */
export function candidates(parts: Part[], lang: string): Sentence[] {
  const found: Omit<Sentence, 'score'>[] = [];
  const units = parts.map((part) => proseUnits(part.body));
  const fields = repeatedLabels(units.flat());
  for (const [p, part] of parts.entries()) {
    let position = 0;
    units[p]!.forEach((unit, index) => {
      // A form's field ("Progress: …", "Goals: …" under every heading) is a record, not a point.
      if (unit.clause || fields.has(labelOf(unit.text) ?? '')) return;
      const all = [...sentencesOf(unit.text, lang)];
      // A paragraph with a contact line or contribution notice is about the page, not its subject:
      // "Suggestions are welcome via GitHub issues. Each issue is a conversation…" goes whole.
      if (all.some(isAboutPage)) return;
      for (const sentence of all) {
        if (junkReason(sentence)) continue;
        const problem = lengthProblem(sentence, lang);
        const text = problem === 'too long' && !unit.whole ? (cutAtClause(sentence, lang) ?? sentence) : sentence;
        const words = wordCount(text, lang);
        found.push({
          text,
          words,
          section: part.section,
          unit: index,
          kind: unit.kind,
          position: position++,
          // "Traditional TIC: For instances …", "Regarding focus: There isn't …": a labelled note, not a point.
          point:
            words >= pointWords.min &&
            words <= pointWords.max &&
            !runIn.exec(text)?.[2] &&
            // A key point is read alone: one that leans on the sentence before never is one.
            !leansOnContext(text) &&
            // A key point says something: a question ("人們在使用你的專案嗎？") waits for its answer.
            !asksQuestion(text) &&
            !(unit.kind === 'li' && lang.startsWith('en') && gerundItem.test(text)),
          ...(unit.place ? { place: unit.place } : {}),
        });
      }
    });
  }
  const headings = new Map(parts.map((part) => [part.section, part.heading]));
  const scores = rankCandidates(
    found.map((sentence) => ({ ...sentence, heading: headings.get(sentence.section) ?? '' })),
    lang,
  );
  // A sentence that leans on the one before reads badly alone, and a long one shares more words with
  // everything (centrality favours it) but reads worse: each wins only over a clearly weaker rival.
  // Rounded: sums of the same terms in another order must tie, and a tie goes to the earlier sentence.
  return found.map((sentence, i) => {
    const weight = (leansOnContext(sentence.text) ? 0.6 : 1) * (sentence.words > 30 ? 0.85 : 1);
    return { ...sentence, score: Math.round(scores[i]! * weight * 1e6) / 1e6 };
  });
}

/** "Ensuring top-level teams are accountable …": an item that goes on its list's lead-in ("The Council's duties are:"), no sentence alone. */
const gerundItem = /^\p{Lu}\p{Ll}+ing\s/u;

/** A run-in label of one to four words, and the capital after it when a sentence follows ("Goals: We had…"). */
const runIn = /^(\p{L}[\p{L}\p{N}'’-]*(?: [\p{L}\p{N}'’-]+){0,3}):\s+(\p{Lu})?/u;

/** "Progress: The project has…" → "progress". */
function labelOf(text: string): string | undefined {
  return runIn.exec(text)?.[1]?.toLowerCase();
}

/** Labels that open three or more paragraphs or items: the fields of a form filled in again and again. */
function repeatedLabels(units: ProseUnit[]): Set<string> {
  const counts = new Map<string, number>();
  for (const unit of units) {
    const label = labelOf(unit.text);
    if (label) counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, count]) => count >= 3).map(([label]) => label));
}
