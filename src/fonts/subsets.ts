import { cache } from '../caches.js';
import { cjkOrders, drawsFirst } from './cjk-order.js';
import { parseRanges, type Ranges, within } from './unicode-ranges.js';

/**
 * Keep only the `@font-face` rules whose `unicode-range` covers a character of `text`; rules
 * without a range are kept. A font package ships one rule per script subset (latin, cyrillic, greek, …):
 * dropping the unused ones spares the page hundreds of rules, and Chromium loads only what it prints.
 */
export function fontFacesFor(fontCss: string, text: string): string {
  const split = rulesOf(fontCss);
  const used = codePoints(text);
  // A face that is not a text face is chosen only by what no text face draws (see `isTextFace`).
  const rare = used.filter((point) => !within(split.textRanges, point));
  const orders = cjkOrders(text);
  return split.rules
    .filter(
      (face) =>
        face.range === undefined ||
        (face.text ? used : rare).some(
          (point) =>
            within(rangesOf(face), point) && (face.text || drawsFirst(face.family, point, orders, coverageOf(split))),
        ),
    )
    .map(({ rule }) => rule)
    .join('');
}

/** The visible characters of `text` that no rule of `fontCss` covers; none when a rule has no range. */
export function missingCharacters(fontCss: string, text: string): string[] {
  const { rules, textRanges } = rulesOf(fontCss);
  if (rules.some(({ range }) => range === undefined)) return [];
  return codePoints(text)
    .filter((point) => !within(textRanges, point) && !rules.some((face) => !face.text && within(rangesOf(face), point)))
    .map((point) => String.fromCodePoint(point))
    .filter((char) => visible.test(char));
}

/** Letters, digits, punctuation and symbols: not spaces, controls, joiners or variation selectors, which draw nothing. */
const visible = /^[\p{L}\p{N}\p{P}\p{S}]$/u;

interface FaceRule {
  rule: string;
  /** Its `unicode-range` as written, if it has one; read into `ranges` when first asked (see `rangesOf`). */
  range?: string;
  ranges?: Ranges;
  text: boolean;
  family?: string;
}

interface Split {
  rules: FaceRule[];
  textRanges: Ranges;
  /** What each family's rules cover together; made when first asked (see `coverageOf`). */
  coverage?: Map<string, Ranges>;
}

/** Each font CSS (one per set of fonts in a process) split into its rules once: every output asks. */
const split = cache<string, Split>();

/**
 * The rules of `fontCss`, each classed as a text face or not; their ranges are read only when a page needs
 * them. The shipped CJK families alone have some 1,700 rules and 130,000 ranges, which a Latin page never
 * asks about: reading them all took a few hundred milliseconds of every run.
 */
function rulesOf(fontCss: string): Split {
  let found = split.get(fontCss);
  if (!found) {
    const rules = rulesIn(fontCss).map((rule): FaceRule => {
      const range = /unicode-range:\s*([^;}]+)/i.exec(rule)?.[1];
      const family = /font-family:\s*['"]?([^'";]+)/i.exec(rule)?.[1];
      const face: FaceRule = { rule, range, family, text: range === undefined };
      if (range !== undefined) {
        // Only a range starting at most at U+00FF may cover ASCII: only those are read to class the face.
        const low = [...range.matchAll(lowRanges)].map((match) => match[1]).join(',');
        face.text = isTextFace(parseRanges(low));
        if (face.text) face.ranges = parseRanges(range);
      }
      return face;
    });
    found = { rules, textRanges: rules.flatMap((face) => (face.text && face.range ? rangesOf(face) : [])) };
    split.set(fontCss, found);
  }
  return found;
}

/** The ranges of a `unicode-range` that start at most at U+00FF: two significant digits, a `?` counting as 0. */
const lowRanges = /(?:^|,)\s*(U\+[0?]*[\da-f?]{0,2}(?:-[\da-f]+)?)\s*(?=,|$)/gi;

/** The CSS split before each `@font-face`, as `split(/(?=@font-face)/)` would, without a lookahead at every character. */
function rulesIn(css: string): string[] {
  const rules: string[] = [];
  let at = css.indexOf('@font-face');
  if (at !== 0) rules.push(css.slice(0, at === -1 ? undefined : at));
  while (at !== -1) {
    const next = css.indexOf('@font-face', at + 1);
    rules.push(css.slice(at, next === -1 ? undefined : next));
    at = next;
  }
  return rules;
}

function rangesOf(face: FaceRule): Ranges {
  face.ranges ??= face.range === undefined ? [] : parseRanges(face.range);
  return face.ranges;
}

function coverageOf(found: Split): Map<string, Ranges> {
  if (!found.coverage) {
    const coverage = new Map<string, Ranges>();
    for (const face of found.rules) {
      if (!face.family || face.range === undefined) continue;
      const covered = coverage.get(face.family) ?? [];
      // Pushed in place: a CJK family has hundreds of slices, and copying its list for each is quadratic.
      for (const bound of rangesOf(face)) covered.push(bound);
      coverage.set(face.family, covered);
    }
    found.coverage = coverage;
  }
  return found.coverage;
}

/**
 * A text face covers all of printable ASCII. A face that does not (an emoji font lists the digits, `#`,
 * `*` and `©` for its keycaps and symbols) never draws what a text face covers, as the text faces come
 * before it in every font stack.
 */
function isTextFace(ranges: Ranges): boolean {
  for (let i = 0; i < ranges.length; i += 2) if (ranges[i]! <= 0x20 && ranges[i + 1]! >= 0x7e) return true;
  return false;
}

/** The distinct code points of `text`, including those written as numeric character references. */
function codePoints(text: string): number[] {
  const points = new Set<number>();
  // By index rather than `new Set(text)`, which makes a string of every character (twice as slow).
  for (let i = 0; i < text.length; i++) {
    const point = text.codePointAt(i)!;
    if (point > 0xffff) i++; // the low half of a surrogate pair
    points.add(point);
  }
  for (const [, hex, decimal] of text.matchAll(/&#(?:x([\da-f]+)|(\d+));/gi))
    points.add(referenced(hex ? Number.parseInt(hex, 16) : Number(decimal)));
  return [...points];
}

/**
 * The character a numeric reference stands for, as CommonMark and HTML read it: one out of Unicode's
 * range (`&#x110000;`), a surrogate (`&#xD800;`) or zero is U+FFFD, the replacement character.
 */
function referenced(point: number): number {
  return point === 0 || point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff) || !Number.isFinite(point)
    ? 0xfffd
    : point;
}
