import type { Root } from 'mdast';
import type { Point } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** A link, image or link definition as written in the Markdown. */
export interface LinkTarget {
  type: 'link' | 'image' | 'definition';
  url: string;
  place?: Point;
}

declare module 'vfile' {
  interface DataMap {
    /** Every link, image and link definition of the Markdown, for `check` (see `checkReferences`). */
    linkTargets: LinkTarget[];
  }
}

/**
 * Record the URL of every link, image and link definition in `file.data.linkTargets`, as written,
 * before any stage rewrites them: `check` tests them against the document's sections and folder
 * without parsing the Markdown a second time.
 */
export default function linkTargets() {
  return (tree: Root, file: VFile) => {
    const targets: LinkTarget[] = [];
    visit(tree, (node) => {
      if (node.type === 'link' || node.type === 'image' || node.type === 'definition') targets.push({ type: node.type, url: node.url, place: node.position?.start });
    });
    file.data.linkTargets = targets;
  };
}
