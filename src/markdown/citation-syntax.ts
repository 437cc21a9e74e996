// Pandoc's citation syntax, read from a text node: `[see @key, p. 4; -@other]` and `@key` in running text.

/** One work cited, as citeproc takes it. */
export interface CiteItem {
  id: string;
  locator?: string;
  label?: string;
  prefix?: string;
  suffix?: string;
  'suppress-author'?: boolean;
}

/** A citation found in a text: its items, where it is in the text, and how it was written. */
export interface CitationMatch {
  items: CiteItem[];
  start: number;
  end: number;
  /** `@key` in running text (the author named in the sentence), rather than `[@key]`. */
  inText: boolean;
  written: string;
}

// A key as Pandoc reads it: starts with a letter, digit or `_`, may hold internal punctuation.
const key = String.raw`[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*`;
const bracketed = new RegExp(String.raw`\[([^\[\]]*?-?@${key}[^\[\]]*)\](?!\()`, 'gu');
// `@key` in running text: not part of an e-mail address or a word; cross-references (`@fig:x`) are not citations.
const bare = new RegExp(String.raw`(?<![\p{L}\p{N}_@.\-])@(${key})`, 'gu');
const crossReference = /^(fig|tbl|sec|eq|lst):/;

// The locator labels CSL knows, by the abbreviations authors write (Pandoc's list, in English).
const labels: Record<string, string> = {
  p: 'page',
  pp: 'page',
  page: 'page',
  pages: 'page',
  chap: 'chapter',
  ch: 'chapter',
  chapter: 'chapter',
  sec: 'section',
  section: 'section',
  '§': 'section',
  '§§': 'section',
  para: 'paragraph',
  '¶': 'paragraph',
  fig: 'figure',
  figure: 'figure',
  vol: 'volume',
  n: 'note',
  nn: 'note',
  l: 'line',
  ll: 'line',
  col: 'column',
  art: 'article',
  no: 'issue',
  bk: 'book',
  pt: 'part',
  v: 'verse',
};

/** Every citation in `text`, in order: bracketed ones, then `@key` outside them. */
export function findCitations(text: string): CitationMatch[] {
  if (!text.includes('@')) return [];
  const found: CitationMatch[] = [];
  for (const match of text.matchAll(bracketed)) {
    const items = bracketItems(match[1]!);
    if (items)
      found.push({ items, start: match.index, end: match.index + match[0].length, inText: false, written: match[0] });
  }
  for (const match of text.matchAll(bare)) {
    const start = match.index;
    if (found.some((cite) => start >= cite.start && start < cite.end)) continue;
    const id = match[1]!.replace(/[.:]+$/, '');
    if (crossReference.test(id)) continue;
    found.push({ items: [{ id }], start, end: start + 1 + id.length, inText: true, written: `@${id}` });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** `see @a, p. 4; -@b` → its items; undefined when a part holds no key (then it is not a citation). */
function bracketItems(inside: string): CiteItem[] | undefined {
  const items: CiteItem[] = [];
  for (const part of inside.split(';')) {
    const match = new RegExp(`^(.*?)(-?)@(${key})(.*)$`, 'su').exec(part.trim());
    if (!match) return undefined;
    const [, prefix, minus, id, rest] = match as unknown as [string, string, string, string, string];
    if (crossReference.test(id)) return undefined;
    const item: CiteItem = { id };
    if (prefix.trim()) item.prefix = `${prefix.trim()} `;
    if (minus) item['suppress-author'] = true;
    Object.assign(item, locatorOf(rest.replace(/^\s*,/, '').trim()));
    items.push(item);
  }
  return items.length > 0 ? items : undefined;
}

/** `p. 4`, `pp. 33-35, note` → locator, label and suffix; a bare number is a page. */
function locatorOf(text: string): Partial<CiteItem> {
  if (!text) return {};
  const match = /^([\p{L}§¶]+)\.?\s*([\p{N}ivxlcdm][\p{N}ivxlcdm\-–,]*?)(?=$|,\s|\s)(.*)$/iu.exec(text);
  const label = match ? labels[match[1]!.toLowerCase()] : undefined;
  if (match && label) {
    const suffix = match[3]!.replace(/^\s*,/, '').trim();
    return { label, locator: match[2]!, ...(suffix ? { suffix: `, ${suffix}` } : {}) };
  }
  const page = /^(\d[\d\-–]*)(.*)$/.exec(text);
  if (page) return { label: 'page', locator: page[1]!, ...(page[2]!.trim() ? { suffix: page[2] } : {}) };
  return { suffix: `, ${text}` };
}
