/**
 * The words of the furniture that citations and charts add, in one place: the message catalogue keyed
 * by the document's language (issue 26, item 5) takes them over.
 */
export const labels = {
  /** The title of the bibliography at the end of the brief. */
  references: 'References',
  /** A figure's caption label: "Figure 2." */
  figure: 'Figure',
  /** Before a chart's source line: "Source: …". */
  source: 'Source',
} as const;
