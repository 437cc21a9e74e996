import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, pdfText, runCli, tempDir, type Word, pdfWords as words } from './helpers.js';

describe('layout of long words, URLs, code and tables', () => {
  let file: string;
  let all: Word[];

  beforeAll(async () => {
    const out = await tempDir();
    const result = await runCli(['build', fixture('quality-overflow', 'overflow.md'), '--out', out], {
      timeout: 170_000,
    });
    expect(result.code).toBe(0);
    file = path.join(out, 'overflow.brief.pdf');
    all = await words(file);
  }, 180_000);

  it('should keep every word inside the page box, clear of the edges', () => {
    expect(all.length).toBeGreaterThan(200);
    const margin = 15 * 2.835; // the page margins are 22 mm; nothing comes within 15 mm of an edge
    const outside = all.filter(
      (word) => word.xMin < margin || word.xMax > word.width - margin || word.yMin < 0 || word.yMax > word.height,
    );
    expect(outside.map((word) => `${word.page}: ${word.text}`)).toEqual([]);
  });

  it('should wrap rather than shrink the page to fit the longest word', () => {
    // Chromium scales a whole page down when something is wider than it: the body text would shrink.
    const body = all.find((word) => word.text === 'portal')!;
    expect(body.yMax - body.yMin).toBeGreaterThan(10);
  });

  it("should repeat a long table's header row on the page it continues on", async () => {
    const first = all.find(
      (word) => word.text === 'batch' && all.some((other) => other.page === word.page && other.text === 'Region0'),
    )!;
    const last = all.find((word) => word.text === 'Region44')!;
    expect(last.page).toBeGreaterThan(first.page);
    for (let page = first.page; page <= last.page; page++) {
      expect((await pdfText(file, { first: page, last: page })).replace(/\s+/g, ' ')).toContain(
        'Year Region with a long header name',
      );
    }
  });
});
