import type { Root } from 'mdast';
import remarkSmartypants from 'remark-smartypants';
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

// The plugin's transformer, made once for each language (it uses no processor state).
const smartypants = remarkSmartypants as unknown as (settings: ReturnType<typeof options>) => (tree: Root) => void;
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
