import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { BriefpressError, errorMessage } from '../errors.js';
import { type Options, pageFormats } from './options.js';

const cssColor = /^(#[0-9a-f]{3,8}|[a-z]+|(rgb|hsl|oklch|lab|lch)a?\([\d\s.,%/-]+\))$/i;

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
    followSymlinks: z.boolean().optional(),
    maxPages: z.number().int().positive('must be a whole number of pages, 1 or more').optional(),
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
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [issue.path.join('.')];
    const where = [key, ...keys].filter(Boolean).join('.');
    const reason =
      issue.code === 'unrecognized_keys'
        ? `unknown setting (known: ${Object.keys(configSchema.shape).join(', ')})`
        : issue.message;
    throw new BriefpressError(`${file}: ${where ? `\`${where}\`: ` : ''}${reason}`);
  }
  const dir = path.dirname(file);
  const { out, logo, templates, ...rest } = result.data;
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
  };
}
