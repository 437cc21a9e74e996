import type { Stats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isInside } from './paths.js';

/**
 * Whether a Markdown file may be read, decided from `stat` and `realpath` alone, so that nothing
 * is opened first (opening a FIFO blocks until a writer comes). A file whose real path lies outside
 * `root` (the folder it was found in; by default its own) is refused unless `followSymlinks`: a
 * repository can hold a symlink `notes.md → ~/.npmrc`, and a CI job building other people's pull
 * requests must not print the machine's files into a PDF.
 */
export type Inspection =
  | { ok: true; info: Stats; real: string }
  | { ok: false; reason: string; kind: 'folder' | 'outside' | 'special' | 'unreadable' };

export async function inspectInput(file: string, root: string, followSymlinks: boolean): Promise<Inspection> {
  let info: Stats;
  let real: string;
  try {
    info = await stat(file);
    real = await realpath(file);
  } catch (error: unknown) {
    return { ok: false, kind: 'unreadable', reason: fsReason(error) };
  }
  if (info.isDirectory()) return { ok: false, kind: 'folder', reason: 'is a folder, not a Markdown file' };
  if (!info.isFile())
    return {
      ok: false,
      kind: 'special',
      reason: `is a ${special(info)}, not a regular file: it was not opened`,
    };
  if (!followSymlinks) {
    const folder = await realpath(root).catch(() => path.resolve(root));
    if (!isInside(folder, real))
      return {
        ok: false,
        kind: 'outside',
        reason: `is a link to ${real}, outside ${root}: not read (allow links out with --follow-symlinks or the config's "followSymlinks")`,
      };
  }
  return { ok: true, info, real };
}

function special(info: Stats): string {
  if (info.isFIFO()) return 'FIFO (named pipe)';
  if (info.isSocket()) return 'socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'device';
  return 'special file';
}

/** A file system error as one line saying what to do, never Node's `EISDIR: illegal operation…`. */
export function fsReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file: check the path (a link whose target is missing counts as missing)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied: make the file readable';
    case 'EISDIR':
      return 'is a folder, not a Markdown file';
    case 'ELOOP':
      return 'is a loop of symbolic links: fix or remove the link';
    case 'ENAMETOOLONG':
      return 'path too long: move the file to a shorter path';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files: raise the limit (ulimit -n) or build fewer documents at once';
    default:
      return `cannot be read (${code ?? 'unknown error'}): check the file`;
  }
}
