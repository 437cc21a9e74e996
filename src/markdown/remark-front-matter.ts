import type { Root, Yaml } from 'mdast';
import { parseEntities } from 'parse-entities';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { z } from 'zod';
import { directionOf, labelsFor, rightToLeftScript } from '../labels/labels.js';
import { fail, warn } from '../messages.js';
import { pageFormats } from '../paper.js';
import { type Refuse, readToml, readYaml } from './front-matter-read.js';
import { inferTitle, type TitleSource } from './title.js';
import { writtenDate } from './written-date.js';

// A docs site's `2024-06-14 09:00:00 -0500` (Jekyll, Hugo) is read as the day it names.
const isoDate = z.preprocess(
  (value) =>
    typeof value === 'string' ? value.replace(/^(\d{4}-\d{2}-\d{2})[T ]\d[\d:.]*\s*(Z|[+-][\d:]+)?$/, '$1') : value,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
    .refine((value) => !Number.isNaN(Date.parse(value)), 'not a real calendar date'),
);

const bibliographyFile = z
  .string()
  .max(300, 'at most 300 characters: shorten it')
  .regex(/\.(bib|bibtex|json)$/i, 'expected a .bib (BibTeX, BibLaTeX) or .json (CSL-JSON) file');

// Bounds: generous for real briefs, far below what makes a print take minutes and gigabytes (a
// 200,000-character title did). See docs/security.md.
const maxTitle = 500;
const long = (n: number) => `at most ${n} characters: shorten it`;
const many = (n: number, what: string) => `at most ${n} ${what}: keep the ${n} that matter most`;

/** The front matter a brief may carry; all of it is optional. Unknown fields are warned about and ignored. */
export const frontMatterSchema = z.object({
  /** @default the document's opening `#` heading, else its file name made readable */
  title: z.string().trim().min(1, 'the title must not be empty').max(maxTitle, long(maxTitle)).optional(),
  subtitle: z.string().max(500, long(500)).optional(),
  /** Used in the running header; defaults to the title. */
  shortTitle: z.string().max(150, long(150)).optional(),
  date: isoDate.optional(),
  organisation: z.string().max(200, long(200)).optional(),
  // A name, or Pandoc's, Quarto's and JOSS's `{name: …, affiliation: …}`: the name is what prints.
  authors: z
    .array(
      z.union([
        z.string().max(200, long(200)),
        z.looseObject({ name: z.string().max(200, long(200)) }).transform((author) => author.name),
      ]),
    )
    .max(100, many(100, 'authors'))
    .optional(),
  /** @default "Policy Brief", in the document's language */
  series: z.string().max(200, long(200)).optional(),
  number: z
    .union([z.string().max(50, long(50)), z.number()])
    .transform(String)
    .optional(),
  keywords: z
    .array(z.string().max(100, long(100)))
    .max(100, many(100, 'keywords'))
    .default([]),
  lang: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a language tag such as en or en-GB')
    .default('en'),
  summary: z.string().max(5000, long(5000)).optional(),
  /** A docs site's one line about the page: it opens the summary's bottom line and is the PDF's subject. */
  description: z.string().max(1000, long(1000)).optional(),
  takeaways: z
    .array(z.string().min(1).max(1000, long(1000)))
    .min(1)
    .max(500, many(500, 'takeaways'))
    .optional(),
  format: z.enum(pageFormats).optional(),
  /** BibTeX/BibLaTeX (`.bib`) or CSL-JSON (`.json`) files of the document's folder (see remark-citations.ts). */
  bibliography: z
    .union([bibliographyFile, z.array(bibliographyFile).min(1).max(20, many(20, 'bibliographies'))])
    .optional(),
  /** A CSL style: a shipped one by name (`chicago-author-date`, `chicago-notes`) or a `.csl` file beside the document. */
  csl: z
    .string()
    .max(300, long(300))
    .regex(
      /^(chicago-author-date|chicago-notes(-bibliography)?|.+\.csl)$/i,
      'expected a .csl file or chicago-author-date or chicago-notes',
    )
    .optional(),
  /** The writing direction: `rtl` sets the page right to left. @default the language's (`rtl` for ar, he, fa, ur…) */
  dir: z.enum(['ltr', 'rtl']).optional(),
});

/** The document's settings: its front matter, with the title always found (see `titleSource`). */
export type FrontMatter = Omit<z.output<typeof frontMatterSchema>, 'series' | 'dir'> & {
  title: string;
  series: string;
  /** Always set by the parse (see `directionOf`); absent in models made by hand, which read as `ltr`. */
  dir?: 'ltr' | 'rtl';
};

declare module 'vfile' {
  interface DataMap {
    frontMatter: FrontMatter;
    /** Where the title came from. */
    titleSource: TitleSource;
    /** Where a front-matter field is written, for a later stage's messages about it. */
    frontMatterPlace: (field: string) => Point | undefined;
  }
}

