import rehypeSanitize from 'rehype-sanitize';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import captions from './captions.js';
import directives from './directives.js';
import documentModel from './document-model.js';
import frontMatter from './front-matter.js';
import linkNotes from './link-notes.js';
import { sanitizeSchema } from './sanitize-schema.js';

/**
 * Markdown → {@link BriefDocument}, frozen once per process and shared by every document.
 * Raw HTML in the Markdown is dropped by remark-rehype; what remains is sanitized all the same.
 */
export const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(frontMatter)
  .use(remarkGfm)
  .use(remarkDirective)
  .use(directives)
  .use(linkNotes)
  // GFM footnotes and link notes print together as the brief's endnotes.
  .use(remarkRehype, { footnoteLabel: 'Notes', footnoteBackContent: '↑', footnoteBackLabel: (index) => `Back to reference ${index + 1}` })
  .use(rehypeSanitize, sanitizeSchema)
  .use(captions)
  .use(documentModel)
  .freeze();
