import { cache } from '../caches.js';
import { cjkOrders, drawsFirst } from './cjk-order.js';
import { woff2Characters } from './woff2-cmap.js';

/**
 * Keep only the `@font-face` rules whose `unicode-range` covers a character of `text`; rules
 * without a range are kept. A font package ships one rule per script subset (latin, cyrillic, greek, …):
 * dropping the unused ones spares the page hundreds of rules, and Chromium loads only what it prints.
 */
export function fontFacesFor(fontCss: string, text: string, files?: ReadonlyMap<string, Uint8Array>): string {
  const { rules, textRanges, slices } = rulesOf(fontCss);
  const used = codePoints(text);
  // A face that is not a text face is chosen only by what no text face draws (see `isTextFace`).
  const rare = used.filter((point) => !within(textRanges, point));
  const orders = cjkOrders(text);
  // A family covers a character when a slice's range lists it and, where the file can be read, the
  // slice has a glyph for it: the ranges of the CJK slices list characters their files lack.
  const covers = (family: string, point: number) =>
    (slices.get(family) ?? []).some(
      ({ ranges, url }) => within(ranges, point) && (!files || !url || drawn(url, files)?.has(point) !== false),
    );
  return rules
    .filter(
      ({ ranges, text, family }) =>
        !ranges ||
        (text ? used : rare).some(
          (point) => within(ranges, point) && (text || drawsFirst(family, point, orders, covers)),
        ),
    )
    .map(({ rule }) => rule)
    .join('');
}

/** The visible characters of `text` that no rule of `fontCss` covers; none when a rule has no range. */
export function missingCharacters(fontCss: string, text: string): string[] {
  const { allRanges } = rulesOf(fontCss);
  if (!allRanges) return [];
  return codePoints(text)
    .filter((point) => !within(allRanges, point))
    .map((point) => String.fromCodePoint(point))
    .filter((char) => visible.test(char));
}

/** Letters, digits, punctuation and symbols: not spaces, controls, joiners or variation selectors, which draw nothing. */
const visible = /^[\p{L}\p{N}\p{P}\p{S}]$/u;

interface FaceRule {
  rule: string;
  ranges?: Array<[number, number]>;
  text: boolean;
  family?: string;
  url?: string;
}

/** The characters each served file draws, read once per process (see `woff2Characters`). */
const characters = cache<string, Set<number> | undefined>();

function drawn(url: string, files: ReadonlyMap<string, Uint8Array>): Set<number> | undefined {
  if (characters.has(url)) return characters.get(url);
  const data = files.get(url);
  const found = data && woff2Characters(data);
  characters.set(url, found);
  return found;
}

/** Each font CSS (one per set of fonts in a process) split into its rules and ranges once: every output asks. */
const split = cache<
  string,
  {
    rules: FaceRule[];
    textRanges: Array<[number, number]>;
    allRanges?: Array<[number, number]>;
    /** Each family's slices: the ranges a rule lists, and the URL of its file. */
    slices: Map<string, Array<{ ranges: Array<[number, number]>; url?: string }>>;
  }
>();

function rulesOf(fontCss: string) {
  let found = split.get(fontCss);
  if (!found) {
    const rules = fontCss.split(/(?=@font-face)/).map((rule): FaceRule => {
      const range = /unicode-range:\s*([^;}]+)/i.exec(rule)?.[1];
      const ranges = range === undefined ? undefined : parseRanges(range);
      const family = /font-family:\s*['"]?([^'";]+)/i.exec(rule)?.[1];
      const url = /url\(['"]?([^'")]+)/.exec(rule)?.[1];
      return { rule, ranges, text: !ranges || isTextFace(ranges), family, url };
    });
    const slices = new Map<string, Array<{ ranges: Array<[number, number]>; url?: string }>>();
    for (const { family, ranges, url } of rules) {
      if (!family || !ranges) continue;
      // Pushed in place: a CJK family has hundreds of slices, and copying its list for each is quadratic.
      const own = slices.get(family) ?? [];
      own.push({ ranges, url });
      slices.set(family, own);
    }
    found = {
      rules,
      textRanges: rules.flatMap(({ ranges, text }) => (text && ranges ? ranges : [])),
      allRanges: rules.every(({ ranges }) => ranges) ? rules.flatMap(({ ranges }) => ranges!) : undefined,
      slices,
    };
    split.set(fontCss, found);
  }
  return found;
}

/**
 * A text face covers all of printable ASCII. A face that does not (an emoji font lists the digits, `#`,
 * `*` and `©` for its keycaps and symbols) never draws what a text face covers, as the text faces come
 * before it in every font stack.
 */
function isTextFace(ranges: Array<[number, number]>): boolean {
  return ranges.some(([from, to]) => from <= 0x20 && to >= 0x7e);
}

function within(ranges: Array<[number, number]>, point: number): boolean {
  return ranges.some(([from, to]) => point >= from && point <= to);
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

/** `U+0460-052F, U+20B4, U+4??` → inclusive ranges. */
function parseRanges(list: string): Array<[number, number]> {
  return list.split(',').flatMap((part): Array<[number, number]> => {
    const match = /^\s*U\+([\da-f?]+)(?:-([\da-f]+))?\s*$/i.exec(part);
    if (!match?.[1]) return [];
    const start = match[1];
    if (start.includes('?'))
      return [[Number.parseInt(start.replace(/\?/g, '0'), 16), Number.parseInt(start.replace(/\?/g, 'f'), 16)]];
    const from = Number.parseInt(start, 16);
    return [[from, match[2] ? Number.parseInt(match[2], 16) : from]];
  });
}
