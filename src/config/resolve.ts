import { mailSizeLimit } from '../email/limits.js';
import type { Config } from './file.js';
import { type MailSettings, type Options, type ResolvedOptions, resolveOptions } from './options.js';

/** What the caller sets for a whole run: a command's flags (see `runOptions` in cli/build-flags.ts), or the library's options. */
export interface RunOptions extends Options {
  /** Output folder. @default the config's `out`, else `out` */
  out?: string;
  /** Pages printing at once. @default the number of cores */
  jobs?: number;
  /** Who is mailed, field by field over the config's `mail`. */
  mail?: MailSettings;
}

/**
 * A run's settings, resolved once before any document: `settings` is what no front matter may change
 * (limits, templates, fonts, logo, browser, symlinks); `layers` keep the config's and the caller's
 * apart, for each document's front matter to go between them (see {@link resolveDocument}).
 */
export interface ResolvedRun {
  settings: ResolvedOptions;
  layers: { config: Options | undefined; own: Options };
  /** Output folder (the CLI's). */
  out: string;
  jobs: number | undefined;
  /** The config's `mail`, then the caller's; the size limit defaults to `mailSizeLimit` (email/limits.ts). */
  mail: MailSettings & { maxSize: number };
  /** The config file the settings came from, when one was found. */
  configPath: string | undefined;
}

/** A run's settings: defaults ← config file ← the caller's (flags win). Called once per command or `build()`. */
export function resolveRun(config: Partial<Config> | undefined, own: RunOptions = {}): ResolvedRun {
  const { out, jobs, mail, ...options } = own;
  const mailLayers = [config?.mail, mail].map((layer) =>
    Object.fromEntries(Object.entries(layer ?? {}).filter(([, value]) => value !== undefined)),
  );
  return {
    settings: resolveOptions(config?.options, options),
    layers: { config: config?.options, own: options },
    out: out ?? config?.out ?? 'out',
    jobs,
    mail: { maxSize: mailSizeLimit, ...mailLayers[0], ...mailLayers[1] },
    configPath: config?.path,
  };
}

/** What a document's front matter may set of its settings. */
export interface DocumentLayer {
  format?: Options['format'];
  organisation?: Options['organisation'];
}

/** One document's settings: defaults ← config ← its front matter ← the caller's. Called once per document. */
export function resolveDocument({ layers }: ResolvedRun, frontMatter: DocumentLayer): ResolvedOptions {
  return resolveOptions(
    layers.config,
    { format: frontMatter.format, organisation: frontMatter.organisation },
    layers.own,
  );
}
