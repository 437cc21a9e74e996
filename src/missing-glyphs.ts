import type { VFile } from 'vfile';
import { location } from 'vfile-location';

/**
 * Characters that no embedded font has print with the machine's own fonts, if it has any: the PDF then
 * depends on the machine. Said once a document (its two outputs share the file), at the first of them.
 */
export function warnMissingGlyphs(file: VFile, missing: string[]): void {
  if (missing.length === 0 || file.messages.some((message) => message.ruleId === 'font-coverage')) return;
  const source = String(file.value);
  const first = Math.min(...missing.map((char) => source.indexOf(char)).filter((index) => index >= 0));
  const shown = missing.slice(0, 6).map((char) => `${char} (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`);
  const more = missing.length > shown.length ? ` and ${missing.length - shown.length} more` : '';
  file.message(
    `no font briefpress embeds has ${shown.join(', ')}${more}: they print in this machine's own fonts, if any, so the PDF may differ between machines; add a font with them to the config's \`fonts\``,
    { place: Number.isFinite(first) ? location(file).toPoint(first) : undefined, ruleId: 'font-coverage', source: 'briefpress' },
  );
}
