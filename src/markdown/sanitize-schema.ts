import { defaultSchema, type Options as Schema } from 'rehype-sanitize';

/**
 * The safe subset of HTML a document may contain. Raw HTML in the Markdown is parsed (rehype-raw)
 * and then cut down to this, so harmless inline markup survives and nothing active does:
 *
 * - Elements: GitHub's list — text-level (`sub`, `sup`, `kbd`, `br`, `b`, `i`, `em`, `strong`,
 *   `code`, `samp`, `var`, `q`, `s`, `del`, `ins`, `ruby`), blocks (`p`, `div`, `blockquote`,
 *   `pre`, lists, `dl`, tables, `details`/`summary`, `hr`, `h1`–`h6`), `a` and `img` — less
 *   `picture` and `source`, whose `srcset` escapes the URL checks below.
 * - Never: `script`, `style`, `iframe`, `object`, `embed`, `link`, `meta`, `base`, `form`,
 *   `svg`, `math`, media elements. Those in {@link strip} go with their content (a `<style>`'s CSS
 *   must not print as text); any other unknown element is unwrapped and its text kept.
 * - Attributes: GitHub's list, so no `on*` event handlers and no `style` (no CSS `url()`).
 * - URLs: `href` only `http`, `https`, `mailto` (and GitHub's `irc`, `xmpp`) or relative;
 *   `src` only `http`, `https` or relative — so no `javascript:`, `data:` or `file:` from the
 *   document. Whether an image may then load is the renderer's request policy to decide.
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: defaultSchema.tagNames!.filter((name) => name !== 'picture' && name !== 'source'),
  strip: [
    'script',
    'style',
    'iframe',
    'object',
    'embed',
    'noscript',
    'noembed',
    'noframes',
    'template',
    'textarea',
    'title',
    'xmp',
    'svg',
    'math',
    'select',
  ],
  // A callout's kind and title, marked by remark-callouts for rehype-callouts (which removes them);
  attributes: {
    ...defaultSchema.attributes,
    blockquote: [...(defaultSchema.attributes?.blockquote ?? []), 'dataCallout', 'dataCalloutTitle'],
    // A cross-reference `@fig:x`, numbered by the compiler (xrefs.ts).
    a: [...(defaultSchema.attributes?.a ?? []), 'dataXref'],
  },
  // remark-rehype already prefixes footnote ids with `user-content-`; don't do it twice.
  clobberPrefix: '',
};
