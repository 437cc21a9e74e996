// Ordinary-looking text that once took a summary quadratic time: each shape fills `size` characters
// with one pattern a real document may repeat (a table of contents' dot leaders, a memo's "U.S."),
// for the linear-time bench (scripts/bench.ts) and the fuzz properties (tests/fuzz-slow-text.test.ts).

/** `unit` repeated to about `size` characters. */
const fill = (unit: string, size: number) => unit.repeat(Math.max(1, Math.ceil(size / unit.length)));

const front = '---\ntitle: Shapes\n---\n\n## Overview\n\n';

/** Each shape's Markdown, about `size` characters long. */
export const slowShapes: Record<string, (size: number) => string> = {
  /** Words with long runs of spaces between them, in a paragraph and in headings. */
  spaces: (size) =>
    `${front}${fill(`The plan ${' '.repeat(2000)} works well.\n## Heading ${' '.repeat(500)}\n\n`, size)}`,
  /** A contents page typed out: headings with dot leaders and page numbers. */
  dotLeaders: (size) =>
    `${front}${fill('## Introduction ........................................ 3\n\nText here.\n\n', size)}${'.'.repeat(size / 4)} 4\n`,
  /** One paragraph of "U.S." and "e.g.": every sentence break is glued back. */
  acronyms: (size) => `${front}${fill('The U.S. and e.g. the U.K. agreed. ', size)}\n`,
  /** Labels without end: "Note: Note: …". */
  labels: (size) => `${front}${fill('Note: ', size)}\n\n- ${fill('Note: ', size / 4)}\n`,
  /** One sentence of clauses, never ending. */
  longSentence: (size) =>
    `${front}The ministry agrees${fill(', and the council decides; the board — the people agree', size)}.\n`,
  /** Tokens of letters and dots, as in a version list or a hostname. */
  dottedTokens: (size) => `${front}${fill('a.b', size)} and ${fill('x.y.z.', size / 4)}\n`,
  /** Docs-site syntax opened and never closed: `{%`, `{{<`, `{:`, `{#`. */
  docsSite: (size) => `${front}${fill('a {% b {{< c {{% d {: e {#f ', size)}\n\n${fill(' ', size / 4)}{:x}\n`,
  /** What looks like the start of an e-mail address or a contact line, many times over. */
  aboutPage: (size) => `${front}${fill('name.name+tag-x', size)}@\n\n${fill('comments ', size / 4)}are\n`,
};
