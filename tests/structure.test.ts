import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDocument, resolveRun } from '../src/config/resolve.js';
import { BrowserNotFoundError } from '../src/errors.js';
import { build, check } from '../src/index.js';
import { paper } from '../src/paper.js';
import { root, runCli, seed, tempDir } from './helpers.js';

const markdown = '---\ntitle: Notes on Tides\n---\n\nTides matter.\n\n## Why\n\nThe moon pulls the sea.\n';

describe('settings, resolved once', () => {
  it('should layer defaults, the config, the front matter and the flags in that order, flags winning', () => {
    const config = { options: { format: 'letter' as const, organisation: 'Config Org', maxPages: 9 }, out: '/cfg-out' };
    const run = resolveRun(config, { organisation: 'Flag Org', followSymlinks: true, jobs: 3 });
    expect(run.settings).toMatchObject({
      format: 'letter',
      organisation: 'Flag Org',
      maxPages: 9,
      followSymlinks: true,
    });
    expect([run.out, run.jobs]).toEqual(['/cfg-out', 3]);
    // The front matter goes between the config and the flags: it beats the one, never the other.
    const document = resolveDocument(run, { format: 'a4', organisation: 'Front Matter Org' });
    expect([document.format, document.organisation]).toEqual(['a4', 'Flag Org']);
    expect(resolveDocument(resolveRun(config, {}), { organisation: 'Front Matter Org' })).toMatchObject({
      format: 'letter',
      organisation: 'Front Matter Org',
    });
    expect(resolveRun(undefined, {}).out).toBe('out');
  });

  it("should take the flags' mail fields over the config's, one by one, with the 10 MB limit by default", () => {
    const config = { options: {}, mail: { from: 'a@example.org', to: ['b@example.org'], cc: ['c@example.org'] } };
    expect(resolveRun(config, { mail: { to: ['d@example.org'], from: undefined } }).mail).toEqual({
      from: 'a@example.org',
      to: ['d@example.org'],
      cc: ['c@example.org'],
      maxSize: 10 * 1024 * 1024,
    });
    expect(resolveRun(config, { mail: { maxSize: 5 } }).mail.maxSize).toBe(5);
  });

  it('should know each page size once, in CSS pixels', () => {
    expect(paper.a4).toMatchObject({ css: 'A4' });
    expect(Math.round(paper.a4.height)).toBe(1123);
    expect(paper.letter).toEqual({ css: 'letter', width: 816, height: 1056 });
  });
});

describe('a browser that cannot start', () => {
  it('should reject build() and check() once, with no document reported failed for it', async () => {
    const reported: string[] = [];
    const options = {
      browser: path.join(await tempDir(), 'no-chrome'),
      onResult: (result: { path: string }) => reported.push(result.path),
    };
    const sources = [
      { path: 'a.md', value: markdown },
      { path: 'b.md', value: markdown },
    ];
    await expect(build(sources, options)).rejects.toBeInstanceOf(BrowserNotFoundError);
    await expect(check(sources, options)).rejects.toBeInstanceOf(BrowserNotFoundError);
    expect(reported).toEqual([]);
  });

  it('should be said on one line by the CLI, exit 1, writing nothing', async () => {
    const out = await tempDir();
    const browser = path.join(out, 'no-chrome');
    const said = await runCli(['build', seed, '--out', out, '--browser', browser]);
    expect(said.code).toBe(1);
    expect(said.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^briefpress: no browser at .*no-chrome: /)]);
    expect(await readdir(out)).toEqual([]);
  });
});

/** Every .ts file under src/, relative to it. */
async function sources(): Promise<string[]> {
  const entries = await readdir(path.join(root, 'src'), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(path.join(root, 'src'), path.join(entry.parentPath, entry.name)));
}

describe('the layout of src/ (docs/architecture.md)', () => {
  it('should keep at most 8 files at the top of src/, and none over 250 lines', async () => {
    const files = await sources();
    expect(files.filter((file) => !file.includes(path.sep)).length).toBeLessThanOrEqual(8);
    const long: string[] = [];
    for (const file of files) {
      const lines = (await readFile(path.join(root, 'src', file), 'utf8')).split('\n').length - 1;
      if (lines > 250) long.push(`${file}: ${lines} lines`);
    }
    expect(long).toEqual([]);
  });

  it('should let pdf/ import no print, render, config or markdown module: it takes bytes and plain data', async () => {
    const imports: string[] = [];
    for (const file of (await sources()).filter((name) => name.startsWith(`pdf${path.sep}`))) {
      const text = await readFile(path.join(root, 'src', file), 'utf8');
      for (const [, target] of text.matchAll(/from '(\.\.\/[^']+)'/g))
        if (/^\.\.\/(browser|render|config|markdown|document|summary|fonts)\//.test(target!))
          imports.push(`${file}: ${target}`);
    }
    expect(imports).toEqual([]);
  });
});
