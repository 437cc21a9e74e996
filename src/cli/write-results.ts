import path from 'node:path';
import type { BuildResult } from '../build.js';
import { attachmentLimit, composeEmail } from '../email.js';
import { errorMessage } from '../errors.js';
import { buildDate } from '../pdf-metadata.js';
import { documentName } from '../source.js';
import { writeOutput } from '../write-output.js';
import { pngPages } from './png-pages.js';

export interface WrittenFile {
  kind: 'brief' | 'summary' | 'html' | 'eml' | 'png';
  path: string;
  bytes?: number;
  pages?: number;
}

export interface WriteFlags {
  html?: boolean;
  eml?: boolean;
  png?: boolean;
}

/**
 * Write a built document into `out`: its PDFs, and on request the HTML, the page images and the
 * email. A failure is recorded on the result (its message placed in the file), never thrown.
 */
export async function writeResult(result: BuildResult, out: string, flags: WriteFlags): Promise<WrittenFile[]> {
  const written: WrittenFile[] = [];
  if (result.error) return written;
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
        result.file.message(`the email's attachments come to ${(size / 1024 / 1024).toFixed(1)} MB: many mail servers refuse more than 10 MB`, {
          ruleId: 'eml-size',
          source: 'briefpress',
        });
      }
      const eml = await composeEmail(result.document, attachments, { date: buildDate(result.document.meta.date) });
      const target = path.join(out, `${documentName(result.path)}.eml`);
      await writeOutput(target, eml);
      written.push({ kind: 'eml', path: target, bytes: eml.byteLength });
    }
  } catch (error: unknown) {
    result.error = `${result.path}: could not write the output: ${errorMessage(error)}`;
    result.file.message(`could not write the output: ${errorMessage(error)}`, { ruleId: 'write', source: 'briefpress' }).fatal = true;
  }
  return written;
}
