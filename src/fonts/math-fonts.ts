import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/**
 * KaTeX's style sheet (its layout and its `@font-face` rules), with each font at a URL of `fontOrigin`
 * and its file added to `files`: typeset math (see `markdown/rehype-math.ts`) prints in KaTeX's own
 * fonts, embedded like every other face, never in the machine's. Only the woff2 source is kept.
 * A page gets it only when it holds math (`print-output.ts`), so other documents are unchanged.
 */
export async function mathStyles(fontOrigin: string, files: Map<string, Uint8Array>): Promise<string> {
  const cssPath = require.resolve('katex/dist/katex.css');
  const dir = path.dirname(cssPath);
  const css = await readFile(cssPath, 'utf8');
  const urls = new Map<string, string>();
  for (const [, file] of css.matchAll(/url\((fonts\/[^)]+\.woff2)\)/g)) {
    if (!file || urls.has(file)) continue;
    const data = await readFile(path.join(dir, file));
    const url = `${fontOrigin}/fonts/${createHash('sha256').update(data).digest('hex').slice(0, 32)}.woff2`;
    files.set(url, data);
    urls.set(file, url);
  }
  return css.replace(
    /src:\s*url\((fonts\/[^)]+\.woff2)\)[^;]*;/g,
    (_, file: string) => `src: url(${urls.get(file)}) format('woff2');`,
  );
}

/** Whether rendered HTML holds typeset math, and so needs {@link mathStyles}. */
export function hasMath(html: string): boolean {
  return html.includes('class="katex');
}
