import path from 'node:path';
import { VFile } from 'vfile';
import { fail } from '../messages.js';
import { documentName } from '../source/read.js';
import type { DocumentReport } from './reporter.js';

/**
 * The files of a batch whose outputs would have the same names as another's (`a/x.md` and `b/x.md`,
 * `x.md` and `x.markdown`; `X.md` and `x.md` too, one file on a case-insensitive disk): each is told
 * which others, so that none of them is built. Written one after the other, the later document's PDFs
 * and email would replace the earlier's under its name, without a word.
 */
export function collisions(files: string[]): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const file of files) {
    const key = documentName(file).toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), file]);
  }
  const clashing = new Map<string, string[]>();
  for (const group of byName.values())
    if (group.length > 1)
      for (const file of group)
        clashing.set(
          file,
          group.filter((other) => other !== file),
        );
  return clashing;
}

/** The report of a file left unbuilt because its outputs' names are another's. */
export function collisionReport(file: string, others: string[], out: string): DocumentReport {
  const vfile = new VFile({ path: path.resolve(file) });
  const name = documentName(file);
  fail(
    vfile,
    `its outputs (${path.join(out, `${name}.brief.pdf`)}, …) would have the same names as those of ${others.join(', ')}: nothing built; rename one of them (the outputs are named after the file, without its folder)`,
    { rule: 'output-name' },
  );
  return {
    input: file,
    file: vfile,
    failed: true,
    detail: '',
    data: { files: [], error: vfile.messages[0]!.reason },
    ms: 0,
  };
}
