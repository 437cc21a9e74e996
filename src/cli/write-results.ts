import path from 'node:path';
import type { BuildResult } from '../build.js';
import { attachmentLimit, composeEmail } from '../email/compose.js';
import type { OutgoingEmail } from '../email/send.js';
import { errorMessage } from '../errors.js';
import { buildDate } from '../pdf/finalize.js';
import { documentName } from '../source/read.js';
import { pngPages } from './png-pages.js';
import { writeOutput } from './write-file.js';

export interface WrittenFile {
  kind: 'brief' | 'summary' | 'html' | 'eml' | 'png';
  path: string;
  bytes?: number;
  pages?: number;
}

/** A problem writing a document's files: the CLI's own, never added to the build's result. */
export interface WriteProblem {
  reason: string;
  fatal: boolean;
  rule: string;
}

/** What writing a document's files did. */
export interface Written {
  files: WrittenFile[];
  problems: WriteProblem[];
}

export interface WriteFlags {
  html?: boolean;
  eml?: boolean;
  png?: boolean;
}

/**
 * Write a built document into `out`: its PDFs, and on request the HTML, the page images and the
 * email (`email` when one was composed to be sent, so the file is the message sent). A failure is one
 * of the problems returned, never thrown; the result is left as it is.
 */
export async function writeResult(
  result: BuildResult,
  out: string,
  flags: WriteFlags,
  email?: OutgoingEmail,
): Promise<Written> {
  const written: WrittenFile[] = [];
  const problems: WriteProblem[] = [];
  if (result.error) return { files: written, problems };
  try {
    for (const output of result.outputs) {
      const target = path.join(out, output.fileName);
      await writeOutput(target, output.pdf);
      written.push({ kind: output.kind, path: target, bytes: output.pdf.byteLength, pages: output.pages });
      if (flags.html && output.html !== undefined) {
        await writeOutput(target.replace(/\.pdf$/, '.html'), output.html);
        written.push({ kind: 'html', path: target.replace(/\.pdf$/, '.html') });
      }
      if (flags.png) for (const file of await pngPages(target)) written.push({ kind: 'png', path: file });
    }
    if (flags.eml && result.document) {
      const attachments = result.outputs.map((output) => ({ fileName: output.fileName, pdf: output.pdf }));
      const size = attachments.reduce((sum, attachment) => sum + attachment.pdf.byteLength, 0);
      if (size > attachmentLimit) {
        problems.push({
          reason: `the email's attachments come to ${(size / 1024 / 1024).toFixed(1)} MB: many mail servers refuse more than ${attachmentLimit / 1024 / 1024} MB`,
          fatal: false,
          rule: 'eml-size',
        });
      }
      const eml =
        email?.message ??
        (await composeEmail(result.document, attachments, { date: buildDate(result.document.meta.date) }));
      const target = path.join(out, `${documentName(result.path)}.eml`);
      await writeOutput(target, eml);
      written.push({ kind: 'eml', path: target, bytes: eml.byteLength });
    }
  } catch (error: unknown) {
    problems.push({ reason: `could not write the output: ${errorMessage(error)}`, fatal: true, rule: 'write' });
  }
  return { files: written, problems };
}
