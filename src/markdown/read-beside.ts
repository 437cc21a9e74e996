import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isInside } from '../source/paths.js';

/** A file read from the document's folder, or why it was not. */
export type Beside = { ok: true; path: string; text: string } | { ok: false; reason: string };

/** A bibliography, a style or a chart's data: generous for real ones, far below what stalls a parse. */
export const maxBesideSize = 5 * 1024 * 1024;

/**
 * Read a file that a document names (a bibliography, a CSL style, a chart's data), as text, under the
 * rules images are read by (see inline-images.ts): a relative path inside the document's own folder,
 * compared after `realpath` (so a symlink that points out is refused), a regular file, at most
 * `maxBesideSize` bytes. Never throws: a refusal says why, in words for a message.
 */
export async function readBeside(documentPath: string, name: string): Promise<Beside> {
  const refuse = (reason: string): Beside => ({ ok: false, reason });
  if (/^[a-z][a-z\d+.-]*:/i.test(name) || name.startsWith('//'))
    return refuse('is a URL, not a file in the document’s folder');
  if (path.isAbsolute(name)) return refuse('is an absolute path: name a file in the document’s folder');
  const folder = await realpath(path.dirname(documentPath)).catch(() => path.dirname(documentPath));
  const target = path.resolve(folder, name);
  const real = await realpath(target).catch(() => undefined);
  if (!real) return refuse(`was not found (looked for ${path.relative(process.cwd(), target) || target})`);
  if (!isInside(folder, real)) return refuse('is outside the document’s folder and was not read');
  const info = await stat(real);
  if (!info.isFile()) return refuse('is not a regular file');
  if (info.size > maxBesideSize) return refuse(`is larger than ${maxBesideSize / 1024 / 1024} MB`);
  return { ok: true, path: real, text: await readFile(real, 'utf8') };
}
