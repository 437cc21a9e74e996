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
 * word. The rest goes to it in pieces of about a thousand characters, cut at spaces, or inside a run
 * without any (Thai, Japanese), whose last few words are then read again: V8's segmenter slows down
 * with the square of a string's length (a whole long brief at once takes minutes), and each call has a
 * cost of its own.
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
  const others = rest.join(' ');
  for (let start = 0, size = 1000; start < others.length; ) {
    const end = pieceEnd(others, start, size);
    const segments = [...word.segment(others.slice(start, end))];
    // A piece cut inside a run without spaces: its last words may go on past the cut, or be split
    // otherwise with what follows (a dictionary reads a few words ahead), so they are read again with the next piece.
    const kept =
      end < others.length && !/\s/.test(others[end - 1]!)
        ? Math.max(0, segments.length - rereadSegments)
        : segments.length;
    for (const { isWordLike } of segments.slice(0, kept)) if (isWordLike) count++;
    // Nothing kept: one word fills the whole piece, so a longer piece is read from the same place.
    if (kept === 0) size *= 2;
    else [start, size] = [kept === segments.length ? end : start + segments[kept]!.index, 1000];
  }
  return count;
}

/** Segments before a cut that are read again with the next piece. */
const rereadSegments = 8;

/** Punctuation at either end of a token: `(word`, `word,`. */
const edgePunctuation = /^\p{P}+|\p{P}+$/gu;
/** Letters (no marks, digits or symbols) of scripts that put spaces between words and never break inside one. */
const plainWord = /^(?:(?=\p{L})[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])+$/u;

/** Where the piece of `text` from `start` ends: after its last space within `size` characters, else after `size` characters (never inside a surrogate pair). */
function pieceEnd(text: string, start: number, size: number): number {
  if (start + size >= text.length) return text.length;
  const lastSpace = text.slice(start, start + size).search(/\s\S*$/);
  if (lastSpace >= 0) return start + lastSpace + 1;
  const end = start + size;
  return /[\uDC00-\uDFFF]/.test(text[end]!) ? end + 1 : end;
}
