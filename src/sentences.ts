const segmenters = new Map<string, { sentence: Intl.Segmenter; word: Intl.Segmenter }>();

function segmentersFor(lang: string) {
  let pair = segmenters.get(lang);
  if (!pair) {
    pair = { sentence: new Intl.Segmenter(lang, { granularity: 'sentence' }), word: new Intl.Segmenter(lang, { granularity: 'word' }) };
    segmenters.set(lang, pair);
  }
  return pair;
}

/** The sentences of a paragraph, split by `Intl.Segmenter` in the document's language. */
export function sentences(text: string, lang = 'en'): string[] {
  return [...segmentersFor(lang).sentence.segment(text)].map(({ segment }) => segment.trim()).filter(Boolean);
}

/** The first sentence of a paragraph. */
export function leadSentence(text: string, lang = 'en'): string {
  return sentences(text, lang)[0] ?? text;
}

/** Words as `Intl.Segmenter` counts them (punctuation and spaces are not words). */
export function wordCount(text: string, lang = 'en'): number {
  let count = 0;
  for (const segment of segmentersFor(lang).word.segment(text)) if (segment.isWordLike) count++;
  return count;
}
