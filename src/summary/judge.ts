import type { VFile } from 'vfile';
import { fail, warn } from '../messages.js';
import type { FitResult } from './fit.js';

/**
 * Judge a summary's fit: one that lost content is a warning, or with `strict` an error; one that
 * overflows anyway is an error. Each points at the first of the left-out blocks in the Markdown.
 * An error is thrown, as the message it added to `file`: the summary is not written.
 */
export function judgeFit(fit: FitResult, file: VFile, strict: boolean): void {
  const what = describeDropped(fit.dropped);
  const place = fit.dropped
    .flatMap((block) => block.place ?? [])
    .sort((a, b) => a.line - b.line || a.column - b.column)[0];
  const rule = 'summary-fit';
  if (!fit.fits) {
    throw fail(
      file,
      `the summary does not fit on one page at ${fit.fontSize}pt${what ? `, even without ${what}` : ''}: shorten the takeaways or the front matter \`summary\``,
      { place, rule },
    );
  }
  if (fit.dropped.length === 0) return;
  const reason = `the summary does not fit on one page at ${fit.fontSize}pt, so it leaves out ${what}`;
  if (strict) throw fail(file, `${reason} (--strict forbids leaving content out)`, { place, rule });
  warn(file, reason, { place, rule });
}

/** A summary is one page, or it is not written (the fit measured one layout; this is the print). */
export function judgePages(pages: number, file: VFile): void {
  if (pages !== 1) throw fail(file, `the summary came to ${pages} pages; it must be one`, { rule: 'summary-fit' });
}

/** `Risks: “Sanctions”, “Delay” and 4 more; the subtitle`, in the document's order, for a warning. */
export function describeDropped(dropped: FitResult['dropped'], shown = 3): string {
  const groups: Array<{ group?: string; names: string[] }> = [];
  for (const { group, name } of [...dropped].reverse()) {
    const last = groups.at(-1);
    if (group && last?.group === group) last.names.push(name);
    else groups.push({ group, names: [name] });
  }
  return groups
    .map(({ group, names }) => {
      const listed = `${names.slice(0, shown).join(', ')}${names.length > shown ? ` and ${names.length - shown} more` : ''}`;
      return group ? `${group}: ${listed}` : listed;
    })
    .join('; ');
}
