// Run by tsup after each build (see tsup.config.ts): the code of every shipped template, by the hash of
// its source, in dist/templates.precompiled.json, where src/render/templates.ts finds it.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { templateCode, templateKey } from '../src/render/templates.js';

export async function precompileTemplates(templates: string, out: string): Promise<void> {
  const files = (await readdir(templates, { recursive: true })).filter((name) => name.endsWith('.hbs')).sort();
  const code: Record<string, string> = {};
  for (const file of files) {
    const source = await readFile(path.join(templates, file), 'utf8');
    code[templateKey(source)] = templateCode(source);
  }
  await writeFile(out, JSON.stringify(code));
}
