/**
 * A CSS `unicode-range`, flat: `[from, to, from, to, …]`, each pair inclusive. The shipped CJK families
 * alone list some 130,000 ranges, which every run reads once: one array of numbers a rule, read by a scan
 * of the characters, takes a fraction of the time and memory of a regular expression and a pair a range.
 */
export type Ranges = number[];

/** Whether `point` lies in one of `ranges`. */
export function within(ranges: Ranges, point: number): boolean {
  for (let i = 0; i < ranges.length; i += 2) if (point >= ranges[i]! && point <= ranges[i + 1]!) return true;
  return false;
}

/**
 * `U+0460-052F, U+20B4, U+4??` → `[0x460, 0x52f, 0x20b4, 0x20b4, 0x400, 0x4ff]`. A part that is not
 * `U+` and hex digits (with `?` wildcards, then no end) or a range of them is left out.
 */
export function parseRanges(list: string): Ranges {
  const ranges: Ranges = [];
  for (let start = 0; start <= list.length; ) {
    let end = list.indexOf(',', start);
    if (end === -1) end = list.length;
    let from = start;
    let to = end;
    while (from < to && isSpace(list, from)) from++;
    while (to > from && isSpace(list, to - 1)) to--;
    readPart(list, from, to, ranges);
    start = end + 1;
  }
  return ranges;
}

/** One part, `list.slice(from, to)`, pushed onto `ranges` if it is well formed. */
function readPart(list: string, from: number, to: number, ranges: Ranges): void {
  if (to - from < 3 || (list.charCodeAt(from) | 0x20) !== 0x75 || list.charCodeAt(from + 1) !== 0x2b) return; // `U+`
  let low = 0;
  let high = 0;
  let wild = false;
  let at = from + 2;
  for (; at < to; at++) {
    const code = list.charCodeAt(at);
    const digit = code === 0x3f ? -1 : hexDigit(code);
    if (digit === -2) break;
    wild ||= digit === -1;
    low = low * 16 + Math.max(digit, 0);
    high = high * 16 + (digit === -1 ? 15 : digit);
  }
  if (at === from + 2) return;
  let last = low;
  if (at < to) {
    // `-` and hex digits to the end; with wildcards, the end is read but not used.
    if (list.charCodeAt(at) !== 0x2d || at + 1 === to) return;
    last = 0;
    for (at++; at < to; at++) {
      const digit = hexDigit(list.charCodeAt(at));
      if (digit < 0) return;
      last = last * 16 + digit;
    }
  }
  if (wild) ranges.push(low, high);
  else ranges.push(low, last);
}

/** 0–15 for a hex digit, else -2. */
function hexDigit(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x57 : -2;
}

/** What `\s` matches, as a regular expression's trim would: ASCII spaces by their codes, anything else asked. */
function isSpace(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || (code > 0x7f && /\s/.test(text[at]!));
}
