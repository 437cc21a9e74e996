import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { warn } from '../messages.js';
import { missingCharacters } from './subsets.js';

/**
 * Warn, at the first of them, of the characters of the Markdown that no font of `fontCss` has: they
 * print with the machine's own fonts, if it has any, and the PDF then depends on the machine. Read
 * from the Markdown, once a document, by `build` and by `check` alike.
 */
export function warnMissingGlyphs(file: VFile, fontCss: string): void {
  const source = String(file.value);
  const missing = missingCharacters(fontCss, source);
  if (missing.length === 0) return;
  const first = Math.min(...missing.map((char) => source.indexOf(char)).filter((index) => index >= 0));
  const shown = missing
    .slice(0, 6)
    .map((char) => `${char} (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`);
  const more = missing.length > shown.length ? ` and ${missing.length - shown.length} more` : '';
  warn(
    file,
    `no font briefpress embeds has ${shown.join(', ')}${more}: they print in this machine's own fonts, if any, so the PDF may differ between machines; add a font with them to the config's \`fonts\``,
    {
      place: Number.isFinite(first) ? location(file).toPoint(first) : undefined,
      rule: 'font-coverage',
    },
  );
}
