import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { BriefpressError } from '../errors.js';
import { markdownFile } from '../paths.js';

/** Expand files and folders into the Markdown files to build, folders searched recursively, sorted; none is an error. */
export async function expandInputs(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (!info) throw new BriefpressError(`${input}: no such file or folder`);
    if (info.isDirectory()) {
      const entries = await readdir(input, { recursive: true });
      files.push(
        ...entries
          .filter((entry) => markdownFile.test(entry) && !entry.split(path.sep).includes('node_modules'))
          .sort()
          .map((entry) => path.join(input, entry)),
      );
    } else {
      files.push(input);
    }
  }
  if (files.length === 0) throw new BriefpressError(`no Markdown files in ${inputs.join(', ')}`);
  return [...new Set(files)];
}
