import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { macPath } from '../src/browser/launch.js';
import { fixture, pdfInfo, runCli, seed, tempDir } from './helpers.js';

describe('briefpress build, options and failures', () => {
  it('should print US Letter with --format letter and only the summary with --only, keeping the HTML with --html', async () => {
    const out = await tempDir();
    const result = await runCli([
      'build',
      fixture('pipeline', 'small.md'),
      '--out',
      out,
      '--format',
      'letter',
      '--only',
      'summary',
      '--html',
    ]);
    expect(result.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['small.summary.html', 'small.summary.pdf']);
    expect((await pdfInfo(path.join(out, 'small.summary.pdf')))['Page size']).toMatch(/^612 x 792 pts \(letter\)/);
  });

  it('should build the good documents of a batch, name the bad one with its line, and exit 1', async () => {
    const dir = await tempDir();
    const content = path.join(dir, 'content');
    await mkdir(content);
    await copyFile(fixture('pipeline', 'small.md'), path.join(content, 'good.md'));
    await copyFile(fixture('pipeline', 'bad-date.md'), path.join(content, 'bad.md'));
    const result = await runCli(['build', 'content', '--out', 'out'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/content\/bad\.md:3:7: .*date/);
    expect((await readdir(path.join(dir, 'out'))).sort()).toEqual(['good.brief.pdf', 'good.summary.pdf']);
  });

  it('should exit 2 on a usage error', async () => {
    const result = await runCli(['build', seed, '--format', 'a3']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/a3/);
  });

  it('should say how to get a browser when the configured one is missing', async () => {
    const out = await tempDir();
    const result = await runCli(['build', seed, '--out', out], { env: { BRIEFPRESS_BROWSER: '/nonexistent/chrome' } });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('/nonexistent/chrome');
    expect(result.stderr).toContain('npx puppeteer browsers install chrome');
    expect(await readdir(out)).toEqual([]);
  });

  // The CLI cannot be kept from the macOS app's fixed place; browser-discovery.test.ts tests that path.
  it.skipIf(existsSync(macPath))(
    'should say how to get a browser when neither the system nor Puppeteer has one',
    async () => {
      // From a folder without .puppeteerrc.cjs, with nothing on the PATH and an empty Puppeteer cache.
      const dir = await tempDir();
      const env = {
        PATH: '',
        BRIEFPRESS_BROWSER: '',
        PUPPETEER_EXECUTABLE_PATH: '',
        PUPPETEER_CACHE_DIR: path.join(dir, 'cache'),
      };
      const result = await runCli(['build', seed, '--out', path.join(dir, 'out')], { cwd: dir, env });
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain('no Chromium or Chrome found');
      expect(result.stderr).toContain('npx puppeteer browsers install chrome');
    },
  );
});
