import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { fail } from './messages.js';
import { markdownFile } from './paths.js';

/** A Markdown document to build: a path, with its text when it is not to be read from disk. */
export interface Source {
  /** Where the document lives: names the outputs and anchors relative image paths. */
  path: string;
  /** The Markdown itself. @default the contents of `path` */
  value?: string | Uint8Array;
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Read a source into a VFile (`file`, when the caller holds it already), refusing what is too large
 * or not UTF-8 Markdown text: those are fatal messages of the file.
 */
export async function readSource(
  source: Source,
  maxSize = Number.POSITIVE_INFINITY,
  file = new VFile({ path: path.resolve(source.path) }),
): Promise<VFile> {
  // Measured before reading, so that a huge file is never loaded into memory.
  const bytes = source.value === undefined ? (await stat(source.path)).size : Buffer.byteLength(source.value);
  if (bytes > maxSize)
    return failed(
      file,
      `${size(bytes)} is over the input size limit of ${size(maxSize)}: split the document, or raise the limit (--max-size)`,
    );
  const raw = source.value ?? (await readFile(source.path));
  let text: string;
  try {
    text = typeof raw === 'string' ? raw : decoder.decode(raw);
  } catch {
    return failed(file, 'not valid UTF-8 text: save the file as UTF-8');
  }
  if (text.includes('\u0000')) return failed(file, 'binary file, not Markdown text');
  if (text.trim() === '') return failed(file, 'empty file: a brief needs some text');
  file.value = text;
  return file;
}

function size(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
  return bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} bytes`;
}

function failed(file: VFile, reason: string): VFile {
  file.value = '';
  fail(file, reason, { rule: 'source' });
  return file;
}

/** `content/a.md` → `a`: the stem every output of the document is named after. */
export function documentName(file: string): string {
  return path.basename(file).replace(markdownFile, '');
}
