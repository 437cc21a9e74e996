/** The page sizes briefpress lays out for: the one definition, read by the settings, the templates and the page-count estimate. */
export const pageFormats = ['a4', 'letter'] as const;
export type PageFormat = (typeof pageFormats)[number];

export interface Paper {
  /** The CSS `@page` size keyword the templates use. */
  css: string;
  /** The sheet, in CSS pixels (96 to the inch). */
  width: number;
  height: number;
}

export const paper: Record<PageFormat, Paper> = {
  a4: { css: 'A4', width: (210 / 25.4) * 96, height: (297 / 25.4) * 96 },
  letter: { css: 'letter', width: 8.5 * 96, height: 11 * 96 },
};
