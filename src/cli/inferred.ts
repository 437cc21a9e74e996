import type { BriefDocument } from '../markdown/document-model.js';

/** What briefpress read from the document's own shape, in words: `check` and `build --verbose` say it. */
export function describeInferred(document: BriefDocument | undefined): string | undefined {
  if (!document) return undefined;
  const { title, sectionsFrom, contentsMarked } = document.inferred;
  const from = {
    'front matter': 'the front matter',
    heading: 'the opening # heading',
    'first line': 'the first line',
    'file name': 'the file name',
  }[title];
  const count = `${document.sections.length} ${document.sections.length === 1 ? 'section' : 'sections'}`;
  const sections =
    sectionsFrom === 'none'
      ? 'no sections'
      : sectionsFrom === 'list'
        ? `${count} from the numbered list's items`
        : `${count} at the ${'#'.repeat(Number(sectionsFrom[1]))} headings`;
  return `title from ${from}; ${sections}${contentsMarked ? '; contents asked for by a marker' : ''}`;
}
