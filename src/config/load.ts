import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from './file.js';

export type { Config } from './file.js';

/** Config file names, looked for in this order in each folder. */
export const configFiles = ['briefpress.config.json', 'briefpress.config.yaml', 'briefpress.config.yml'];

/**
 * Find and read the config: `file` when given, else the first of {@link configFiles} or a
 * `package.json` with a `briefpress` key, searched from `cwd` up to the project root (the
 * first folder with a `package.json`). Throws a {@link BriefpressError} naming the file and key.
 */
export async function loadConfig(options: { cwd?: string; file?: string } = {}): Promise<Config> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const found = options.file ? { file: path.resolve(cwd, options.file), key: undefined } : await findConfig(cwd);
  if (!found) return { options: {} };
  // The parser and the schema are loaded only for a config file: most runs have none.
  const { readConfigFile } = await import('./file.js');
  return readConfigFile(found.file, found.key);
}

async function findConfig(cwd: string): Promise<{ file: string; key?: string } | undefined> {
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    const named = configFiles.map((name) => path.join(dir, name)).find((file) => existsSync(file));
    if (named) return { file: named };
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg)) return (await hasKey(pkg)) ? { file: pkg, key: 'briefpress' } : undefined;
    if (path.dirname(dir) === dir) return undefined;
  }
}

async function hasKey(pkg: string): Promise<boolean> {
  try {
    return (JSON.parse(await readFile(pkg, 'utf8')) as Record<string, unknown>).briefpress !== undefined;
  } catch {
    return false;
  }
}
