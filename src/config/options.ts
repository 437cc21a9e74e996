import { fileURLToPath } from 'node:url';
import { defaultFonts, type FontSource } from '../fonts/font-set.js';
import type { LabelOverrides } from '../labels/labels.js';

import type { PageFormat } from '../paper.js';

export { type PageFormat, pageFormats } from '../paper.js';

/** The accent colour when none is configured. */
export const defaultAccent = '#8c2331';
export type OutputKind = 'brief' | 'summary';

/** Settings of a build. Every field is optional; defaults are given in the JSDoc. */
export interface Options {
  /** Page size. @default 'a4' */
  format?: PageFormat;
  /** Which PDFs to make. @default ['brief', 'summary'] */
  outputs?: OutputKind[];
  /** Keep the final HTML of each output (for preview and debugging). @default false */
  html?: boolean;
  /** Folder holding `brief/`, `summary/` and `partials/`. @default the templates shipped with briefpress */
  templates?: string;
  /** Organisation named when the front matter names none; without one the brief names no publisher. @default none */
  organisation?: string;
  /** Logo shown on the masthead: an `.svg` or `.png` file, inlined into the PDF. @default none */
  logo?: string;
  /** Accent colour of rules, numbers and boxes (any CSS colour). @default '#8c2331' */
  accent?: string;
  /** Text and heading fonts, as `@fontsource/*` packages. @default Source Serif 4 and Source Sans 3 */
  fonts?: FontSource[];
  /** Make it an error, not a warning, when the one-page summary must leave content out to fit. @default false */
  strict?: boolean;
  /** Let documents use remote `http(s)` images; otherwise they are refused with a warning. @default false */
  allowNet?: boolean;
  /** Chromium/Chrome executable. @default `BRIEFPRESS_BROWSER`, `PUPPETEER_EXECUTABLE_PATH`, Puppeteer's browser, then the system's */
  browser?: string;
  /** Largest Markdown file accepted, in bytes. @default 10 MB (10 × 1024 × 1024) */
  maxInputSize?: number;
  /** Time limit of one document (parsing and printing), in milliseconds. @default 60000 */
  timeout?: number;
  /** Read Markdown files whose real path lies outside the folder they were found in (symlinks pointing out). @default false */
  followSymlinks?: boolean;
  /** Most pages one PDF may have; a document past it fails. @default 500 */
  maxPages?: number;
  /** Bibliography for documents whose front matter names none: `.bib` or CSL-JSON `.json`, a path in the document's folder. @default none */
  bibliography?: string | string[];
  /** Citation style: `chicago-author-date`, `chicago-notes`, or a `.csl` file in the document's folder. @default 'chicago-author-date' */
  csl?: string;
  /** The furniture's words, by language tag (or `*` for all), replacing the catalogue's (`src/labels/catalogue.ts`). @default {} */
  labels?: LabelOverrides;
}

/**
 * Who `build --mail` sends each brief to, and how. Only the config file and the flags set it, never a
 * document's front matter; the server and its password come from `BRIEFPRESS_SMTP_URL` alone.
 */
export interface MailSettings {
  /** The sender, e.g. `"Policy Unit" <briefs@example.org>`. Needed to send. */
  from?: string;
  to?: string[];
  cc?: string[];
  /** Recipients the message does not name (in the envelope only). */
  bcc?: string[];
  replyTo?: string;
  /** The subject, with `{{title}}`, `{{shortTitle}}`, `{{subtitle}}`, `{{date}}`, `{{series}}`, `{{number}}`, `{{organisation}}`. @default '{{title}}' */
  subject?: string;
  /** Largest message sent, in bytes. @default 10 MB (10 × 1024 × 1024) */
  maxSize?: number;
}

export type ResolvedOptions = Required<Omit<Options, 'browser' | 'logo' | 'bibliography' | 'csl'>> &
  Pick<Options, 'browser' | 'logo' | 'bibliography' | 'csl'>;

// From source this module is src/config/; bundled, it is a chunk of dist/: both find the package's templates/.
export const defaultTemplates = fileURLToPath(
  new URL(import.meta.url.endsWith('.ts') ? '../../templates' : '../templates', import.meta.url),
);

const defaults: ResolvedOptions = {
  format: 'a4',
  outputs: ['brief', 'summary'],
  html: false,
  templates: defaultTemplates,
  organisation: '',
  logo: undefined,
  accent: defaultAccent,
  fonts: defaultFonts,
  strict: false,
  allowNet: false,
  browser: undefined,
  maxInputSize: 10 * 1024 * 1024,
  timeout: 60_000,
  followSymlinks: false,
  maxPages: 500,
  bibliography: undefined,
  csl: undefined,
  labels: {},
};

/**
 * Merge layers of settings, later ones winning: defaults ← config file ← front matter ← flags.
 * `undefined` never overrides; the inputs are not modified.
 */
export function resolveOptions(...layers: Array<Options | undefined>): ResolvedOptions {
  const result: ResolvedOptions = { ...defaults };
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer ?? {})) {
      if (value !== undefined) Object.assign(result, { [key]: structuredClone(value) });
    }
  }
  return result;
}
