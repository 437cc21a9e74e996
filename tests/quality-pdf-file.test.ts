import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, createRenderer } from '../src/index.js';
import { expectedOutline, fixture, pdfInfo, pdfOutline, runCli, seed, tempDir } from './helpers.js';

const run = promisify(execFile);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const table = fixture('quality-table', 'trade-table.md');
// Long enough for contents, which take a first, untagged print (see src/render/toc.ts).
const long = fixture('quality-long', 'long-brief.md');

describe('the PDF as a file', () => {
  let first: string;
  let second: string;

  beforeAll(async () => {
    [first, second] = await Promise.all([tempDir(), tempDir()]);
    // Two processes, like two CI runs on two machines: one after the other (another clock time),
    // in time zones a day apart and in other languages.
    const machines = [
      { TZ: 'Pacific/Kiritimati', LANG: 'ru_RU.UTF-8', LC_ALL: 'ru_RU.UTF-8' },
      { TZ: 'America/Adak', LANG: 'hi_IN.UTF-8', LC_ALL: 'hi_IN.UTF-8' },
    ];
    for (const [index, out] of [first, second].entries()) {
      const result = await runCli(['build', seed, table, long, '--out', out], {
        env: machines[index],
        timeout: 170_000,
      });
      expect(result.stderr).toBe('');
    }
  }, 360_000);

  it('should give byte-identical PDFs when built twice in two processes', async () => {
    for (const name of [
      'india-russia-summit-2025.brief.pdf',
      'india-russia-summit-2025.summary.pdf',
      'trade-table.brief.pdf',
      'long-brief.brief.pdf',
    ]) {
      expect(sha256(await readFile(path.join(first, name)))).toBe(sha256(await readFile(path.join(second, name))));
    }
  });

  it('should give the same bytes when a document is printed on a page that printed others before', async () => {
    const renderer = await createRenderer({ jobs: 1 });
    try {
      // One page prints all six in turn: at most one of them is the first through it, and the
      // structure IDs of the others would count on from the documents before them.
      const results = await build(
        [seed, table, long, seed, table, long].map((path) => ({ path })),
        { renderer },
      );
      for (const result of results) {
        for (const output of result.outputs) {
          expect(sha256(output.pdf), `${result.path} ${output.kind}`).toBe(
            sha256(await readFile(path.join(first, output.fileName))),
          );
        }
      }
      expect(results.flatMap((result) => result.outputs)).toHaveLength(12);
    } finally {
      await renderer.close();
    }
  }, 180_000);

  it('should write well-formed files whose objects are numbered 1 to N in one cross-reference table', async () => {
    for (const name of [
      'india-russia-summit-2025.brief.pdf',
      'india-russia-summit-2025.summary.pdf',
      'trade-table.brief.pdf',
      'long-brief.brief.pdf',
    ]) {
      const file = path.join(first, name);
      const check = await run('qpdf', ['--check', file]);
      expect(check.stdout, name).toContain('No syntax or stream encoding errors found');
      expect(check.stderr, name).toBe('');
      // `--show-xref` lists every object as `N/0: uncompressed; offset = …`; renumbering leaves no gap and no stray one.
      const numbers = (await run('qpdf', ['--show-xref', file])).stdout
        .trim()
        .split('\n')
        .map((line) => Number.parseInt(line, 10));
      expect(numbers, name).toEqual(numbers.map((_, index) => index + 1));
      expect(numbers.length, name).toBeGreaterThan(50);
    }
  });

  it('should stamp the dates from SOURCE_DATE_EPOCH when set, else from the front-matter date', async () => {
    // Parsed, not matched as text: pdfinfo prints local time, which is UTC only on some machines.
    expect(Date.parse((await pdfInfo(path.join(first, 'trade-table.brief.pdf'))).CreationDate!)).toBe(
      Date.UTC(2025, 2, 1),
    );
    const out = await tempDir();
    await runCli(['build', table, '--out', out], {
      env: { SOURCE_DATE_EPOCH: '1700000000', TZ: 'UTC' },
      timeout: 110_000,
    });
    const info = await pdfInfo(path.join(out, 'trade-table.brief.pdf'));
    expect(Date.parse(info.CreationDate!)).toBe(1_700_000_000_000);
    expect(info.ModDate).toBe(info.CreationDate);
  }, 120_000);

  it('should be tagged and carry title, author, subject, keywords, creator and language', async () => {
    const file = path.join(first, 'trade-table.brief.pdf');
    const info = await pdfInfo(file);
    expect(info).toMatchObject({
      Tagged: 'yes',
      Title: 'Trade in Numbers',
      Author: 'Quality Desk',
      Subject: 'A short brief with a table, to test tagged tables',
      Keywords: 'trade tables',
    });
    const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(info.Creator).toBe(`briefpress ${version}`);
    const catalog = await run('qpdf', ['--json', '--json-key=qpdf', file], { maxBuffer: 16 * 1024 * 1024 });
    expect(catalog.stdout).toContain('"/Lang": "u:en"');
  });

  it('should give the bookmarks the headings exactly, in order, subsections under their section', async () => {
    const titles = await pdfOutline(path.join(first, 'india-russia-summit-2025.brief.pdf'));
    const expected = expectedOutline(await readFile(seed, 'utf8'));
    // The seed has subsections and a references section: the tree is not flat.
    expect(expected[0]!.kids.some((kid) => kid.kids.length > 0)).toBe(true);
    expect(titles).toEqual(expected);
  });

  it('should put the contents in the outline of a brief that has them, before the sections', async () => {
    expect(await pdfOutline(path.join(first, 'long-brief.brief.pdf'))).toEqual(
      expectedOutline(await readFile(long, 'utf8'), { contents: true }),
    );
  });
});
