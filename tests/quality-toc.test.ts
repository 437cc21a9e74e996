import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BriefDocument } from '../src/document-model.js';
import { processor } from '../src/processor.js';
import { tocEntries } from '../src/toc.js';
import { fixture, pdfText, runCli, seed, tempDir } from './helpers.js';

describe('table of contents', () => {
  let file: string;

  beforeAll(async () => {
    const out = await tempDir();
    const result = await runCli(['build', fixture('quality-long', 'long-brief.md'), '--out', out], { timeout: 170_000 });
    expect(result.code).toBe(0);
    file = path.join(out, 'long-brief.brief.pdf');
  }, 180_000);

  it('should list every section of a long brief with the page it really starts on', async () => {
    const cover = (await pdfText(file, { first: 1, last: 1 })).replace(/\s+/g, ' ');
    const source = await readFile(fixture('quality-long', 'long-brief.md'), 'utf8');
    const headings = [...source.matchAll(/^## (.+)$/gm)].map((match) => match[1]!);
    expect(cover).toContain('CONTENTS');
    for (const [index, heading] of headings.entries()) {
      const line = new RegExp(`${index + 1} ${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (\\d+)`).exec(cover);
      expect(line, heading).not.toBeNull();
      const page = Number(line![1]);
      expect(page).toBeGreaterThan(1);
      expect((await pdfText(file, { first: page, last: page })).replace(/\s+/g, ' ')).toContain(heading);
      // Not already on the page before (page 1 lists every heading in the contents).
      if (page > 2) expect((await pdfText(file, { first: page - 1, last: page - 1 })).replace(/\s+/g, ' ')).not.toContain(heading);
    }
  });

  it('should run contents too long for the rest of page 1 on to page 2, rather than leave page 1 half empty', async () => {
    // The seed's five sections four times over: twenty entries, more than fit under the takeaways.
    const source = await readFile(seed, 'utf8');
    const [start, end] = [source.indexOf('\n## '), source.indexOf('\n## References')];
    const dir = await tempDir();
    const input = path.join(dir, 'twenty.md');
    await writeFile(input, source.slice(0, start) + source.slice(start, end).repeat(4) + source.slice(end));
    const result = await runCli(['build', input, '--only', 'brief', '--out', dir], { timeout: 170_000 });
    expect(result.code, result.stderr).toBe(0);
    const page = async (n: number) => (await pdfText(path.join(dir, 'twenty.brief.pdf'), { first: n, last: n })).replace(/\s+/g, ' ');
    const [first, second] = [await page(1), await page(2)];
    expect(first).toContain('CONTENTS');
    expect(first).toMatch(/ 1 What’s on the Agenda .+ 2 /);
    expect(first).toMatch(/ 10 Final Thought/);
    expect(first).not.toContain('20 Final Thought');
    expect(second).toMatch(/20 Final Thought: A Strategic Reset in a Changing Global Order \d+/);
  }, 180_000);

  it('should leave short briefs such as the seed without contents', async () => {
    const document = (await processor.process(new VFile({ path: seed, value: await readFile(seed, 'utf8') }))).result as BriefDocument;
    expect(tocEntries(document)).toBeUndefined();
  });
});
