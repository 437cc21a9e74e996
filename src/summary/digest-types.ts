import type { RootContent } from 'hast';
import type { Point } from 'unist';

/** One line of the summary: a sentence, a key point or a list item. */
export interface DigestItem {
  /** A run-in label: a section's short heading, or a list item's bold lead-in. */
  label?: string;
  text: string;
  /**
   * Set on what the fit may leave out to keep one page: the highest `rank` goes first; `name` says which
   * in a warning, and `place` where it comes from in the Markdown (for a section's lead, its heading).
   */
  drop?: { rank: number; name: string; place?: Point };
}

/** The items of a list under a heading such as "Risks" or "Recommendations". */
export interface DigestList {
  heading: string;
  items: DigestItem[];
}

/** What the one-page summary shows, in reading order. */
export interface Digest {
  /** 25–90 words in two to four sentences, or the front matter `summary` in full. */
  bottomLine: DigestItem[];
  /** Marked takeaways verbatim, else the most representative sentence of up to five sections. */
  keyPoints: DigestItem[];
  keyPointsMarked: boolean;
  lists: DigestList[];
  /** A document under 6,000 words: its summary keeps its type at 9.5pt or more, leaving items out first. */
  short: boolean;
}

/** A top-level section of the source, before it becomes HTML. */
export interface SourceSection {
  number: number;
  heading: string;
  body: RootContent[];
  /** Where its heading is in the Markdown. */
  place?: Point;
}

export interface DigestSource {
  intro: RootContent[];
  sections: SourceSection[];
  /** Front matter `summary`. */
  summary?: string;
  /** Front matter `description` (a docs site's one line about the page): it opens the bottom line. */
  description?: string;
  /** Front matter `takeaways` or a `:::takeaways` block. */
  takeaways?: string[];
  lang: string;
  /** The document's length in words: a short one gets a shorter summary, set in larger type. */
  words?: number;
}
