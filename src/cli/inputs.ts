import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { BriefpressError } from '../errors.js';
import { fsReason, inspectInput } from '../source/inspect.js';
import { markdownFile } from '../source/paths.js';

/** A Markdown file to build, with the folder its real path must stay in. */
export interface Input {
  path: string;
  /** The folder given on the command line it was found in; for a file named there, its own folder. */
  root: string;
}

export interface ExpandOptions {
  /** Keep Markdown files that are links to files outside the folder they were found in. @default false */
  followSymlinks?: boolean;
  /** Told of each file left out, and why (a link out, a FIFO, a file it cannot read). */
  onSkip?: (file: string, reason: string) => void;
}

/**
 * Expand files and folders into the Markdown files to build, folders searched recursively, sorted;
 * none is an error. Each file is looked at (`stat`, `realpath`) and never opened: folders named `*.md`
 * are passed over, and FIFOs, sockets, devices and links out of their folder are left out, each told
 * to `onSkip`.
 */
export async function expandInputs(inputs: string[], options: ExpandOptions = {}): Promise<Input[]> {
  const { followSymlinks = false, onSkip = () => undefined } = options;
  const found: Input[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch((error: unknown) => {
      const code = (error as NodeJS.ErrnoException).code;
      throw new BriefpressError(
        `${input}: ${code === 'ENOENT' ? 'no such file or folder' : fsReason(error).replace(/^no such file/, 'no such file or folder')}`,
      );
    });
    if (info.isDirectory()) {
      const entries = await readdir(input, { recursive: true, withFileTypes: true });
      const names = entries
        .filter((entry) => markdownFile.test(entry.name) && !entry.isDirectory())
        .map((entry) => path.join(entry.parentPath, entry.name))
        .filter((file) => !path.relative(input, file).split(path.sep).includes('node_modules'))
        .sort();
      for (const file of names) found.push({ path: file, root: input });
    } else {
      found.push({ path: input, root: path.dirname(input) });
    }
  }
  const kept: Input[] = [];
  const seen = new Set<string>();
  for (const file of found) {
    if (seen.has(file.path)) continue;
    seen.add(file.path);
    const inspected = await inspectInput(file.path, file.root, followSymlinks);
    if (inspected.ok) kept.push(file);
    // A folder named `x.md` (reached through a link) is not a document: passed over without a word.
    else if (inspected.kind !== 'folder') onSkip(file.path, inspected.reason);
  }
  if (kept.length === 0)
    throw new BriefpressError(
      `no Markdown files in ${inputs.join(', ')}${found.length ? ` but the ${found.length} left out (see the warnings above)` : ''}`,
    );
  return kept;
}
