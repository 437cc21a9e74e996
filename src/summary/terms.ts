// The words a sentence is about, for comparing sentences: stop words out, the rest stemmed.
import { stemmer as danish } from '@orama/stemmers/danish';
import { stemmer as dutch } from '@orama/stemmers/dutch';
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as finnish } from '@orama/stemmers/finnish';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as italian } from '@orama/stemmers/italian';
import { stemmer as norwegian } from '@orama/stemmers/norwegian';
import { stemmer as portuguese } from '@orama/stemmers/portuguese';
import { stemmer as russian } from '@orama/stemmers/russian';
import { stemmer as spanish } from '@orama/stemmers/spanish';
import { stemmer as swedish } from '@orama/stemmers/swedish';
import stopwordLists from 'stopwords-iso/stopwords-iso.json' with { type: 'json' };
import { cache } from '../caches.js';
import { segmentsOf } from './segments.js';

/** Snowball stemmers, by primary language subtag; other languages compare whole lower-cased words. */
const stemmers: Record<string, (word: string) => string> = {
  da: danish,
  de: german,
  en: english,
  es: spanish,
  fi: finnish,
  fr: french,
  it: italian,
  nl: dutch,
  no: norwegian,
  nb: norwegian,
  pt: portuguese,
  ru: russian,
  sv: swedish,
};

const stopwordSets = cache<string, Set<string>>();
const wordSegmenters = cache<string, Intl.Segmenter>();

function stopwordsFor(language: string): Set<string> {
  let set = stopwordSets.get(language);
  if (!set) {
    const list = (stopwordLists as Record<string, string[] | undefined>)[language] ?? [];
    set = new Set(list.map((word) => word.toLocaleLowerCase(language)));
    stopwordSets.set(language, set);
  }
  return set;
}

/** `de-CH` → `de`. */
export function primaryLanguage(lang: string): string {
  return (lang.split(/[-_]/)[0] ?? lang).toLowerCase();
}

/**
 * The terms of a sentence: its words as `Intl.Segmenter` finds them in the document's language, lower-cased,
 * without stop words (stopwords-iso), numbers or single letters, each reduced to its Snowball stem where
 * the language has one. A language with neither keeps its lower-cased words: TF-IDF then weighs down the
 * common ones.
 */
export function terms(text: string, lang: string): string[] {
  const language = primaryLanguage(lang);
  let segmenter = wordSegmenters.get(language);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, { granularity: 'word' });
    wordSegmenters.set(language, segmenter);
  }
  const stop = stopwordsFor(language);
  const stem = stemmers[language];
  const found: string[] = [];
  for (const { segment, isWordLike } of segmentsOf(segmenter, text)) {
    if (!isWordLike) continue;
    const word = segment.toLocaleLowerCase(language).replace(/[’']/g, "'");
    if (stop.has(word) || /^\p{N}+$/u.test(word) || [...word].length < 2) continue;
    found.push(stem ? stem(word) : word);
  }
  return found;
}

/** Languages a document's text is compared with when it declares none, or the default. */
const guessable = ['en', 'fr', 'de', 'es', 'it', 'pt', 'nl'];

/**
 * The language the text is written in, for the summary's analysis only: the declared one, unless
 * the text's words are much more often the stop words of another (a French document whose front
 * matter says nothing is declared `en` by default). Counted over the first two thousand words.
 */
export function textLanguage(text: string, declared: string): string {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}']+/u)
    .slice(0, 2000);
  const hits = (language: string) => {
    const stop = stopwordsFor(language);
    return words.filter((word) => stop.has(word)).length;
  };
  const own = hits(primaryLanguage(declared));
  let best = declared;
  let bestHits = own;
  for (const language of guessable) {
    const count = hits(language);
    if (count > bestHits) [best, bestHits] = [language, count];
  }
  // Stop-word lists overlap ("a", "de", "in"): another language must be clearly ahead.
  return bestHits > own * 1.5 ? best : declared;
}
