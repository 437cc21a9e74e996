/**
 * A word of the charts' furniture the message catalogue (src/labels/catalogue.json) does not have yet:
 * the lead moves it there, keyed by language.
 */
export const labels = {
  /** Before a chart's source line: "Source: …". */
  source: 'Source',
} as const;
