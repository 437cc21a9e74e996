import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  commonBuild,
  fixture,
  pdfInfo,
  pdfText,
  pdfWords,
  runCli,
  sharedBuild,
  tempDir,
  type Word,
} from './helpers.js';

describe('a 30-column, 40-row table', () => {
  let brief: string;
  let stderr: string;
  let words: Word[];

  beforeAll(async () => {
    const out = await tempDir();
    const result = await runCli(['build', fixture('wide-table', 'wide.md'), '--out', out], { timeout: 170_000 });
    expect(result.code).toBe(0);
    stderr = result.stderr;
    brief = path.join(out, 'wide.brief.pdf');
    words = await pdfWords(brief);
  }, 180_000);

  it('should print every header and every cell of it', async () => {
    const text = await pdfText(brief);
    const present = new Set(words.map((word) => word.text));
    for (let column = 1; column < 30; column++)
      expect(text, `header ${column}`).toContain(`Indicator ${String(column).padStart(2, '0')}`);
    const missing: string[] = [];
    for (let row = 1; row <= 40; row++) {
      if (!text.includes(`Region number ${String(row).padStart(2, '0')}`)) missing.push(`row ${row}`);
      for (let column = 1; column < 30; column++) {
        const cell = `R${String(row).padStart(2, '0')}C${String(column).padStart(2, '0')}`;
        if (!present.has(cell)) missing.push(cell);
      }
    }
    expect(missing).toEqual([]);
  });

  it('should put no text outside the page box', () => {
    const outside = words.filter(
      (word) => word.xMin < 0 || word.yMin < 0 || word.xMax > word.width || word.yMax > word.height,
    );
    expect(outside).toEqual([]);
  });

  it('should print it on landscape pages, in parts that repeat the first column, and say so', async () => {
    const { stdout } = await import('node:child_process').then(({ execFileSync }) => ({
      stdout: execFileSync('pdfinfo', ['-f', '1', '-l', '99', brief], { encoding: 'utf8' }),
    }));
    const sizes = [...stdout.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map(
      ([, w, h]) => Number(w) > Number(h),
    );
    expect(sizes[0]).toBe(false);
    expect(sizes.filter(Boolean).length).toBeGreaterThanOrEqual(4);
    expect(sizes.at(-1)).toBe(false);
    expect((await pdfInfo(brief)).Pages).toBe(String(sizes.length));
    // Each part starts with the region column, and the first column's rows are there in every part.
    const regions = words.filter((word) => word.text === 'Region' && word.width > word.height);
    expect(regions.length).toBeGreaterThanOrEqual(4 * 41);
    expect(stderr).toMatch(
      /wide\.md:12:1: warning: table “Table 1\. Indicators by region, 2025” has 30 columns, too many for one page: it is printed on landscape pages in \d parts, each repeating its first column/,
    );
    const text = await pdfText(brief);
    expect(text).toMatch(/\(columns 1–\d+ of 30\)/);
    expect(text).toMatch(/\(columns 1, \d+–30 of 30, continued\)/);
  });

  it('should keep a ten-column table whole on a landscape page, in smaller type', async () => {
    const text = await pdfText(brief);
    for (let row = 1; row <= 5; row++)
      for (let column = 1; column <= 10; column++) expect(text).toContain(`ten-r${row}c${column}`);
    expect(stderr).not.toMatch(/table “Heading number 1”/);
  });
});

describe('a table with aligned columns (tests/fixtures/quality-table/empty-cells.md)', () => {
  it('should align each header as its column is aligned in the Markdown, the years to the right', async () => {
    const { out } = await sharedBuild(commonBuild, { timeout: 170_000 });
    const words = (await pdfWords(path.join(out, 'empty-cells.brief.pdf'))).filter((word) => word.page === 1);
    const right = (text: string) => words.find((word) => word.text === text)!.xMax;
    const left = (text: string) => words.find((word) => word.text === text)!.xMin;
    // `| --- | ---: |`: the header "2022" ends where the figures under it end; "Partner" starts where "Russia" does.
    expect(right('2022')).toBeCloseTo(right('412'), 0);
    expect(right('2022')).toBeCloseTo(right('297'), 0);
    expect(right('2024')).toBeCloseTo(right('388'), 0);
    expect(left('Partner')).toBeCloseTo(left('Russia'), 0);
  });
});
