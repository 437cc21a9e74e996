import type { VFile } from 'vfile';
import { type CitationMatch, findCitations } from './citation-syntax.js';

/** Citations in the summary and takeaways of front matter: each with the way to put its text in. */
export function verbatim(meta: NonNullable<VFile['data']['frontMatter']>, known: Set<string>) {
  const out: Array<{ items: CitationMatch['items']; replace: (text: string) => void }> = [];
  const scan = (text: string, put: (value: string) => void) => {
    const matches = findCitations(text).filter((match) => match.items.every((item) => known.has(item.id)));
    const parts = matches.map(() => '');
    for (const [index, match] of matches.entries())
      out.push({
        items: match.items,
        replace: (value) => {
          parts[index] = value;
          let result = text;
          for (let i = matches.length - 1; i >= 0; i--)
            result = result.slice(0, matches[i]!.start) + parts[i] + result.slice(matches[i]!.end);
          put(result.replace(/\s+([.,;:])/g, '$1').replace(/\s{2,}/g, ' '));
        },
      });
  };
  if (meta.summary)
    scan(meta.summary, (value) => {
      meta.summary = value;
    });
  for (const [index, point] of (meta.takeaways ?? []).entries())
    scan(point, (value) => {
      meta.takeaways![index] = value;
    });
  return out;
}
