import { execFile } from 'node:child_process';
import { readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { BriefpressError } from '../errors.js';

const run = promisify(execFile);

export interface PngOptions {
  /** Resolution of the images. @default 80 */
  dpi?: number;
  /** Only the first page. @default false */
  firstPageOnly?: boolean;
}

/**
 * Render a PDF's pages to `STEM-1.png`, `STEM-2.png`, … beside it with Poppler's `pdftoppm`:
 * it draws exactly what a PDF viewer shows, and it is one package away on every system.
 * Returns the files written.
 */
export async function pngPages(pdf: string, options: PngOptions = {}): Promise<string[]> {
  const stem = pdf.replace(/\.pdf$/i, '');
  // pdftoppm writes STEM-N.png with N zero-padded to the page count's width; render under a
  // temporary prefix and rename, so the names are the same for any page count.
  const temp = `${path.join(path.dirname(pdf), `.${path.basename(stem)}`)}.${process.pid}`;
  const args = [
    '-png',
    '-r',
    String(options.dpi ?? 80),
    ...(options.firstPageOnly ? ['-f', '1', '-l', '1'] : []),
    pdf,
    temp,
  ];
  try {
    await run('pdftoppm', args);
  } catch (error: unknown) {
    if ((error as { code?: unknown }).code === 'ENOENT') {
      throw new BriefpressError(
        '--png needs pdftoppm from Poppler: `apt-get install poppler-utils`, `brew install poppler` or `choco install poppler`',
        { exitCode: 1 },
      );
    }
    throw error;
  }
  const prefix = path.basename(temp);
  const made = (await readdir(path.dirname(pdf))).filter(
    (name) => name.startsWith(`${prefix}-`) && name.endsWith('.png'),
  );
  const files: string[] = [];
  for (const name of made.sort()) {
    const page = Number(/-(\d+)\.png$/.exec(name)?.[1]);
    const target = `${stem}-${page}.png`;
    await rename(path.join(path.dirname(pdf), name), target).catch(async (error: unknown) => {
      await rm(path.join(path.dirname(pdf), name), { force: true });
      throw error;
    });
    files.push(target);
  }
  return files.sort((a, b) => pageOf(a) - pageOf(b));
}

function pageOf(file: string): number {
  return Number(/-(\d+)\.png$/.exec(file)?.[1]);
}
