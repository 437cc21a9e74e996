import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { fail } from '../messages.js';
import { fsReason, inspectInput } from './inspect.js';
import { markdownFile } from './paths.js';

/** A Markdown document to build: a path, with its text when it is not to be read from disk. */
export interface Source {
  /** Where the document lives: names the outputs and anchors relative image paths. */
  path: string;
  /** The Markdown itself. @default the contents of `path` */
  value?: string | Uint8Array;
  /**
   * The folder the document was found in: a file read from disk whose real path (symlinks resolved)
   * lies outside it is refused, unless `followSymlinks`. @default the folder of `path`
   */
  root?: string;
}

/** What reading a source may accept. */
export interface SourceLimits {
  /** Largest file, in bytes. */
  maxSize: number;
  /** Read files whose real path is outside their folder (symlinks pointing out). */
  followSymlinks: boolean;
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Read a source into a VFile (`file`, when the caller holds it already), refusing what is too large,
 * not a regular file inside its folder, or not UTF-8 Markdown text: those are fatal messages of the file.
 */
export async function readSource(
  source: Source,
  { maxSize, followSymlinks }: SourceLimits = { maxSize: Number.POSITIVE_INFINITY, followSymlinks: false },
  file = new VFile({ path: path.resolve(source.path) }),
): Promise<VFile> {
  if (source.value !== undefined) {
    const bytes = Buffer.byteLength(source.value);
    if (bytes > maxSize) return failed(file, tooLarge(bytes, maxSize));
    return decode(file, source.value);
  }
  // Decided before opening: a FIFO is never opened, a folder or a link out never read.
  const inspected = await inspectInput(source.path, source.root ?? path.dirname(source.path), followSymlinks);
  if (!inspected.ok) return failed(file, inspected.reason);
  // Measured before reading, so that a huge file is never loaded into memory.
  if (inspected.info.size > maxSize) return failed(file, tooLarge(inspected.info.size, maxSize));
  let raw: Buffer;
  try {
    // O_NONBLOCK: should the file have been swapped for a FIFO since, opening it does not hang; the
    // handle's own stat must then be the file inspected.
    const handle = await open(inspected.real, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const now = await handle.stat();
      if (now.ino !== inspected.info.ino || now.dev !== inspected.info.dev || !now.isFile())
        return failed(file, 'changed while it was being read: build again');
      if (now.size > maxSize) return failed(file, tooLarge(now.size, maxSize));
      raw = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error: unknown) {
    return failed(file, fsReason(error));
  }
  return decode(file, raw);
}

function tooLarge(bytes: number, maxSize: number): string {
  return `${size(bytes)} is over the input size limit of ${size(maxSize)}: split the document, or raise the limit (--max-size)`;
}

function decode(file: VFile, raw: string | Uint8Array): VFile {
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
