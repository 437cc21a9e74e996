const segmenters = new Map<string, Intl.Segmenter>();

/** The first sentence of a paragraph, split by `Intl.Segmenter` in the document's language. */
export function leadSentence(text: string, lang = 'en'): string {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
    segmenters.set(lang, segmenter);
  }
  for (const { segment } of segmenter.segment(text)) return segment.trim();
  return text;
}
