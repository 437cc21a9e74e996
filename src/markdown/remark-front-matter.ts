import type { Root, Yaml } from 'mdast';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { pageFormats } from '../config/options.js';
import { fail, warn } from '../messages.js';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(value)), 'not a real calendar date');

// Bounds: generous for real briefs, far below what makes a print take minutes and gigabytes (a
// 200,000-character title did). See docs/security.md.
const long = (n: number) => `at most ${n} characters: shorten it`;
const many = (n: number, what: string) => `at most ${n} ${what}: keep the ${n} that matter most`;

/** The front matter a brief may carry. Unknown fields are warned about and ignored. */
export const frontMatterSchema = z.object({
  title: z.string().trim().min(1, 'the title must not be empty').max(500, long(500)),
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

export type FrontMatter = z.output<typeof frontMatterSchema>;

declare module 'vfile' {
  interface DataMap {
    frontMatter: FrontMatter;
  }
}

/**
 * Parse the YAML front matter into `file.data.frontMatter`, validated.
 * Problems become messages placed at the offending line and column; errors are fatal.
 */
export default function frontMatter() {
  return (tree: Root, file: VFile) => {
    const node = tree.children[0]?.type === 'yaml' ? (tree.children[0] as Yaml) : undefined;
    const start = node?.position?.start.offset ?? 0;
    const source = String(file.value);
    // The YAML text starts on the line after the opening `---`.
    const base = node ? source.indexOf('\n', start) + 1 : 0;
    const place = location(file);
    const at = (offset = 0) => place.toPoint(base + offset) ?? node?.position?.start;
    const refuse = (reason: string, offset?: number) =>
      void fail(file, reason, { place: at(offset), rule: 'front-matter' });

    const fence = /^---[ \t]*([^\s-][^\r\n]*)/.exec(source);
    if (!node && fence) {
      refuse(
        `front matter \`---${fence[1]}\` is not supported: only YAML front matter (\`---\`) is read, and it is never run`,
        -base,
      );
      return;
    }
    if (!node) {
      refuse('missing front matter: start the file with a `---` YAML block that has at least a `title:`', -base);
      return;
    }
    const lines = new LineCounter();
    const doc = parseDocument(node.value, {
      schema: 'core',
      uniqueKeys: true,
      lineCounter: lines,
      prettyErrors: false,
    });
    for (const error of doc.errors) refuse(`invalid YAML: ${error.message.split('\n')[0]}`, error.pos[0]);
    // Tags such as `!!js/function` are left unresolved by the core schema; refuse them outright.
    const tags = doc.warnings.filter((warning) => warning.code === 'TAG_RESOLVE_FAILED');
    for (const tag of tags) refuse(`YAML tags are not allowed: ${tag.message.split(' at line')[0]}`, tag.pos[0]);
    if (doc.errors.length > 0 || tags.length > 0) return;

    let data: unknown;
    try {
      // Aliases are bounded so that a "billion laughs" document cannot exhaust memory.
      data = doc.toJS({ maxAliasCount: 50 }) ?? {};
    } catch (error: unknown) {
      refuse(
        `front matter: too many YAML alias expansions (${error instanceof Error ? error.message : String(error)})`,
      );
      return;
    }
    const result = frontMatterSchema.safeParse(data);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const key = issue.path.join('.');
        const target = doc.getIn(issue.path, true) as { range?: [number, number] } | undefined;
        const range =
          target?.range ?? (doc.get(issue.path[0], true) as { range?: [number, number] } | undefined)?.range;
        refuse(key ? `front matter \`${key}\`: ${issue.message}` : `front matter: ${issue.message}`, range?.[0]);
      }
      return;
    }
    const known = new Set(Object.keys(frontMatterSchema.shape));
    for (const key of Object.keys(data as object)) {
      if (!known.has(key)) {
        const pair =
          doc.contents && 'items' in doc.contents
            ? (doc.contents.items as Array<{ key?: { value?: unknown; range?: [number, number] } }>).find(
                (item) => item.key?.value === key,
              )
            : undefined;
        warn(file, `unknown front matter field \`${key}\` is ignored`, {
          place: at(pair?.key?.range?.[0]),
          rule: 'front-matter-unknown',
        });
      }
    }
    file.data.frontMatter = result.data;
  };
}
