// What a summary must never quote, whatever its score: each filter names the junk it keeps out.
import { leansBackOtherScripts } from './connectives.js';
import { hasPlaceholder, isCredits } from './furniture.js';
import { mathMark } from './hast-prose.js';
import { wordCount } from './sentences.js';
import { endsSentence, withStop } from './stops.js';

/** Words a key point may have: one short sentence is a fragment, a long one is a paragraph. */
export const pointWords = { min: 8, max: 40 };

/**
 * Template syntax left in the text: Liquid/Jinja tags and output on one line, kramdown attribute lists
 * (`{:toc}`, `{: .from}`). Found with `indexOf` (an opener, then its closer after it), not a lazy regex,
 * which reads to the line's end from each of ten thousand openers without a closer.
 */
function templateSyntax(text: string): boolean {
  const enclosed = (open: string, close: string, line: string) => {
    const at = line.indexOf(open);
    return at !== -1 && line.indexOf(close, at + open.length) !== -1;
  };
  return (
    enclosed('{:', '}', text) ||
    text.split(/[\n\r\u2028\u2029]/).some((line) => enclosed('{%', '%}', line) || enclosed('{{', '}}', line))
  );
}
/** TeX that was not typeset (`$x^2$` as Pandoc reads it, not "$5 and $10"; `\frac{…}`). */
const rawTex = /\$[^$\s](?:[^$]*[^$\s])?\$(?!\d)|\\[a-z]+\{/i;
/** Table rows and checklists written as text: `| a | b |`, `[ ] item`, `[x] item`. */
const tableOrChecklist = /\|[^|\n]*\||(^|\s)\[[ xX]\]\s/;
/** A memorandum's header block, in its languages: "To:", "From:", "Subject:", "Memorandum for …". */
const memoHeader =
  /^(memorandum for|memorandum to|to|from|subject|date|re|cc|thru|through|an|von|betreff|datum|objet|de|à|date|asunto|para|fecha|oggetto|da|a)\s*:|\b(memorandum for the heads)\b|\bsubject\s*:.*\bfrom\s*:|\bfrom\s*:.*\bsubject\s*:/i;
/**
 * Lines about the page rather than its subject: how to reach its authors, comment on it or change it.
 * Their whole paragraph goes ("Suggestions are welcome via GitHub issues. Each issue is a conversation…").
 */
const aboutPage = new RegExp(
  [
    // From the start of a run only: tried inside a long run of such characters, each try read to its end.
    String.raw`(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+`,
    String.raw`\b(questions|inquiries|enquiries|comments)\b.{0,80}\b(should|may|can) be (addressed|directed|sent)\b`,
    String.raw`\b(contact|e-?mail|phone|telephone|tel\.?|fax)\s*:`,
    String.raw`\b(suggestions|feedback|comments|contributions|pull requests|issues)\b.{0,60}\b(are|is) (welcome|encouraged|appreciated)\b`,
    String.raw`\b(open(ing)?|submit(ting)?|fil(e|ing)|creat(e|ing)) an? (new )?(github )?(issue|pull request)\b|\bedit this page\b`,
    String.raw`\b(send|submit|provide) (your |us )?(content )?(suggestions|comments|feedback|proposed revisions)\b`,
    String.raw`\bcomments received will be\b|\bdeadline for (submitting )?(comments|feedback)\b`,
    String.raw`\bplease (post|reach out|contact|get in touch|comment|let us know|write to|join)\b`,
  ].join('|'),
  'i',
);
/** Contact and administrative lines: the above, and revision notes, "find out more". */
const administrative = new RegExp(
  [
    aboutPage.source,
    String.raw`^(find out more|read more|for more information|see also)\b`,
    String.raw`^(last updated|published|version|bezugsquelle|quelle|source|stand|lizenz|license)\s*:`,
    String.raw`\b(supersedes|rescinds|is hereby rescinded)\b`,
    String.raw`^(weitere informationen|pour en savoir plus|más información|para más información)\b`,
  ].join('|'),
  'i',
);

/** Whether `sentence` is about the page (its contacts, how to comment on it), which takes its paragraph with it. */
export function isAboutPage(sentence: string): boolean {
  return aboutPage.test(sentence);
}
/** Definitions: "Data: For the purposes of this Memorandum, the term …", "the term X means …". */
const definition =
  /\bfor (the )?purposes of this\b|\bthe term\s+["“']?[^"”']{1,40}["”']?\s+(refers to|means|includes)\b|^["“][^"”]{1,40}["”]\s+(means|refers to)\b|\bim sinne dieses\b|\bau sens (du|de la|des) présent/i;
/** A sentence that hands over to an equation or a list it does not hold: "… is the following." */
const introducesNext = /\b(the following|as follows|given by|defined as|shown below)[.:]?["”’)]?$/i;
/** A cross-reference the document could not resolve ("Section @sec:x", "equation (?)") reads as syntax. */
const unresolvedReference = /(^|[\s([])@(fig|tbl|sec|eq|lst):|\(\?\)/;
/** A line that is mostly addresses: a list of links written out. */
const urls = /(https?:\/\/|www\.)\S+/gi;

export type JunkReason =
  | 'template'
  | 'placeholder'
  | 'credits'
  | 'math'
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
  if (templateSyntax(sentence) || unresolvedReference.test(sentence)) return 'template';
  if (hasPlaceholder(sentence)) return 'placeholder';
  if (isCredits(sentence)) return 'credits';
  // A formula is never quoted: its TeX is not prose, and its glyphs are not either out of their layout.
  if (sentence.includes(mathMark) || rawTex.test(sentence)) return 'math';
  if (tableOrChecklist.test(sentence)) return 'table';
  if (memoHeader.test(sentence)) return 'memo header';
  if (administrative.test(sentence)) return 'administrative';
  if (definition.test(sentence)) return 'definition';
  const addresses = sentence.match(urls)?.join('').length ?? 0;
  // A written-out address reads as a link, not a point: "accessible at https://…".
  if (addresses > 0) return 'link list';
  if (/:["”’)]?$/.test(sentence) || introducesNext.test(sentence)) return 'lead-in';
  if (!balanced(sentence)) return 'not a sentence';
  if (!/\p{L}/u.test(sentence)) return 'not a sentence';
  if (!endsSentence(sentence) || !/^[\p{Lu}\p{Lo}"“«„¿¡(\p{N}]/u.test(sentence)) return 'not a sentence';
  return undefined;
}

/**
 * A sentence that leans on the one before ("However, …", "This means …", "Yes — …"): a reader of the
 * summary has not read that one, so it makes a poor key point.
 */
const leansBack =
  /^(however|but|and|also|furthermore|moreover|in addition|additionally|therefore|thus|hence|so|yes|no|this|these|that|those|it|they|such|here|then|for example|for instance|the following|below|as follows|similarly|likewise|otherwise|instead|finally|as such|now that|cependant|c'est-à-dire|c'est à dire|mais|et|aussi|ainsi|donc|de plus|en outre|par ailleurs|ce|cela|ceci|cette|ces|il|elle|ils|elles|oui|non|aber|und|auch|außerdem|daher|deshalb|dies|diese|dieser|dieses|es|sie|zum anderen|zudem|ja|nein|pero|y|también|además|por lo tanto|así|esto|este|esta|estos|estas|en estos casos|en este caso|sí|the (latter|former|above)|the (first|second|third)(?=,| (of|is|was|are|were|one|two|three|four)\b)|both|each of (these|them|those)|trotzdem|dennoch|jedoch|allerdings|pourtant|toutefois|néanmoins|sin embargo|no obstante|por ello|a continuación)\b/i;
/** A sentence that points back at what the reader of a summary never saw: "mentioned above", "the previous point". */
const pointsBack =
  /\b(mentioned|described|listed|noted|outlined|discussed) (above|earlier|previously|before)|\b(above-mentioned|aforementioned|previous (point|section|paragraph))\b|\b(punto|apartado|sección) anterior\b|\bmencionad[oa]s? (anteriormente|arriba)\b|\bci-dessus\b|\bsusmentionnée?s?\b|\boben (genannt|beschrieben|erwähnt)\w*|\bvorstehend\w*/i;

/**
 * "This memorandum …", "Diese Richtlinie …", "Ce document …": a document naming itself needs no sentence
 * before it, and real documents open that way more often than any other.
 */
const selfReference =
  /^(this|these|dies(e[rs]?)?|ce(tte)?|est[ea]) (document|memorandum|memo|policy|guide|guidance|report|paper|brief|briefing|rfc|proposal|page|directive|circular|standard|framework|strategy|plan|note|article|post|handbook|manual|playbook|notice|order|bulletin|letter|decision|regulation|review|study|publication|website|site|repository|project|principles|guidelines|requirements|dokument|richtlinie|leitfaden|bericht|papier|strategie|grundsätze|politique|guide|rapport|note|stratégie|principes|documento|política|guía|informe|estrategia|principios)\b/i;

/** "E.g. …", "Por ejemplo, …": an example of what the sentence before said. */
const example =
  /^(e\.\s?g\.|i\.\s?e\.|z\.\s?b\.|for example|for instance|par exemple|zum beispiel|beispielsweise|por ejemplo)(?=[\s,])/i;

/** Whether `sentence` opens with an example of what came before. */
export function isExample(sentence: string): boolean {
  return example.test(sentence.replace(/^["“„«¿¡(]+/, ''));
}

export function leansOnContext(sentence: string): boolean {
  // Typographic apostrophes (from smartypants or the source) read as plain ones: "C’est-à-dire".
  // A sentence in brackets is an aside to the one before it.
  if (/^\(.*\)[.!?…]?$/.test(sentence.trim())) return true;
  const plain = sentence.replace(/^["“„«¿¡(]+/, '').replace(/[’ʼ]/g, "'");
  return (
    (leansBack.test(plain) && !selfReference.test(plain)) ||
    leansBackOtherScripts(plain) ||
    pointsBack.test(plain) ||
    isExample(plain)
  );
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
 * when the cut would leave a bracket or quotation open. One pass: the words and brackets of each
 * prefix are the previous prefix's plus those of the piece between, and no boundary past `max` words
 * can fit (re-reading each prefix whole made a 100,000-character sentence take minutes).
 */
export function cutAtClause(sentence: string, lang: string, max = pointWords.max): string | undefined {
  const conjunction = new RegExp(clauseStart.source.replace(/^\^/, ''), 'iy');
  const marks = { open: 0, close: 0, left: 0, right: 0, straight: 0 };
  let words = 0;
  let from = 0;
  let best: { end: number; strength: number } | undefined;
  for (const match of sentence.matchAll(/;|\s[—–]\s|,\s/g)) {
    const piece = sentence.slice(from, match.index);
    from = match.index;
    words += wordCount(piece, lang);
    countMarks(piece, marks);
    if (words > max) break;
    const strength = match[0] === ';' ? 3 : match[0].trim() === ',' ? 1 : 2;
    conjunction.lastIndex = match.index + match[0].length;
    if (strength === 1 && !conjunction.test(sentence)) continue;
    if (
      words < pointWords.min ||
      !(marks.open === marks.close && marks.left === marks.right && marks.straight % 2 === 0)
    )
      continue;
    // The strongest boundary, and of those the longest part: a semicolon before a comma.
    const end = trimmedEnd(sentence, match.index);
    if (!best || strength > best.strength || (strength === best.strength && end > best.end)) best = { end, strength };
  }
  return best ? withStop(sentence.slice(0, best.end), lang) : undefined;
}

/** Where `text` up to `end` ends without the spaces and punctuation a cut leaves: `[\s,;:—–-]+$`, without a regex that backtracks over long runs of spaces. */
function trimmedEnd(text: string, end: number): number {
  while (end > 0 && /[\s,;:—–-]/.test(text[end - 1]!)) end--;
  return end;
}

function countMarks(
  text: string,
  marks: { open: number; close: number; left: number; right: number; straight: number },
) {
  for (const char of text) {
    if (char === '(') marks.open++;
    else if (char === ')') marks.close++;
    else if (char === '“') marks.left++;
    else if (char === '”') marks.right++;
    else if (char === '"') marks.straight++;
  }
}

function balanced(text: string): boolean {
  const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
  return count(/\(/g) === count(/\)/g) && count(/“/g) === count(/”/g) && count(/"/g) % 2 === 0;
}
