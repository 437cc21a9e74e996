import data from './catalogue.json' with { type: 'json' };

/**
 * The words a brief prints around the author's text ("Key takeaways", "Page 2 of 4", "Figure 1"), by
 * language, in `catalogue.json`. `{name}` marks a value put in; a config file's `labels` may replace any
 * entry (see `labels.ts`). English is the reference: another language may leave an entry out and gets
 * the English one.
 */
export const english = data.en;

export type LabelKey = keyof typeof english;
export type Labels = Record<LabelKey, string>;

export const catalogue: Record<string, Partial<Labels>> = data;
