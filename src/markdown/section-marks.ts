/** What numbering needs of a section (no import of document-model.ts, which calls this: no cycle). */
interface Numbered {
  number: number;
  heading: string;
}

/**
 * A heading's own number: "1. Aims", "3 - Le cadre", "1- A quoi", "4.2 Publicación", "II. Scope",
 * "A) Purpose". A year ("2026 in review") or a count ("3 things to do") is not one.
 */
const ownNumber =
  /^(\d{1,2}(?:\.\d{1,2})*)(?:\s+[-–—]|[-–—)])\s+(?=\S)|^(\d{1,2}(?:\.\d{1,2})*\.|[IVXLC]{1,6}\.|[A-Z][.)])\s+(?=\S)|^(\d{1,2}(?:\.\d{1,2})+)\s+(?=\S)/;

/**
 * Each section's number and heading as printed. When every heading carries its own number, the
 * brief prints the author's ("II", "4.2") in place of its own, once: "1  1. Don’t slow down delivery"
 * is a typo a reader sees. Otherwise the brief numbers the sections and the headings stay whole.
 */
export function markSections<S extends Numbered>(sections: S[]): Array<S & { mark: string; title: string }> {
  const own = sections.map((section) => ownNumber.exec(section.heading));
  const theirs = sections.length >= 2 && own.every((match) => match !== null);
  return sections.map((section, i) => {
    const match = own[i];
    if (!theirs || !match) return { ...section, mark: String(section.number), title: section.heading };
    const mark = (match[1] ?? match[2] ?? match[3] ?? '').replace(/[.)]$/, '');
    return { ...section, mark, title: section.heading.slice(match[0].length).trim() };
  });
}
