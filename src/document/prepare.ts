import type { VFile } from 'vfile';
import type { ResolvedOptions } from '../config/options.js';
import { warnMissingGlyphs } from '../fonts/missing-glyphs.js';
import type { BriefDocument } from '../markdown/document-model.js';
import { parseFile } from '../markdown/parse-pool.js';
import { recordFailure } from '../messages.js';
import { readSource, type Source } from '../source/read.js';

/** A source, read and parsed; `document` is absent when a problem was fatal (its file says which). */
export interface Prepared {
  document?: BriefDocument;
}

/**
 * What `build` and `check` both do before printing: read the source into `file` (within `maxInputSize`), parse it
 * in a worker that `deadline` stops, and warn of characters no font of `fontCss` has. Never throws:
 * a failure is a fatal message of the file.
 */
export async function prepare(
  source: Source,
  file: VFile,
  settings: Pick<
    ResolvedOptions,
    'maxInputSize' | 'allowNet' | 'followSymlinks' | 'labels' | 'accent' | 'bibliography' | 'csl'
  >,
  fontCss: Promise<string>,
  deadline: AbortSignal,
): Promise<Prepared> {
  try {
    await readSource(source, { maxSize: settings.maxInputSize, followSymlinks: settings.followSymlinks }, file);
    const { allowNet, labels, accent, bibliography, csl } = settings;
    const document = await parseFile(file, { allowNet, labels, accent, bibliography, csl }, deadline);
    warnMissingGlyphs(file, await fontCss);
    return { document };
  } catch (caught: unknown) {
    recordFailure(file, caught, 'parse');
    return {};
  }
}
