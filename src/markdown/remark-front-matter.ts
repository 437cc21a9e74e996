import type { Root, Yaml } from 'mdast';
import { parse as parseToml, TomlError } from 'smol-toml';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { pageFormats } from '../config/options.js';
import { fail, warn } from '../messages.js';
import { inferTitle, type TitleSource } from './title.js';

// A docs site's `2024-06-14 09:00:00 -0500` (Jekyll, Hugo) is read as the day it names.
const isoDate = z.preprocess(
  (value) =>
    typeof value === 'string' ? value.replace(/^(\d{4}-\d{2}-\d{2})[T ]\d[\d:.]*\s*(Z|[+-][\d:]+)?$/, '$1') : value,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
    .refine((value) => !Number.isNaN(Date.parse(value)), 'not a real calendar date'),
);

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
  authors: z
    .array(z.string().max(200, long(200)))
    .max(100, many(100, 'authors'))
    .optional(),
  series: z.string().max(200, long(200)).default('Policy Brief'),
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
  takeaways: z
    .array(z.string().min(1).max(1000, long(1000)))
    .min(1)
    .max(500, many(500, 'takeaways'))
    .optional(),
  format: z.enum(pageFormats).optional(),
});

/** The document's settings: its front matter, with the title always found (see `titleSource`). */
export type FrontMatter = z.output<typeof frontMatterSchema> & { title: string };

declare module 'vfile' {
  interface DataMap {
    frontMatter: FrontMatter;
    /** Where the title came from. */
    titleSource: TitleSource;
  }
}

type Refuse = (reason: string, place?: Point) => void;

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
    const { data, placeOf = () => node?.position?.start } = read;
    // A docs site's display date (`date: June 2019`) is not a typo of one: it is left out, with a warning.
    if (typeof data.date === 'string' && !/^\d{4}-\d{1,2}-\d{1,2}/.test(data.date)) {
      warn(file, `front matter \`date\` "${data.date}" is not a date as YYYY-MM-DD: the brief is undated`, {
        place: placeOf(['date']),
        rule: 'front-matter',
      });
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
    file.data.frontMatter = { ...result.data, title };
    file.data.titleSource = from;
  };
}

interface Read {
  data: Record<string, unknown>;
  /** Where a field (or its key) is written. */
  placeOf?: (path: PropertyKey[], key?: boolean) => Point | undefined;
}

function readYaml(text: string, at: (offset?: number) => Point | undefined, refuse: Refuse): Read | undefined {
  const doc = parseDocument(text, {
    schema: 'core',
    uniqueKeys: true,
    lineCounter: new LineCounter(),
    prettyErrors: false,
  });
  for (const error of doc.errors) refuse(`invalid YAML: ${error.message.split('\n')[0]}`, at(error.pos[0]));
  // Tags such as `!!js/function` are left unresolved by the core schema; refuse them outright.
  const tags = doc.warnings.filter((warning) => warning.code === 'TAG_RESOLVE_FAILED');
  for (const tag of tags) refuse(`YAML tags are not allowed: ${tag.message.split(' at line')[0]}`, at(tag.pos[0]));
  if (doc.errors.length > 0 || tags.length > 0) return undefined;
  let data: unknown;
  try {
    // Aliases are bounded so that a "billion laughs" document cannot exhaust memory.
    data = doc.toJS({ maxAliasCount: 50 }) ?? {};
  } catch (error: unknown) {
    refuse(
      `front matter: too many YAML alias expansions (${error instanceof Error ? error.message : String(error)})`,
      at(),
    );
    return undefined;
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    refuse('front matter: expected fields (`name: value` lines)', at());
    return undefined;
  }
  type Ranged = { range?: [number, number] } | undefined;
  const placeOf = (path: PropertyKey[], key = false): Point | undefined => {
    if (key && doc.contents && 'items' in doc.contents) {
      const items = doc.contents.items as Array<{ key?: { value?: unknown; range?: [number, number] } }>;
      return at(items.find((item) => item.key?.value === path[0])?.key?.range?.[0]);
    }
    const target = (doc.getIn(path, true) as Ranged)?.range ?? (doc.get(path[0], true) as Ranged)?.range;
    return at(target?.[0]);
  };
  return { data: data as Record<string, unknown>, placeOf };
}

function readToml(text: string, at: (offset?: number) => Point | undefined, refuse: Refuse): Read | undefined {
  try {
    // Dates become the text they were written as (TomlDate keeps it), as YAML's core schema leaves them.
    return { data: JSON.parse(JSON.stringify(parseToml(text))) as Record<string, unknown> };
  } catch (error: unknown) {
    if (!(error instanceof TomlError)) throw error;
    const start = at();
    const line = (start?.line ?? 1) + error.line - 1;
    refuse(`invalid TOML: ${error.message.split('\n')[0]}`, { line, column: error.column });
    return undefined;
  }
}