/**
 * Read the front matter, if any, into `file.data.frontMatter`, validated: a YAML block (`---`) or a
 * Hugo TOML block (`+++`). Problems are messages placed at the offending line and column; errors are
 * fatal. Then find the title (see `inferTitle`).
 */
export default function frontMatter() {
  return (tree: Root, file: VFile) => {
    const first = tree.children[0];
    const node = first?.type === 'yaml' || (first?.type as string) === 'toml' ? (first as Yaml) : undefined;
    const source = String(file.value);
    // The block's text starts on the line after the opening fence.
    const base = node ? source.indexOf('\n', node.position?.start.offset ?? 0) + 1 : 0;
    const place = location(file);
    const at = (offset = 0) => place.toPoint(base + offset) ?? node?.position?.start;
    const refuse: Refuse = (reason, point) => void fail(file, reason, { place: point, rule: 'front-matter' });

    const fence = /^(---|\+\+\+)[ \t]*([^\s+-][^\r\n]*)/.exec(source);
    if (!node && fence) {
      refuse(
        `front matter \`${fence[1]}${fence[2]}\` is not supported: only YAML front matter (\`---\`) or TOML (\`+++\`) is read, and it is never run`,
        place.toPoint(0),
      );
      return;
    }
    const read = !node
      ? { data: {} }
      : first?.type === 'yaml'
        ? readYaml(node.value, at, refuse)
        : readToml(node.value, at, refuse);
    if (!read) return;
    const { placeOf = () => node?.position?.start } = read;
    // Docs sites write front matter as HTML (`content&mdash;or links`): a reference is the character it
    // names. A field left empty (`description:`) is not set, as the site generators read it.
    const data = Object.fromEntries(
      Object.entries(read.data)
        .filter(([, value]) => value !== null)
        .map(([key, value]) => [key, decodeReferences(value)]),
    );
    // A date written out (`29 January 2021`, as JOSS and Pandoc papers write it) is the day it names.
    const written =
      typeof data.date === 'string'
        ? writtenDate(data.date, typeof data.lang === 'string' ? data.lang : 'en')
        : undefined;
    if (written) data.date = written;
    // A docs site's display date (`date: June 2019`) has no day: it is left out, with a warning.
    if (typeof data.date === 'string' && !/^\d{4}-\d{1,2}-\d{1,2}/.test(data.date)) {
      warn(
        file,
        `front matter \`date\` "${data.date}" is not a day (YYYY-MM-DD, or as written: 29 January 2021): the brief is undated`,
        {
          place: placeOf(['date']),
          rule: 'front-matter',
        },
      );
      delete data.date;
    }
    const result = frontMatterSchema.safeParse(data);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const key = issue.path.join('.');
        refuse(
          key ? `front matter \`${key}\`: ${issue.message}` : `front matter: ${issue.message}`,
          placeOf(issue.path),
        );
      }
      return;
    }
    // Docs sites add their own fields (layout, permalink, nav_order, …): one warning names them all.
    const known = new Set(Object.keys(frontMatterSchema.shape));
    const unknown = Object.keys(data).filter((key) => !known.has(key));
    if (unknown.length > 0) {
      const names = unknown.map((key) => `\`${key}\``).join(', ');
      warn(file, `unknown front matter ${unknown.length === 1 ? 'field' : 'fields'} ${names} ignored`, {
        place: placeOf([unknown[0]!], true),
        rule: 'front-matter-unknown',
      });
    }
    const { title, from } = inferTitle(tree, file, result.data.title);
    // The opening heading is held to the title's bound too: a 200,000-character `#` is not a title.
    if (title.length > maxTitle) {
      const opening = tree.children.find((node) => node.type !== 'yaml' && (node.type as string) !== 'toml');
      fail(file, `the title (${from}) is over ${maxTitle} characters: shorten it, or set a title in front matter`, {
        place: opening?.position?.start,
        rule: 'front-matter',
      });
      return;
    }
    const { dir, series } = result.data;
    // A document that does not say its language but is written in Arabic or Hebrew is read as such.
    const lang = (data.lang === undefined && rightToLeftScript(source)) || result.data.lang;
    file.data.frontMatter = {
      ...result.data,
      lang,
      title,
      series: series ?? labelsFor(lang, file.data.labelOverrides).policyBrief,
      dir: directionOf(lang, dir),
    };
    file.data.frontMatterPlace = (field) => (field in data ? placeOf([field]) : undefined);
    file.data.titleSource = from;
  };
}

/** A string, or each string of a list (the schema wants no deeper ones: a YAML alias may even make a list hold itself). */
function decodeReferences(value: unknown): unknown {
  const decode = (item: unknown) => (typeof item === 'string' && item.includes('&') ? parseEntities(item) : item);
  return Array.isArray(value) ? value.map(decode) : decode(value);
}
