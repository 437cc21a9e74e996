import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRenderer, type Renderer } from '../src/browser/renderer.js';
import { destinationPages } from '../src/pdf/toc-pages.js';
import { fixture, pdfText, runCli, tempDir } from './helpers.js';

const run = promisify(execFile);

/**
 * The contents' pages come from a first print that only lays the brief out (src/browser/print-page.ts,
 * `layoutOnly`): nothing painted, the same pages. These tests hold it to the pages of a full print, and
 * the brief's contents to the pages its sections really start on.
 */

/** A page like a brief's: contents of 70 links (onto page 2), sections of many heights, one forced to a new page, an image. */
function contentsPage(): string {
  const pixel =
    'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
  const ids = Array.from({ length: 70 }, (_, i) => `part-${i + 1}`);
  const lines = ids.map((id, i) => `<li style="height: 16pt"><a href="#${id}">Part ${i + 1}</a></li>`).join('');
  const sections = ids
    .map((id, i) => {
      const style = i === 40 ? 'break-before: page' : '';
      const body = i % 7 === 3 ? `<img src="${pixel}" style="width: 200pt; height: ${100 + i * 3}pt">` : '';
      return `<section id="${id}" style="${style}"><h2>Part ${i + 1}</h2><p style="height: ${40 + ((i * 37) % 300)}pt">Text of part ${i + 1}.</p>${body}</section>`;
    })
    .join('');
  return `<!doctype html><html lang="en"><head><style>@page { size: A4; margin: 20mm } body { font: 11pt serif }</style></head><body><h1>A brief</h1><ol>${lines}</ol>${sections}</body></html>`;
}

describe('the pages of the contents', () => {
  let renderer: Renderer;
  beforeAll(async () => {
    renderer = await createRenderer({ jobs: 1 });
  }, 60_000);
  afterAll(() => renderer?.close());

  it('should find every link target on the page a full print puts it, from a print that paints nothing', async () => {
    const html = contentsPage();
    const [full, layout] = await Promise.all([renderer.print({ html }), renderer.print({ html, layoutOnly: true })]);
    const pages = await destinationPages(full);
    expect(pages.size).toBe(70);
    expect(pages.get('part-41')).toBeGreaterThan(pages.get('part-40')!);
    expect(Math.max(...pages.values())).toBeGreaterThan(20);
    expect(await destinationPages(layout)).toEqual(pages);
    // Nothing painted: no text to read, and a file a fraction of the size.
    const dir = await tempDir();
    const files = { full: path.join(dir, 'full.pdf'), layout: path.join(dir, 'layout.pdf') };
    await Promise.all([writeFile(files.full, full), writeFile(files.layout, layout)]);
    expect(await pdfText(files.full)).toContain('Text of part 70.');
    expect((await pdfText(files.layout)).trim()).toBe('');
    expect(layout.byteLength).toBeLessThan(full.byteLength / 3);
  }, 60_000);
});

describe('contents that run onto a second page', () => {
  let file: string;
  beforeAll(async () => {
    const dir = await tempDir();
    const result = await runCli(
      ['build', fixture('toc-two-pages', 'many-sections.md'), '--only', 'brief', '--out', dir],
      { timeout: 170_000 },
    );
    expect(result.code, result.stderr).toBe(0);
    file = path.join(dir, 'many-sections.brief.pdf');
  }, 180_000);

  it('should list each section with the page its heading is printed on, sections at the top of a page too', async () => {
    // Where each section's heading is, as Chromium's own outline of the final print points to it (page, height).
    const { stdout } = await run('qpdf', ['--json', '--json-key=outlines', file], { maxBuffer: 16 * 1024 * 1024 });
    type Item = { title: string; dest: [string, string, number, number]; destpageposfrom1: number };
    const items = (JSON.parse(stdout) as { outlines: Array<{ kids: Item[] }> }).outlines[0]!.kids;
    const sections = items.filter(({ title }) => /^\d+ /.test(title));
    expect(sections).toHaveLength(48);
    // The contents fill page 1 and go on on page 2: the last line is there.
    const [one, two] = await Promise.all([pdfText(file, { first: 1, last: 1 }), pdfText(file, { first: 2, last: 2 })]);
    expect(two.replace(/\s+/g, ' ')).toContain('48 Machinery in Part 48');
    expect(one.replace(/\s+/g, ' ')).not.toContain('48 Machinery in Part 48');
    const contents = `${one} ${two}`.replace(/\s+/g, ' ');
    for (const { title, destpageposfrom1 } of sections)
      expect(contents, title).toContain(`${title} ${destpageposfrom1} `);
    // Some sections start at the very top of a page (the highest heading of any page): the case a page off by one would show.
    const top = Math.max(...sections.map(({ dest }) => dest[3]));
    expect(sections.filter(({ dest }) => dest[3] === top).length).toBeGreaterThanOrEqual(3);
  });
});
