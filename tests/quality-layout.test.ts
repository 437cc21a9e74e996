import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, pdfText, runCli, tempDir, type Word, pdfWords as words } from './helpers.js';

/** The page margins are 22 mm (the summary's 18 mm): nothing comes within 15 mm of a side edge. */
const margin = 15 * 2.835;
const outsideBox = (word: Word) =>
  word.xMin < margin || word.xMax > word.width - margin || word.yMin < 0 || word.yMax > word.height;

let out: string;
beforeAll(async () => {
  out = await tempDir();
  const inputs = [fixture('quality-overflow', 'overflow.md'), fixture('quality-narrow', 'narrow.md')];
  const result = await runCli(['build', ...inputs, '--out', out], { timeout: 170_000 });
  expect(result.code, result.stderr).toBe(0);
}, 180_000);

describe('layout of long words, URLs, code and tables', () => {
  let file: string;
  let all: Word[];

  beforeAll(async () => {
    file = path.join(out, 'overflow.brief.pdf');
    all = await words(file);
  });

  it('should keep every word inside the page box, clear of the edges', () => {
    expect(all.length).toBeGreaterThan(200);
    expect(all.filter(outsideBox).map((word) => `${word.page}: ${word.text}`)).toEqual([]);
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

describe('long unbroken words in narrow places', () => {
  // Each is in the fixture's title, running header (shortTitle), masthead (organisation), keywords,
  // takeaways box, a heading, a table cell, a code span, the summary's bottom line and its lists.
  const longWords = [
    'Rechtsschutzversicherungsgesellschaftenvorstandsvorsitzendenwahlkampfveranstaltung',
    'https://registry.example.org/identifiers/BRF0000000000000000000000000000000000000000000000000000001',
    'Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft',
    'Grundstücksverkehrsgenehmigungszuständigkeitsübertragungsverordnung',
    'Kraftfahrzeughaftpflichtversicherungsbeitragsrückerstattungsanspruch',
    'BRF0000000000000000000000000000000000000000000000000000002',
    'registry.example.org/identifiers/BRF0000000000000000000000000000000000000000000000000000003',
    'https://data.example.org/statistics/bilateral/trade/quarterly/detailed-breakdown-by-commodity',
  ];
  /**
   * Text as one string of its letters: what wraps a word (spaces, zero-width spaces) taken out, and
   * hyphens, which pdftotext drops at a line's end ("breakdown-by-⏎commodity" → "breakdown-bycommodity").
   */
  const letters = (text: string) => text.replace(/[\s\u200b\u00ad-]/g, '').toLowerCase();

  it.each(['brief', 'summary'])(
    'should keep every glyph of the %s inside the page box, clear of the edges',
    async (kind) => {
      const all = await words(path.join(out, `narrow.${kind}.pdf`));
      expect(all.length).toBeGreaterThan(50);
      expect(all.filter(outsideBox).map((word) => `${word.page}: ${word.text}`)).toEqual([]);
    },
  );

  it('should print every long word whole in the brief, in each place it is written', async () => {
    const text = letters(await pdfText(path.join(out, 'narrow.brief.pdf')));
    // The front matter's `summary:` is the summary's bottom line only.
    const markdown = (await readFile(fixture('quality-narrow', 'narrow.md'), 'utf8')).replace(/^summary: .*$/m, '');
    for (const word of longWords) {
      // The running header repeats the short title and the organisation on every page after the first.
      const written = markdown.split(word).length - 1;
      expect(text.split(letters(word)).length - 1, word).toBeGreaterThanOrEqual(written);
    }
  });

  it('should print the running header whole on every page after the first', async () => {
    const all = await words(path.join(out, 'narrow.brief.pdf'));
    const pages = Math.max(...all.map((word) => word.page));
    expect(pages).toBeGreaterThan(2);
    for (let page = 2; page <= pages; page++) {
      // Above the text (24 mm margin): the short title's box on the left half, the organisation's on the right.
      const header = all.filter((word) => word.page === page && word.yMax < 24 * 2.835);
      const box = (left: boolean) =>
        letters(
          header
            .filter((word) => word.xMin < word.width / 2 === left)
            .map((word) => word.text)
            .join(''),
        );
      expect(box(true), `page ${page}`).toBe(letters(longWords[1]!));
      expect(box(false), `page ${page}`).toBe(letters(longWords[2]!));
    }
  });

  it('should print the long words of the summary whole', async () => {
    const text = letters(await pdfText(path.join(out, 'narrow.summary.pdf')));
    for (const word of [longWords[0]!, longWords[1]!, longWords[2]!, longWords[3]!, longWords[5]!])
      expect(text, word).toContain(letters(word));
  });
});
