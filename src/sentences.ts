const segmenters = new Map<string, { sentence: Intl.Segmenter; word: Intl.Segmenter }>();

function segmentersFor(lang: string) {
  let pair = segmenters.get(lang);
  if (!pair) {
    pair = { sentence: new Intl.Segmenter(lang, { granularity: 'sentence' }), word: new Intl.Segmenter(lang, { granularity: 'word' }) };
    segmenters.set(lang, pair);
  }
  return pair;
}

/**
 * Abbreviations after which ICU breaks a sentence that goes on ("Dr. Müller", "20 Mrd. Euro"):
 * V8's `Intl.Segmenter` ignores the `-u-ss-standard` suppressions that would handle them.
 */
const abbreviations = new Set(
  'Mr Mrs Ms Dr Prof Sr Jr St Mt Gen Col Lt Sgt Gov Sen Rep Rev Hon No Nr Vol Fig approx vs cf ca bzw vgl sog ggf Mrd Mio Tsd Hr Mme Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec'.split(' '),
);

/** The sentences of a paragraph, split by `Intl.Segmenter` in the document's language. */
export function sentences(text: string, lang = 'en'): string[] {
  const result: string[] = [];
  for (const { segment } of segmentersFor(lang).sentence.segment(text)) {
    const sentence = segment.trim();
    if (!sentence) continue;
    const previous = result.at(-1);
    const word = previous === undefined ? undefined : /(?:^|[\s(])(\p{L}+)\.$/u.exec(previous)?.[1];
    // Glue back a break after an abbreviation or an initial ("John F. Kennedy"), or before a lower-case word.
    if (previous !== undefined && ((word && (abbreviations.has(word) || /^\p{Lu}$/u.test(word))) || /^\p{Ll}/u.test(sentence))) {
      result[result.length - 1] = `${previous} ${sentence}`;
    } else result.push(sentence);
  }
  return result;
}

/** The first sentence of a paragraph. */
export function leadSentence(text: string, lang = 'en'): string {
  return sentences(text, lang)[0] ?? text;
}

/**
 * Words as `Intl.Segmenter` counts them (punctuation and spaces are not words), counted between
 * spaces, where a word always ends: V8's segmenter slows down with the square of a string's length
 * (a whole 50-page brief at once took minutes).
 */
export function wordCount(text: string, lang = 'en'): number {
  const { word } = segmentersFor(lang);
  let count = 0;
  for (const piece of text.split(/\s+/)) for (const segment of word.segment(piece)) if (segment.isWordLike) count++;
  return count;
}
