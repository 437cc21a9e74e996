import type { Element } from 'hast';
import { visit } from 'unist-util-visit';
import { fill, type Labels } from '../labels/labels.js';

/**
 * The endnotes' own words in the document's language: their heading ("Notes") and each back link's
 * label ("Back to reference 3"). remark-rehype writes them in English, once for every document (they are
 * options of the frozen processor); the language is known only per document.
 */
export function localiseNotes(notes: Element, labels: Labels): void {
  visit(notes, 'element', (element: Element) => {
    if (element.properties.id === 'footnote-label') element.children = [{ type: 'text', value: labels.notes }];
    const back = element.properties.ariaLabel;
    if (element.properties.dataFootnoteBackref !== undefined && typeof back === 'string') {
      const number = /(\d+)$/.exec(back)?.[1];
      if (number) element.properties.ariaLabel = fill(labels.backToReference, { n: number });
    }
  });
}
