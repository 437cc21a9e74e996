import type { Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { type Plugin, unified } from 'unified';
import { EXIT, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { fail, recordFailure } from '../messages.js';
import documentModel from './document-model.js';
import altText from './rehype-alt-text.js';
import rehypeCallouts from './rehype-callouts.js';
import captions from './rehype-captions.js';
import charts from './rehype-charts.js';
import rehypeMath from './rehype-math.js';
import tableCells from './rehype-table-cells.js';
import wideTables from './rehype-wide-tables.js';
import callouts from './remark-callouts.js';
import citations from './remark-citations.js';
import crossrefs from './remark-crossrefs.js';
import docsSite from './remark-docs-site.js';
import equations from './remark-equations.js';
import frontMatter from './remark-front-matter.js';
import linkNotes from './remark-link-notes.js';
import linkTargets from './remark-link-targets.js';
import looseHeadings from './remark-loose-headings.js';
import mathFences from './remark-math-fences.js';
import myst from './remark-myst.js';
import directives from './remark-takeaways.js';
import typography from './remark-typography.js';
import { sanitizeSchema } from './sanitize-schema.js';
import depthLimit from './unist-depth-limit.js';

/**
 * Markdown → {@link BriefDocument}, frozen once per process and shared by every document.
 * Raw HTML in the Markdown is parsed, then sanitized to the subset in `sanitize-schema.ts`; nesting
 * is bounded before the recursive stages, on the Markdown and again on the parsed HTML.
 */
export const processor = unified()
  .use(remarkParse)
  .use(depthLimit)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .use(frontMatter)
  .use(remarkGfm)
  .use(remarkMath)
  .use(mathFences)
  .use(looseHeadings)
  // Before the takeaways are read, so that a key point's citation reads as printed.
  .use(citations)
  .use(remarkDirective)
  // MyST and Quarto into the forms the stages after it read (callouts, Pandoc-crossref labels, math).
  .use(myst)
  // Before the directives, which give an unknown `:::tip` back as text.
  .use(callouts)
  .use(directives)
  // Equations before the cross-references: `@eq:x` is theirs.
  .use(equations)
  // Before docsSite, which would take a label `{#fig:x}` for a kramdown attribute list.
  .use(crossrefs)
  // After the directives, which give `{:width="1"}`'s `:width` back as text: kramdown reads whole again.
  .use(docsSite)
  .use(typography)
  .use(linkTargets)
  .use(linkNotes)
  // GFM footnotes and link notes print together as the brief's endnotes.
  .use(remarkRehype, {
    allowDangerousHtml: true,
    footnoteLabel: 'Notes',
    footnoteBackContent: '↑',
    footnoteBackLabel: (index) => `Back to reference ${index + 1}`,
  })
  .use(rawHtml)
  .use(depthLimit)
  .use(altText)
  .use(rehypeSanitize, sanitizeSchema)
  // After the sanitizer: KaTeX's output is made from the TeX alone and needs its inline styles.
  .use(rehypeMath)
  .use(charts)
  .use(captions)
  .use(rehypeCallouts)
  .use(tableCells)
  .use(wideTables)
  .use(documentModel)
  .freeze();

/**
 * rehype-raw, for a tree that holds raw HTML: it takes the whole tree through parse5 (a tenth of a
 * parse), which a tree without any raw HTML comes out of unchanged.
 */
function rawHtml(): ReturnType<Plugin<[], Root>> {
  const raw = rehypeRaw();
  return (tree, file) => {
    let found = false;
    visit(tree, 'raw', () => {
      found = true;
      return EXIT;
    });
    return found ? raw(tree, file) : tree;
  };
}

/**
 * Parse a file and run the stages on it (not the compiler). Every failure ends as a fatal message
 * in `file`: one thrown from inside the parser, and a stack overflow in a recursive stage that the
 * depth limit could not see coming (deep raw HTML becomes a tree only in the stage that overflows).
 */
export async function runStages(file: VFile): Promise<Root> {
  try {
    return await processor.run(processor.parse(file), file);
  } catch (error: unknown) {
    if (error instanceof VFileMessage) {
      recordFailure(file, error, 'parse');
      throw error;
    }
    if (error instanceof RangeError) {
      const reason = 'too deeply nested to process (most likely raw HTML elements inside each other): flatten it';
      throw fail(file, reason, { rule: 'depth', cause: error });
    }
    throw error;
  }
}
