import path from 'node:path';
import type { Heading, Root } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { markdownFile } from '../source/paths.js';

/** Where a document's title came from: said by `check` and `build --verbose`. */
export type TitleSource = 'front matter' | 'heading' | 'file name';

/**
 * The document's title: the front matter's `title`, else its opening `#` heading (the first block
 * after the front matter), else its file name made readable. An opening `#` heading that is the
 * title is taken out of the body, so that the title prints once.
 */
export function inferTitle(
  tree: Root,
  file: VFile,
  declared: string | undefined,
): { title: string; from: TitleSource } {
  const index = tree.children.findIndex((node) => node.type !== 'yaml' && (node.type as string) !== 'toml');
  const opening = tree.children[index];
  const heading = opening?.type === 'heading' && opening.depth === 1 ? (opening as Heading) : undefined;
  const written = heading ? textOf(heading).replace(/\s+/g, ' ').trim() : '';
  if (declared !== undefined) {
    if (heading && comparable(written) === comparable(declared)) tree.children.splice(index, 1);
    return { title: declared, from: 'front matter' };
  }
  if (heading && written) {
    tree.children.splice(index, 1);
    return { title: written, from: 'heading' };
  }
  return { title: readableName(path.basename(file.path ?? '').replace(markdownFile, '')), from: 'file name' };
}

/** Titles that differ only in case, spacing, quotes or dashes are the same title. */
function comparable(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s"'“”‘’«»„‚–—-]+/gu, ' ')
    .trim();
}

/** `rust-rfc-1683_docs-team` → `Rust rfc 1683 docs team`. */
export function readableName(stem: string): string {
  const words =
    stem
      .replace(/[-_.]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim() || 'Untitled';
  return words.charAt(0).toUpperCase() + words.slice(1);
}
