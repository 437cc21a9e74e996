import Slugger from 'github-slugger';
import type { Element, RootContent } from 'hast';
import { toText } from 'hast-util-to-text';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { Labels } from '../labels/labels.js';
import { warn } from '../messages.js';

/** A section a reference may name: its number as printed and the id its link goes to. */
export interface SectionTarget {
  mark: string;
  heading: Element;
  body: RootContent[];
  /** The section element's id (the template prints `<section id>`). */
  id: string;
}

interface Target {
  text: string;
  href: string;
  /** A heading that gets `href` as its id if a reference names it. */
  element?: Element;
}

/**
 * Number the references `remark-crossrefs` made: `@fig:x` prints "Figure 2", `@tbl:x` "Table 1" and
 * `@sec:x` "Section 3", each a link to its target. A section is named by its label (`{#sec:x}`), or by
 * its heading's id as the brief prints it (`@sec:why-now` for "## Why now"); a labelled sub-heading is
 * named by its section's number. A reference to no label is a warning at its place, and prints as written.
 */
export function resolveXrefs(nodes: RootContent[], sections: SectionTarget[], file: VFile, labels: Labels): void {
  const targets = new Map<string, Target>();
  const slugger = new Slugger();
  const name = (label: string, number: string | number) => `${label}\u00a0${number}`;
  for (const [id, { kind, number }] of Object.entries(file.data.numbered ?? {}))
    targets.set(id, { text: name(kind === 'figure' ? labels.figure : labels.table, number), href: id });
  for (const { mark, heading, body, id } of sections) {
    const text = name(labels.section, mark);
    targets.set(`sec:${id}`, { text, href: id });
    if (typeof heading.properties.id === 'string') targets.set(heading.properties.id, { text, href: id });
    for (const node of body)
      visit(node, 'element', (element: Element) => {
        if (!/^h[1-6]$/.test(element.tagName)) return;
        const own = element.properties.id;
        if (typeof own === 'string') targets.set(own, { text, href: own });
        // Pandoc's automatic label of a sub-heading: `@sec:wrapping-div` for "## Wrapping div", which
        // then gets that id, as the link's target, only when a reference names it.
        const automatic = `sec:${slugger.slug(toText(element).trim())}`;
        if (!targets.has(automatic)) targets.set(automatic, { text, href: automatic, element });
      });
  }
  for (const node of nodes)
    visit(node, 'element', (element: Element, index, parent) => {
      const label = element.properties.dataXref;
      if (element.tagName !== 'a' || typeof label !== 'string' || !parent || index === undefined) return;
      const target = targets.get(label);
      if (!target) {
        warn(file, `unknown cross-reference \`@${label}\`: no figure, table or section is labelled \`{#${label}}\``, {
          place: element.position?.start,
          rule: 'xref',
        });
        parent.children.splice(index, 1, { type: 'text', value: toText(element) });
        return [SKIP, index + 1];
      }
      if (target.element) target.element.properties.id = target.href;
      element.properties = { href: `#${target.href}`, className: ['xref'] };
      element.children = [{ type: 'text', value: target.text }];
      return SKIP;
    });
}
