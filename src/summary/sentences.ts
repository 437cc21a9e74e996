import { cache } from '../caches.js';
import { segmentsOf } from './segments.js';

const segmenters = cache<string, { sentence: Intl.Segmenter; word: Intl.Segmenter }>();

function segmentersFor(lang: string) {
  let pair = segmenters.get(lang);
  if (!pair) {
    pair = {
      sentence: new Intl.Segmenter(lang, { granularity: 'sentence' }),
      word: new Intl.Segmenter(lang, { granularity: 'word' }),
    };
    segmenters.set(lang, pair);
  }
  return pair;
}

/**
 * Abbreviations after which ICU breaks a sentence that goes on ("Dr. Müller", "20 Mrd. Euro"):
 * V8's `Intl.Segmenter` ignores the `-u-ss-standard` suppressions that would handle them.
 */
const abbreviations = new Set(
  'Mr Mrs Ms Dr Prof Sr Jr St Mt Gen Col Lt Sgt Gov Sen Rep Rev Hon No Nr Vol Fig approx vs cf ca bzw vgl sog ggf Mrd Mio Tsd Hr Mme s Abb Abs Art Kap Nr Ziff Ref Sec Sect Ch ch p pp para Anm resp env núm Sra Dra Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec'.split(
    ' ',
  ),
);

/** "U.S.", "e.g.", "z.B.", "i.e.": letters each followed by a full stop, ending the text. */
const dottedAcronym = /(?:^|[\s(])(?:\p{L}\.){2,}$/u;

/** The sentences of a paragraph, split by `Intl.Segmenter` in the document's language. */
export function sentences(text: string, lang = 'en'): string[] {
  return [...sentencesOf(text, lang)];
}

/**
 * The sentences of a paragraph one at a time, for a reader that needs only the first few: the
 * segmenter then reads no further (all the sentences of one 160,000-character paragraph take a second).
 */
export function* sentencesOf(text: string, lang = 'en'): Generator<string, undefined> {
  // The sentence being glued, in parts: only its last part is read, so a paragraph of ten thousand
  // "U.S." glued into one sentence is read once, not once for each part.
  let parts: string[] = [];
  for (const { segment } of segmentsOf(segmentersFor(lang).sentence, text)) {
    const sentence = segment.trim();
    if (!sentence) continue;
    const previous = parts.at(-1);
    const word = previous === undefined ? undefined : /(?:^|[\s(])(\p{L}+)\.$/u.exec(previous)?.[1];
    // Glue back a break after an abbreviation, an initial ("John F. Kennedy") or a dotted acronym
    // ("the U.S. Department", "e.g. Berlin"), or before a lower-case word.
    if (
      previous !== undefined &&
      ((word && (abbreviations.has(word) || /^\p{Lu}$/u.test(word))) ||
        dottedAcronym.test(previous) ||
        /^\p{Ll}/u.test(sentence))
    ) {
      parts.push(sentence);
    } else {
      if (parts.length) yield parts.join(' ');
      parts = [sentence];
    }
  }
  if (parts.length) yield parts.join(' ');
  return undefined;
}

/**
 * Words as `Intl.Segmenter` counts them (punctuation and spaces are not words). A word always ends at
 * a space, and a run of Latin, Greek or Cyrillic letters between spaces (punctuation aside) is one
 * word: those, most of a text, are counted without the segmenter, which costs about a microsecond a
 * word. The rest goes to it in bounded pieces (see `segmentsOf`), cut at spaces, or inside a run
 * without any (Thai, Japanese), whose last few words are then read again.
 */
export function wordCount(text: string, lang = 'en'): number {
  const { word } = segmentersFor(lang);
  let count = 0;
  const rest: string[] = [];
  for (const token of text.split(/\s+/)) {
    // Punctuation at either end joins nothing: "(word" and "word," are still one word.
    if (plainWord.test(token.replace(edgePunctuation, ''))) count++;
    else if (token) rest.push(token);
  }
  for (const { isWordLike } of segmentsOf(word, rest.join(' '), rereadSegments)) if (isWordLike) count++;
  return count;
}

/** Segments before a cut that are read again with the next piece. */
const rereadSegments = 8;

/** Punctuation at either end of a token: `(word`, `word,`. */
const edgePunctuation = /^\p{P}+|\p{P}+$/gu;
/** Letters (no marks, digits or symbols) of scripts that put spaces between words and never break inside one. */
const plainWord = /^(?:(?=\p{L})[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])+$/u;
