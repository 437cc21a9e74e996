import type { Nodes, Root } from 'mdast';
import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

type Quotes = { double: string; single: string };

/**
 * The double quotes of the languages that do not use English ones. Single quotes stay ‘ ’ in every
 * language: SmartyPants makes apostrophes of closing single quotes, and the German ‚ ‘ would turn
 * `geht's` into `geht‘s`.
 */
const doubleQuotes: Record<string, [open: string, close: string]> = {
  de: ['„', '“'],
  fr: ['«', '»'],
  es: ['«', '»'],
  it: ['«', '»'],
  pt: ['«', '»'],
};

const options = (open?: Quotes, close?: Quotes) =>
  ({ dashes: 'oldschool', ellipses: true, backticks: false, openingQuotes: open, closingQuotes: close }) as const;

/**
 * SmartyPants over a document's text, as remark-smartypants does it (quotes over the whole text, so that a
 * quote pairs across links and emphasis; then dashes and ellipses in each text node), but given to
 * retext in pieces: its Latin parser takes time in proportion to the square of a sentence's length, and
 * a paragraph of ten thousand "U.S." is one sentence to it.
 */
function smartypants(settings: ReturnType<typeof options>): (tree: Root) => void {
  // Quotes first, which keeps every length, so that each node's text is found again at its place.
  const quotes = retext().use(retextSmartypants, { ...settings, ellipses: false, dashes: false, backticks: false });
  const marks = retext().use(retextSmartypants, { ...settings, quotes: false });
  return (tree) => {
    const nodes: Nodes[] = [];
    let all = '';
    visit(tree, (node, _index, parent) => {
      if (!parent || !visited.has(node.type)) return;
      // A block starts afresh: a quote at its start opens.
      if (blocks.has(node.type)) all += ' ';
      else if ('value' in node) all += node.type === 'text' ? node.value : 'A'.repeat(node.value.length);
      nodes.push(node);
    });
    all = inPieces(all, (piece) => String(quotes.processSync(piece)));
    let at = 0;
    for (const node of nodes) {
      if (blocks.has(node.type)) at += 1;
      else if ('value' in node) {
        const end = at + node.value.length;
        if (node.type === 'text')
          node.value = inPieces(all.slice(at, end), (piece) => String(marks.processSync(piece)));
        at = end;
      }
    }
  };
}

const visited = new Set(['text', 'inlineCode', 'paragraph', 'heading', 'tableCell']);
const blocks = new Set(['paragraph', 'heading', 'tableCell']);
/** Characters given to retext at once. */
const pieceSize = 2000;

/**
 * `run` over `text` in pieces of about `pieceSize` characters, each cut at a space between two letters or
 * digits: a quote, dash or ellipsis looks only at the words and marks beside it, never across such a space.
 * Text without such a space for long (a run of dotted names, of dots) is cut between two letters or
 * digits, or, failing that, anywhere: it has no quotes to pair there.
 */
function inPieces(text: string, run: (piece: string) => string): string {
  if (text.length <= pieceSize) return run(text);
  const out: string[] = [];
  let start = 0;
  while (start < text.length) {
    const end = start + pieceSize < text.length ? cut(text, start + pieceSize) : text.length;
    out.push(run(text.slice(start, end)));
    start = end;
  }
  return out.join('');
}

const between = [/(?<=[\p{L}\p{N}]) (?=[\p{L}\p{N}])/gu, /(?<=[\p{L}\p{N}])(?=[\p{L}\p{N}])/gu];

/** Where to cut `text` at or after `from`, within another `pieceSize` characters. */
function cut(text: string, from: number): number {
  const window = text.slice(0, Math.min(text.length, from + pieceSize));
  for (const pattern of between) {
    pattern.lastIndex = from;
    const found = pattern.exec(window);
    if (found) return found.index;
  }
  const end = Math.min(text.length, from + pieceSize);
  return /[\uDC00-\uDFFF]/.test(text[end] ?? '') ? end + 1 : end;
}

const english = smartypants(options());
const byLanguage = new Map(
  Object.entries(doubleQuotes).map(([lang, [open, close]]) => [
    lang,
    smartypants(options({ double: open, single: '‘' }, { double: close, single: '’' })),
  ]),
);

/**
 * Typewriter punctuation set as a publisher sets it, in the document's language: straight quotes
 * become its quotes, `--` an en dash, `---` an em dash, `...` an ellipsis. Only prose text changes:
 * code, inline code, URLs, raw HTML and the front matter are left as written.
 */
export default function typography() {
  return (tree: Root, file: VFile) => {
    const lang = (file.data.frontMatter?.lang ?? 'en').split('-')[0]!.toLowerCase();
    (byLanguage.get(lang) ?? english)(tree);
    // French sets a narrow no-break space inside its guillemets.
    if (lang === 'fr')
      visit(tree, 'text', (node) => {
        node.value = node.value.replace(/«\s*/g, '«\u202F').replace(/\s*»/g, '\u202F»');
      });
  };
}
