import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { addressList, singleAddress } from '../email/addresses.js';
import { unknownPlaceholders } from '../email/subject.js';
import { BriefpressError, errorMessage } from '../errors.js';
import { labelKeys } from '../labels/labels.js';
import { pageFormats } from '../paper.js';
import type { MailSettings, Options } from './options.js';

const bibFile = /\.(bib|bibtex|json)$/i;
const bibMessage = 'expected a .bib (BibTeX, BibLaTeX) or .json (CSL-JSON) file';
const cssColor = /^(#[0-9a-f]{3,8}|[a-z]+|(rgb|hsl|oklch|lab|lch)a?\([\d\s.,%/-]+\))$/i;

/** Addresses checked as the CLI's flags check them, each message naming the wrong one. */
const addresses = <T>(parse: (value: string | string[]) => T) =>
  z.union([z.string(), z.array(z.string())]).transform((value, context) => {
    try {
      return parse(value);
    } catch (error: unknown) {
      context.addIssue({ code: 'custom', message: errorMessage(error) });
      return z.NEVER;
    }
  });

const mailSchema = z
  .object({
    from: addresses((value) => singleAddress(String(value))).optional(),
    to: addresses(addressList).optional(),
    cc: addresses(addressList).optional(),
    bcc: addresses(addressList).optional(),
    replyTo: addresses((value) => singleAddress(String(value))).optional(),
    subject: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .refine((template) => unknownPlaceholders(template).length === 0, {
        error: (issue) =>
          `unknown placeholder {{${unknownPlaceholders(String(issue.input))[0]}}} (known: title, shortTitle, subtitle, date, series, number, organisation)`,
      })
      .optional(),
    maxSize: z.number().int().positive('must be a positive number of bytes').optional(),
  })
  .strict();

/** What a config file may hold; paths are relative to the file. Unknown keys are errors (a typo is never silently ignored). */
export const configSchema = z
  .object({
    organisation: z.string().trim().min(1, 'must not be empty').optional(),
    logo: z
      .string()
      .regex(/\.(svg|png)$/i, 'expected the path of an .svg or .png file')
      .optional(),
    accent: z.string().regex(cssColor, 'expected a CSS colour such as #1f4e79 or teal').optional(),
    format: z.enum(pageFormats).optional(),
    fonts: z
      .array(z.object({ package: z.string().min(1), faces: z.array(z.string().min(1)).min(1) }).strict())
      .min(1)
      .optional(),
    templates: z.string().min(1).optional(),
    strict: z.boolean().optional(),
    out: z.string().min(1).optional(),
    allowNet: z.boolean().optional(),
    maxInputSize: z.number().int().positive('must be a positive number of bytes').optional(),
    timeout: z.number().positive('must be a positive number of milliseconds').optional(),
    mail: mailSchema.optional(),
    followSymlinks: z.boolean().optional(),
    maxPages: z.number().int().positive('must be a whole number of pages, 1 or more').optional(),
    // Paths in each document's own folder (where they are read), not the config file's.
    bibliography: z
      .union([z.string().regex(bibFile, bibMessage), z.array(z.string().regex(bibFile, bibMessage)).min(1)])
      .optional(),
    csl: z
      .string()
      .regex(
        /^(chicago-author-date|chicago-notes(-bibliography)?|.+\.csl)$/i,
        'expected a .csl file or chicago-author-date or chicago-notes',
      )
      .optional(),
    labels: z
      .record(
        z
          .string()
          .regex(/^(\*|[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*)$/, 'expected a language tag such as fr or pt-BR, or *'),
        z.record(z.string(), z.string().max(200, 'at most 200 characters')).superRefine((entries, context) => {
          const unknown = Object.keys(entries).find((key) => !(labelKeys as string[]).includes(key));
          if (unknown)
            context.addIssue({
              code: 'custom',
              path: [unknown],
              message: `unknown label (known: ${labelKeys.join(', ')})`,
            });
        }),
      )
      .optional(),
  })
  .strict();

/** A config file, read: its layer of settings. */
export interface Config {
  /** The file the settings came from, when one was found. */
  path?: string;
  /** The config file's layer of settings, paths made absolute. */
  options: Options;
  /** Output folder, absolute. */
  out?: string;
  /** Who `build --mail` sends to: the CLI's, like `out`, and no document's to change. */
  mail?: MailSettings;
}

export type ConfigFile = z.output<typeof configSchema>;

/**
 * Read and check a config file (`key`: the settings' key in a `package.json`). Throws a
 * {@link BriefpressError} naming the file and key.
 */
export async function readConfigFile(file: string, key?: string): Promise<Config> {
  const raw = await readFile(file, 'utf8').catch((error: unknown) => {
    throw new BriefpressError(`${file}: cannot read the config file (${errorMessage(error)})`);
  });
  let data: unknown;
  try {
    data = /\.ya?ml$/i.test(file) ? parseYaml(raw) : JSON.parse(raw);
  } catch (error: unknown) {
    throw new BriefpressError(`${file}: not valid ${/\.ya?ml$/i.test(file) ? 'YAML' : 'JSON'}: ${errorMessage(error)}`);
  }
  if (key) data = (data as Record<string, unknown>)[key];
  const result = configSchema.safeParse(data ?? {});
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const keys =
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((name) => [...issue.path, name].join('.'))
        : [issue.path.join('.')];
    const where = [key, ...keys].filter(Boolean).join('.');
    const known = Object.keys(issue.path[0] === 'mail' ? mailSchema.shape : configSchema.shape);
    const reason = issue.code === 'unrecognized_keys' ? `unknown setting (known: ${known.join(', ')})` : issue.message;
    throw new BriefpressError(`${file}: ${where ? `\`${where}\`: ` : ''}${reason}`);
  }
  const dir = path.dirname(file);
  const { out, logo, templates, mail, ...rest } = result.data;
  const resolved = (setting: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    const absolute = path.resolve(dir, value);
    if (setting !== 'out' && !existsSync(absolute))
      throw new BriefpressError(
        `${file}: \`${setting}\`: no such ${setting === 'logo' ? 'file' : 'folder'} ${absolute}`,
      );
    return absolute;
  };
  return {
    path: file,
    options: { ...rest, logo: resolved('logo', logo), templates: resolved('templates', templates) },
    out: resolved('out', out),
    ...(mail ? { mail } : {}),
  };
}
