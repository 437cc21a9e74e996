import type { Root } from 'mdast';
import type { Point } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** A link or link definition as written in the Markdown. */
export interface LinkTarget {
  type: 'link' | 'definition';
  url: string;
  place?: Point;
}

declare module 'vfile' {
  interface DataMap {
    /** Every link and link definition of the Markdown, for `check` (see `checkReferences`). */
    linkTargets: LinkTarget[];
  }
}

/**
 * Record the URL of every link and link definition in `file.data.linkTargets`, as written, before
 * any stage rewrites them: `check` tests them against the document's sections without parsing the
 * Markdown a second time. A link a stage made (an equation reference's `#eq-x`) has no place in the
 * source and is not the author's to fix: it is not recorded.
 */
export default function linkTargets() {
  return (tree: Root, file: VFile) => {
    const targets: LinkTarget[] = [];
    visit(tree, (node) => {
      if ((node.type === 'link' || node.type === 'definition') && node.position)
        targets.push({ type: node.type, url: node.url, place: node.position?.start });
    });
    file.data.linkTargets = targets;
  };
}
