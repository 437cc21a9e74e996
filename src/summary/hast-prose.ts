// Reading prose out of the sanitized HTML tree as a reader sees it, for the summary.
import type { Element, ElementContent, RootContent } from 'hast';

export function firstList(body: RootContent[]): Element | undefined {
  return body.find(
    (node): node is Element => node.type === 'element' && (node.tagName === 'ul' || node.tagName === 'ol'),
  );
}

/** The text a reader sees, without footnote reference numbers (they would glue onto words) or the note that stands for a refused image. */
export function inlineText(node: ElementContent | Element): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  const className = String(node.properties.className ?? '');
  if (className.includes('image-refused')) return '';
  // Typeset math reads as TeX or as loose glyphs out of context: a mark the filters keep out of the summary,
  // unless it is plain enough to read as text (`$M+3$` markets, `$x$`), as a reader would say it.
  if (/\b(katex|katex-display|math-error)\b/.test(className)) return plainMath(node) ?? mathMark;
  if (node.tagName === 'br') return ' ';
  // A footnote reference, GFM's or written by hand (`18F<sup><a href="#fn9">9</a></sup>`).
  if (node.tagName === 'sup' && node.children.some(isNoteLink)) return '';
  const text = node.children.map(inlineText).join('');
  // Block children (a loose list item's paragraphs, a nested list) are separate runs of text.
  return /^(p|ul|ol|li|div|blockquote)$/.test(node.tagName) ? ` ${text} ` : text;
}

/** The TeX of inline math written as plain text (letters, digits, + − = and spaces), else undefined. */
function plainMath(node: Element): string | undefined {
  const tex = String(node.properties.ariaLabel ?? '').trim();
  if (!/\bkatex\b/.test(String(node.properties.className ?? '')) || !/^[\p{L}\p{N}][\p{L}\p{N} +=-]{0,15}$/u.test(tex))
    return undefined;
  return tex.replace(/-/g, '−');
}

/** Stands for a formula in the summary's text (U+FFFC, the object replacement character). */
export const mathMark = '\uFFFC';

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function isNoteLink(node: ElementContent): boolean {
  return (
    node.type === 'element' &&
    (node.properties.dataFootnoteRef !== undefined ||
      (node.tagName === 'a' && String(node.properties.href ?? '').startsWith('#')))
  );
}
