import path from 'node:path';
import type { Heading, Root, RootContent } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { markdownFile } from '../source/paths.js';

/** Where a document's title came from: said by `check` and `build --verbose`. */
export type TitleSource = 'front matter' | 'heading' | 'first line' | 'file name';

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
  const index = tree.children.findIndex(
    (node) => node.type !== 'yaml' && (node.type as string) !== 'toml' && !mystTarget(node),
  );
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
  const line = opening && titleLine(tree, opening);
  if (line) {
    tree.children.splice(index, 1);
    return { title: line, from: 'first line' };
  }
  const stem = path.basename(file.path ?? '').replace(markdownFile, '');
  return { title: readableName(stem, String(file.value)), from: 'file name' };
}

/** MyST's `(label)=` line, which labels the heading after it. */
function mystTarget(node: RootContent): boolean {
  return node.type === 'paragraph' && /^\(\S+\)=$/.test(textOf(node).trim());
}

/**
 * A document with no heading at all whose first block is one short line, without a sentence's end
 * (`**Guidance on open data**`, `Open Data Handbook`), followed by more: that line is its title.
 */
function titleLine(tree: Root, opening: RootContent): string | undefined {
  if (opening.type !== 'paragraph' || tree.children.at(-1) === opening) return undefined;
  if (tree.children.some((node) => node.type === 'heading' || (node.type === 'html' && /<h[1-6]\b/i.test(node.value))))
    return undefined;
  if (opening.children.some((child) => child.type === 'break' || child.type === 'image' || child.type === 'link'))
    return undefined;
  const text = textOf(opening).trim();
  const words = text.split(/\s+/).length;
  if (!text || text.includes('\n') || words > 12 || /[.:;,!?。：；，！？]$/.test(text)) return undefined;
  return text;
}

/** Titles that differ only in case, spacing, quotes or dashes are the same title. */
function comparable(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s"'“”‘’«»„‚–—-]+/gu, ' ')
    .trim();
}

/**
 * `rust-rfc-1683_docs-team` → `Rust RFC 1683 docs team`: a word, or words joined by hyphens, that
 * `text` writes with capitals (`RFC`, `OG-Core`, `GitHub`) is written as the text writes it.
 */
export function readableName(stem: string, text = ''): string {
  const parts = stem.split(/[-_.\s]+/).filter(Boolean);
  if (parts.length === 0) return 'Untitled';
  const written = new Map<string, string>();
  for (const [word] of text.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu))
    if (/\p{Lu}/u.test(word.slice(1)) && !written.has(word.toLowerCase())) written.set(word.toLowerCase(), word);
  const words: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    // The longest run of parts that the text writes as one hyphenated word, then the part alone.
    let matched = false;
    for (let end = Math.min(parts.length, i + 3); end > i; end--) {
      const form = written.get(parts.slice(i, end).join('-').toLowerCase());
      if (form) {
        words.push(form);
        i = end - 1;
        matched = true;
        break;
      }
    }
    if (!matched) words.push(parts[i]!);
  }
  const title = words.join(' ');
  return title.charAt(0).toUpperCase() + title.slice(1);
}
