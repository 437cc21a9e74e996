// What a summary must never quote, whatever its score: each filter names the junk it keeps out.
import { wordCount } from './sentences.js';

/** Words a key point may have: one short sentence is a fragment, a long one is a paragraph. */
export const pointWords = { min: 8, max: 40 };

/** Template syntax left in the text: Liquid/Jinja tags and output, kramdown attribute lists (`{:toc}`, `{: .from}`). */
const templateSyntax = /\{%.*?%\}|\{\{.*?\}\}|\{:[^}]*\}/;
/** Table rows and checklists written as text: `| a | b |`, `[ ] item`, `[x] item`. */
const tableOrChecklist = /\|[^|\n]*\||(^|\s)\[[ xX]\]\s/;
/** A memorandum's header block, in its languages: "To:", "From:", "Subject:", "Memorandum for …". */
const memoHeader =
  /^(memorandum for|memorandum to|to|from|subject|date|re|cc|thru|through|an|von|betreff|datum|objet|de|à|date|asunto|para|fecha|oggetto|da|a)\s*:|\b(memorandum for the heads)\b|\bsubject\s*:.*\bfrom\s*:|\bfrom\s*:.*\bsubject\s*:/i;
/** Contact and administrative lines: where to send questions, revision notes, "find out more". */
const administrative = new RegExp(
  [
    String.raw`[\w.+-]+@[\w-]+\.[\w.-]+`,
    String.raw`\b(questions|inquiries|enquiries|comments)\b.{0,80}\b(should|may|can) be (addressed|directed|sent)\b`,
    String.raw`\b(contact|e-?mail|phone|telephone|tel\.?|fax)\s*:`,
    String.raw`^(find out more|read more|for more information|see also)\b`,
    String.raw`^(last updated|published|version|bezugsquelle|quelle|source|stand|lizenz|license)\s*:`,
    String.raw`\b(supersedes|rescinds|is hereby rescinded)\b`,
    String.raw`\b(suggestions|feedback|comments|contributions|pull requests|issues)\b.{0,60}\b(are|is) (welcome|encouraged|appreciated)\b`,
    String.raw`^(weitere informationen|pour en savoir plus|más información|para más información)\b`,
  ].join('|'),
  'i',
);
/** Definitions: "Data: For the purposes of this Memorandum, the term …", "the term X means …". */
const definition =
  /\bfor (the )?purposes of this\b|\bthe term\s+["“']?[^"”']{1,40}["”']?\s+(refers to|means|includes)\b|^["“][^"”]{1,40}["”]\s+(means|refers to)\b|\bim sinne dieses\b|\bau sens (du|de la|des) présent/i;
/** A sentence ends with a full stop, a question or exclamation mark, perhaps inside quotes or brackets. */
const sentenceEnd = /[.!?…。！？]["”’»)\]]*$/;
/** A line that is mostly addresses: a list of links written out. */
const urls = /(https?:\/\/|www\.)\S+/gi;

export type JunkReason =
  | 'template'
  | 'table'
  | 'memo header'
  | 'administrative'
  | 'definition'
  | 'link list'
  | 'not a sentence'
  | 'lead-in'
  | 'too short'
  | 'too long';

/** Why `sentence` cannot be quoted in a summary, or undefined when it can (length aside: see {@link lengthProblem}). */
export function junkReason(sentence: string): JunkReason | undefined {
  if (templateSyntax.test(sentence)) return 'template';
  if (tableOrChecklist.test(sentence)) return 'table';
  if (memoHeader.test(sentence)) return 'memo header';
  if (administrative.test(sentence)) return 'administrative';
  if (definition.test(sentence)) return 'definition';
  const addresses = sentence.match(urls)?.join('').length ?? 0;
  // A written-out address reads as a link, not a point: "accessible at https://…".
  if (addresses > 0) return 'link list';
  if (/:["”’)]?$/.test(sentence)) return 'lead-in';
  if (!balanced(sentence)) return 'not a sentence';
  if (!/\p{L}/u.test(sentence)) return 'not a sentence';
  if (!sentenceEnd.test(sentence) || !/^[\p{Lu}\p{Lo}"“«„¿¡(\p{N}]/u.test(sentence)) return 'not a sentence';
  return undefined;
}

/**
 * A sentence that leans on the one before ("However, …", "This means …", "Yes — …"): a reader of the
 * summary has not read that one, so it makes a poor key point.
 */
const leansBack =
  /^(however|but|and|also|furthermore|moreover|in addition|additionally|therefore|thus|hence|so|yes|no|this|these|that|those|it|they|such|here|then|for example|for instance|the following|below|as follows|similarly|likewise|otherwise|instead|finally|cependant|c'est-à-dire|c'est à dire|mais|et|aussi|ainsi|donc|de plus|en outre|par ailleurs|ce|cela|ceci|cette|ces|il|elle|ils|elles|oui|non|aber|und|auch|außerdem|daher|deshalb|dies|diese|dieser|dieses|es|sie|zum anderen|zudem|ja|nein|pero|y|también|además|por lo tanto|así|esto|este|esta|estos|estas|en estos casos|en este caso|sí)\b/i;

export function leansOnContext(sentence: string): boolean {
  return leansBack.test(sentence.replace(/^["“„«¿¡(]+/, ''));
}

/** Too short or too long for a key point (`max` words at most). */
export function lengthProblem(sentence: string, lang: string, max = pointWords.max): JunkReason | undefined {
  const words = wordCount(sentence, lang);
  if (words < pointWords.min) return 'too short';
  return words > max ? 'too long' : undefined;
}

/** Conjunctions a clause may start with after a comma, in the languages most briefs are in. */
const clauseStart =
  /^(and|but|which|while|whereas|although|so|yet|because|et|mais|qui|tandis|alors|car|und|aber|sowie|während|weil|denn|wobei|y|pero|que|mientras|aunque|porque|e|ma|mentre|perché)\b/i;

/**
 * A sentence over `max` words cut at its last clause boundary that leaves at least eight words and at
 * most `max`: a semicolon, a dash, then a comma before a conjunction. Undefined when there is none, or
 * when the cut would leave a bracket or quotation open.
 */
export function cutAtClause(sentence: string, lang: string, max = pointWords.max): string | undefined {
  const boundaries: Array<{ at: number; strength: number }> = [];
  for (const match of sentence.matchAll(/;|\s[—–]\s|,\s/g)) {
    const strength = match[0] === ';' ? 3 : match[0].trim() === ',' ? 1 : 2;
    if (strength === 1 && !clauseStart.test(sentence.slice(match.index + match[0].length))) continue;
    boundaries.push({ at: match.index, strength });
  }
  const fitting = boundaries
    .map(({ at, strength }) => ({ text: sentence.slice(0, at).replace(/[\s,;:—–-]+$/, ''), strength }))
    .filter(({ text }) => {
      const words = wordCount(text, lang);
      return words >= pointWords.min && words <= max && balanced(text);
    });
  // The strongest boundary, and of those the longest part: a semicolon before a comma.
  const best = fitting.sort((a, b) => b.strength - a.strength || b.text.length - a.text.length)[0];
  return best ? `${best.text}.` : undefined;
}

function balanced(text: string): boolean {
  const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
  return count(/\(/g) === count(/\)/g) && count(/“/g) === count(/”/g) && count(/"/g) % 2 === 0;
}
