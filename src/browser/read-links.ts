import type { PrintPage } from './print-job.js';

/**
 * Each link of a printed page as `[href, text]`: its target (a fragment as written, else the full
 * URL) and its text as a reader hears it: its `aria-label`, else its words with spaces collapsed, a
 * linked image's alt text, a footnote's number as "Note 1". The PDF's link annotations get these texts
 * as their descriptions (see src/pdf/link-descriptions.ts).
 */
export function readLinks(page: PrintPage): Promise<Array<[string, string]>> {
  return page.evaluate<Array<[string, string]>>(linksScript);
}

// A string: the page runs no script of its own, and functions compiled by tsx carry helpers it lacks.
const linksScript = `(() => {
  const text = (node) => node.nodeType === Node.TEXT_NODE ? node.data
    : node.nodeName === 'IMG' ? ' ' + (node.getAttribute('alt') || '') + ' '
    : [...node.childNodes].map(text).join('');
  const here = location.href.split('#')[0] + '#';
  return [...document.querySelectorAll('a[href]')].map((a) => [
    a.href.startsWith(here) ? a.getAttribute('href') : a.href,
    (a.getAttribute('aria-label') || (a.hasAttribute('data-footnote-ref') ? 'Note ' : '') + text(a)).replace(/\\s+/g, ' ').trim(),
  ]);
})()`;
