import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lastPageAboveColophon, pageCount, pdfInfo, pdfText, runCli, seed, tempDir } from './helpers.js';

describe('briefpress build on the seed article', () => {
  let out: string;
  let result: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    out = await tempDir();
    result = await runCli(['build', seed, '--out', out]);
  });

  it('should exit 0 and write a brief and a summary', async () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('india-russia-summit-2025.brief.pdf');
  });

  it('should make a brief of at least two pages and a summary of exactly one', async () => {
    expect(await pageCount(path.join(out, 'india-russia-summit-2025.brief.pdf'))).toBeGreaterThanOrEqual(2);
    expect(await pageCount(path.join(out, 'india-russia-summit-2025.summary.pdf'))).toBe(1);
  });

  it('should set the seed brief on 3 pages, the last holding the end of the text before the colophon', async () => {
    const brief = path.join(out, 'india-russia-summit-2025.brief.pdf');
    expect(await pageCount(brief)).toBe(3);
    const above = (await lastPageAboveColophon(brief)).map((word) => word.text).join(' ');
    expect(above).toContain('SOURCES');
    expect(above).toContain('moving together.');
  });

  it('should print the section headings and key facts in the brief', async () => {
    const text = (await pdfText(path.join(out, 'india-russia-summit-2025.brief.pdf'))).replace(/\s+/g, ' ');
    for (const phrase of [
      'What It Means for India',
      'What It Means for Russia',
      'S-400',
      'RELOS',
      'Suggested citation',
    ]) {
      expect(text).toContain(phrase);
    }
    // The box title is set in small capitals by CSS, so its extracted case follows the style.
    expect(text.toLowerCase()).toContain('key takeaways');
  });

  it('should set the PDF title and author from the front matter', async () => {
    const source = await readFile(seed, 'utf8');
    const title = /^title: "(.+)"$/m.exec(source)?.[1];
    const info = await pdfInfo(path.join(out, 'india-russia-summit-2025.brief.pdf'));
    expect(info.Title).toBe(title);
    expect(info.Author).toBe('Briefpress Policy Desk');
    expect(info.Creator).toMatch(/^briefpress \d+\.\d+\.\d+/);
  });
});
