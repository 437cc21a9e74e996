/**
 * Keep only the `@font-face` rules whose `unicode-range` covers a character of `text`; rules
 * without a range are kept. A font package ships one rule per script subset (latin, cyrillic, greek, …),
 * each inlined as a `data:` URL: dropping the unused ones makes the HTML a fraction of its size, and
 * Chromium parses and decodes only what the document prints.
 */
export function fontFacesFor(fontCss: string, text: string): string {
  const used = codePoints(text).sort((a, b) => a - b);
  return rulesOf(fontCss)
    .filter(({ ranges }) => !ranges || ranges.some(([from, to]) => (used[firstAtLeast(used, from)] ?? Infinity) <= to))
    .map(({ rule }) => rule)
    .join('');
}

/** Each font CSS (one per set of fonts in a process) split into its rules once: it is megabytes of base64, and every output asks. */
const split = new Map<string, Array<{ rule: string; ranges?: Array<[number, number]> }>>();

function rulesOf(fontCss: string) {
  let rules = split.get(fontCss);
  if (!rules) {
    const parsed = fontCss.split(/(?=@font-face)/).map((rule) => {
      const range = /unicode-range:\s*([^;}]+)/i.exec(rule)?.[1];
      return { rule, ranges: range === undefined ? undefined : parseRanges(range) };
    });
    const text = parsed.flatMap(({ ranges }) => (ranges && coversAscii(ranges) ? ranges : []));
    rules = parsed.map(({ rule, ranges }) => ({ rule, ranges: ranges && !coversAscii(ranges) ? without(ranges, text) : ranges }));
    split.set(fontCss, rules);
  }
  return rules;
}

/**
 * A text face covers all of printable ASCII. A face that does not (an emoji font lists the digits, `#`,
 * `*` and `©` for its keycaps and symbols) never draws what a text face covers, as the text faces come
 * before it in every font stack: it is chosen only by the characters no text face has.
 */
function coversAscii(ranges: Array<[number, number]>): boolean {
  return ranges.some(([from, to]) => from <= 0x20 && to >= 0x7e);
}

/** `ranges` less every code point of `cover`. */
function without(ranges: Array<[number, number]>, cover: Array<[number, number]>): Array<[number, number]> {
  return cover.reduce(
    (left, [from, to]) => left.flatMap(([start, end]): Array<[number, number]> => (to < start || from > end ? [[start, end]] : [
      ...(start < from ? [[start, from - 1] as [number, number]] : []),
      ...(end > to ? [[to + 1, end] as [number, number]] : []),
    ])),
    ranges,
  );
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
  for (const [, hex, decimal] of text.matchAll(/&#(?:x([\da-f]+)|(\d+));/gi)) points.add(hex ? Number.parseInt(hex, 16) : Number(decimal));
  return [...points];
}

/** The index of the first of the sorted `points` that is at least `value` (`points.length` if none is). */
function firstAtLeast(points: number[], value: number): number {
  let [low, high] = [0, points.length];
  while (low < high) {
    const mid = (low + high) >> 1;
    if (points[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** `U+0460-052F, U+20B4, U+4??` → inclusive ranges. */
function parseRanges(list: string): Array<[number, number]> {
  return list.split(',').flatMap((part): Array<[number, number]> => {
    const match = /^\s*U\+([\da-f?]+)(?:-([\da-f]+))?\s*$/i.exec(part);
    if (!match?.[1]) return [];
    const start = match[1];
    if (start.includes('?')) return [[Number.parseInt(start.replace(/\?/g, '0'), 16), Number.parseInt(start.replace(/\?/g, 'f'), 16)]];
    const from = Number.parseInt(start, 16);
    return [[from, match[2] ? Number.parseInt(match[2], 16) : from]];
  });
}
