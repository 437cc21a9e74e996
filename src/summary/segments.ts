// V8's `Intl.Segmenter` takes time in proportion to the length of the string for each segment it
// gives: the sentences of a 100,000-character paragraph, or the words of a 100,000-character sentence,
// take the square of that. Here it is given pieces of a bounded length instead, cut where it would
// cut anyway, so that reading a text takes time in proportion to its length.

/** Characters given to the segmenter at once. */
const pieceSize = 2000;
/** Text read again before a cut, so that the segmenter sees what comes before a boundary. */
const lookBack = 200;

/**
 * The segments of `text`, as `segmenter.segment(text)` gives them. Each piece's last segment may go on
 * past the piece, so it is read again (with `reread` - 1 before it) at the start of the next; a segment that fills a piece (a sentence
 * of thousands of characters) ends at the first boundary found reading on, from a little before the cut.
 */
export function* segmentsOf(segmenter: Intl.Segmenter, text: string, reread = 1): Generator<Intl.SegmentData> {
  let start = 0;
  while (start < text.length) {
    const end = pieceEnd(text, start);
    if (end === text.length) {
      for (const data of segmenter.segment(text.slice(start))) yield shifted(data, start);
      return;
    }
    const segments = [...segmenter.segment(text.slice(start, end))];
    if (segments.length > 1) {
      // The last `reread` are read again with what follows (a dictionary of words reads a few ahead).
      const kept = Math.max(1, segments.length - reread);
      for (const data of segments.slice(0, kept)) yield shifted(data, start);
      start += segments[kept]!.index;
      continue;
    }
    // One segment fills the piece: its end is the first boundary after the cut.
    let from = end;
    let next = text.length;
    while (from < text.length) {
      const back = cutAt(text, Math.max(start, from - lookBack));
      const ahead = cutAt(text, from + pieceSize);
      const found = [...segmenter.segment(text.slice(back, ahead))].find(
        (data) => data.index > 0 && back + data.index >= from,
      );
      if (found) {
        next = back + found.index;
        break;
      }
      from = ahead;
    }
    const whole = text.slice(start, next);
    const [first] = segmenter.segment(whole);
    yield { ...first!, segment: whole, index: start, input: text };
    start = next;
  }
}

/** Where a piece from `start` ends: after the last space of its second half, if it has one. */
function pieceEnd(text: string, start: number): number {
  const end = cutAt(text, start + pieceSize);
  for (let at = end; at > start + pieceSize / 2; at--) if (/\s/.test(text[at - 1]!)) return at;
  return end;
}

/** `at`, or the end of `text`, moved off the low half of a surrogate pair. */
function cutAt(text: string, at: number): number {
  if (at >= text.length) return text.length;
  return /[\uDC00-\uDFFF]/.test(text[at]!) ? at + 1 : at;
}

function shifted(data: Intl.SegmentData, by: number): Intl.SegmentData {
  return { ...data, index: data.index + by };
}
