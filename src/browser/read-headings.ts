import type { PrintPage } from './print-job.js';

/**
 * The text of every `h1`–`h6` of a printed page, in order, as a reader sees it: spaces collapsed, a
 * `<br>` read as a space, letters as written (before any `text-transform`). Read from the page, which
 * has parsed the HTML already, and after the summary's fitting, which may have dropped some.
 */
export function readHeadings(page: PrintPage): Promise<string[]> {
  return page.evaluate<string[]>(headingsScript);
}

// A string: the page runs no script of its own, and functions compiled by tsx carry helpers it lacks.
const headingsScript = `(() => {
  const text = (node) => (node.nodeType === Node.TEXT_NODE ? node.data : node.nodeName === 'BR' ? ' ' : [...node.childNodes].map(text).join(''));
  return [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((heading) => text(heading).replace(/\\s+/g, ' ').trim());
})()`;
