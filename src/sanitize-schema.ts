import { defaultSchema, type Options as Schema } from 'rehype-sanitize';

/**
 * The safe subset of HTML a document may contain: GitHub's schema (no script, style, iframe,
 * object, embed, link, meta, event handlers or `javascript:` URLs).
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  // remark-rehype already prefixes footnote ids with `user-content-`; don't do it twice.
  clobberPrefix: '',
};
