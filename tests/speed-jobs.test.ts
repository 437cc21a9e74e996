import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchBrowser, stopBrowser } from '../src/browser/launch.js';
import { createRenderer } from '../src/browser/renderer.js';
import { fixture, pageCount, pdfText, runCli, tempDir } from './helpers.js';

/** The text of each PDF, one line each. */
async function texts(pdfs: Uint8Array[]): Promise<string[]> {
  const dir = await tempDir();
  return Promise.all(
    pdfs.map(async (pdf, i) => {
      const file = path.join(dir, `${i}.pdf`);
      await writeFile(file, pdf);
      return (await pdfText(file)).trim();
    }),
  );
}

describe('--jobs and the page pool', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await stopBrowser(browser); // also removes the browser's temporary folder
  });

  it('should print many documents at once through no more pages than jobs', async () => {
    const before = (await browser.pages()).length;
    const renderer = await createRenderer({ browser, jobs: 2 });
    const pdfs = await Promise.all(
      Array.from({ length: 5 }, (_, i) => renderer.print({ html: `<p>Document ${i}</p>` })),
    );
    await renderer.close();
    // Each print is its own document's, whatever page of the pool it went through.
    expect(await texts(pdfs)).toEqual(pdfs.map((_, i) => `Document ${i}`));
    expect((await browser.pages()).length - before).toBe(2);
    expect(browser.connected).toBe(true);
  });

  it('should open pages ahead of the prints when warmed, no more than jobs, and print in them', async () => {
    const before = (await browser.pages()).length;
    const renderer = await createRenderer({ browser, jobs: 3 });
    renderer.warm(5);
    // Waits for the pages, however long a busy machine takes to open them (not vi.waitFor's 1 s).
    await vi.waitFor(async () => expect((await browser.pages()).length - before).toBe(3), {
      timeout: 50_000,
      interval: 50,
    });
    renderer.warm(2);
    const pdfs = await Promise.all(
      Array.from({ length: 4 }, (_, i) => renderer.print({ html: `<p>Document ${i}</p>` })),
    );
    expect(await texts(pdfs)).toEqual(pdfs.map((_, i) => `Document ${i}`));
    expect((await browser.pages()).length - before).toBe(3);
    await renderer.close();
  });

  it('should build every document with --jobs 1', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'content'));
    for (const name of ['one', 'two', 'three'])
      await copyFile(fixture('speed', 'note.md'), path.join(dir, 'content', `${name}.md`));
    const result = await runCli(['build', 'content', '--jobs', '1', '--only', 'brief', '--out', 'out'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    for (const name of ['one', 'two', 'three']) {
      const pdf = path.join(dir, 'out', `${name}.brief.pdf`);
      expect(await pageCount(pdf)).toBeGreaterThanOrEqual(1);
      expect(await pdfText(pdf)).toContain('Borewells went from one');
    }
  });

  it('should refuse --jobs 0 with exit code 2', async () => {
    const result = await runCli(['build', fixture('speed', 'note.md'), '--jobs', '0']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--jobs.*whole number/);
  });
});
