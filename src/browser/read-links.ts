import type { PrintPage } from './renderer.js';

/**
 * Each link of a printed page as `[href, text]`: its target as written and its text as a reader hears
 * it (spaces collapsed; an image's alt text for a linked image). The PDF's link annotations get these
 * texts as their descriptions (see src/pdf/link-descriptions.ts).
 */
export function readLinks(page: PrintPage): Promise<Array<[string, string]>> {
  return page.evaluate<Array<[string, string]>>(linksScript);
}

// A string: the page runs no script of its own, and functions compiled by tsx carry helpers it lacks.
const linksScript = `(() => {
  const text = (node) => node.nodeType === Node.TEXT_NODE ? node.data : node.nodeName === 'IMG' ? ' ' + (node.getAttribute('alt') || '') + ' ' : [...node.childNodes].map(text).join('');
  return [...document.querySelectorAll('a[href]')].map((a) => [a.href.startsWith(location.href.split('#')[0] + '#') ? a.getAttribute('href') : a.href, (a.getAttribute('aria-label') || text(a)).replace(/\\s+/g, ' ').trim()]);
})()`;
