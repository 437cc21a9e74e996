import { constants } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Element, Root } from 'hast';
import mime from 'mime';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { warn } from '../messages.js';
import { isInside } from '../source/paths.js';

export interface ImageOptions {
  /** Leave `http(s)` images for the browser to fetch; otherwise they are refused. @default false */
  allowNet?: boolean;
}

/**
 * Inline every image of a document as a `data:` URL, reading only files inside the document's
 * own folder. Refused, each with a warning naming the URL and replaced on the page by its alt text: paths
 * that leave the folder (`..`, absolute paths, `file:` URLs, symlinks pointing out: compared
 * after `realpath`), files that are missing or not images, and remote images unless `allowNet`.
 * This is the pipeline's I/O step for images: the unified stages before it read nothing.
 */
export async function inlineImages(tree: Root, file: VFile, options: ImageOptions = {}): Promise<void> {
  const images: Array<{ node: Element; remove: () => void }> = [];
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName !== 'img' || !parent || index === undefined) return;
    // A refused image leaves its description in its place, so a figure's caption never dangles.
    const placeholder: Element = {
      type: 'element',
      tagName: 'span',
      properties: { className: ['image-refused'] },
      children: [{ type: 'text', value: `[Image not included: ${String(node.properties.alt ?? '')}]` }],
    };
    images.push({ node, remove: () => parent.children.splice(parent.children.indexOf(node), 1, placeholder) });
    return SKIP;
  });
  if (images.length === 0) return;
  const folder = await realpath(path.dirname(file.path));
  // Sequential on purpose: a brief has few images, and they are read into memory one at a time.
  for (const { node, remove } of images) {
    const src = typeof node.properties.src === 'string' ? node.properties.src : writtenUrl(file, node);
    // A missing file has a rule of its own: `check` makes it an error.
    const refuse = (reason: string, rule = 'image') => {
      warn(file, `image \`${src}\` ${reason}`, { place: node.position, rule });
      remove();
    };
    if (/^(?:https?:)?\/\//i.test(src)) {
      if (!options.allowNet) refuse('is remote and was not fetched (allow the network to include it)');
      // A protocol-relative URL (`//host/x.png`) would take the page's scheme, which `about:blank` lacks.
      else if (src.startsWith('//')) node.properties.src = `https:${src}`;
      continue;
    }
    const target = localPath(src, path.dirname(file.path));
    if (!target) {
      refuse('is not a file in the document’s folder');
      continue;
    }
    const real = await realpath(target).catch(() => undefined);
    if (!real) {
      refuse(`was not found (looked for ${path.relative(process.cwd(), target) || target})`, 'image-path');
      continue;
    }
    if (!isInside(folder, real)) {
      refuse('is outside the document’s folder and was not read');
      continue;
    }
    const type = mime.getType(real);
    if (!type?.startsWith('image/')) {
      refuse(`is not an image (${type ?? 'unknown type'})`);
      continue;
    }
    const bytes = await readRegularFile(real);
    if (!bytes) {
      refuse('is not a regular file (a FIFO, socket, device or folder) and was not read');
      continue;
    }
    node.properties.src = `data:${type};base64,${bytes.toString('base64')}`;
  }
}

/**
 * The bytes of `file`, or undefined when it is not a regular file. Looked at with `stat` before it is
 * opened (opening a FIFO waits for a writer, and a read of a device never ends, holding the process
 * open after its time limit), then opened non-blocking and checked again, should it have been swapped.
 */
async function readRegularFile(file: string): Promise<Buffer | undefined> {
  const before = await stat(file).catch(() => undefined);
  if (!before?.isFile()) return undefined;
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const now = await handle.stat();
    if (!now.isFile() || now.ino !== before.ino || now.dev !== before.dev) return undefined;
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/**
 * The URL as the author wrote it, for an image whose `src` the sanitizer removed (a `file:` or
 * other scheme it does not allow), so that the warning can still name it.
 */
function writtenUrl(file: VFile, node: Element): string {
  const { start, end } = node.position ?? {};
  const written =
    start?.offset !== undefined && end?.offset !== undefined ? String(file.value).slice(start.offset, end.offset) : '';
  return /\]\(\s*<?([^\s>)]+)/.exec(written)?.[1] ?? '';
}

/** The file an image URL names, if it is a relative path or a `file:` URL; else undefined (`//host/x.png` too). */
function localPath(src: string, base: string): string | undefined {
  if (!src || src.startsWith('//')) return undefined;
  if (/^file:/i.test(src)) {
    try {
      return fileURLToPath(src);
    } catch {
      return undefined;
    }
  }
  // Any other scheme (`data:`, `ftp:`, …) is not a file.
  if (/^[a-z][a-z\d+.-]*:/i.test(src)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(src.split(/[?#]/)[0]!);
  } catch {
    return undefined;
  }
  return path.resolve(base, decoded);
}
