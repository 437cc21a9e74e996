import type { RootContent } from 'hast';
import { paragraphs } from './hast-prose.js';
import { sentencesOf, wordCount } from './sentences.js';

const bottomLineWords = 85;

/** The first sentence of a section that can stand alone: long enough, and not a lead-in to a list or a question. */
export function leadOf(body: RootContent[], lang: string): string | undefined {
  const texts = paragraphs(body);
  for (const text of texts.slice(0, 2)) {
    for (const sentence of sentencesOf(text, lang)) if (standsAlone(sentence, lang)) return sentence;
  }
  return texts[0] ? sentencesOf(texts[0], lang).next().value : undefined;
}

function standsAlone(sentence: string, lang: string): boolean {
  return wordCount(sentence, lang) >= 6 && !/[:?]["”’)]?$/.test(sentence);
}

/**
 * Sentences in order until there are two to four of them and about {@link bottomLineWords} words,
 * ending with a paragraph once there are two; lead-ins to lists are skipped.
 */
export function pickBottomLine(texts: string[], lang: string): string[] {
  const picked: string[] = [];
  let words = 0;
  for (const text of texts) {
    if (picked.length >= 2) break;
    for (const sentence of sentencesOf(text, lang)) {
      if (/:["”’)]?$/.test(sentence)) continue;
      const count = wordCount(sentence, lang);
      if (picked.length >= 4 || (picked.length >= 2 && words + count > bottomLineWords)) break;
      picked.push(sentence);
      words += count;
    }
  }
  return picked;
}
