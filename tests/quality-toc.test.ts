import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { VFile } from 'vfile';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BriefDocument } from '../src/markdown/document-model.js';
import { processor } from '../src/markdown/processor.js';
import { tocEntries } from '../src/render/toc.js';
import {
  commonBuild,
  expectedOutline,
  fixture,
  pdfOutline,
  pdfText,
  root,
  runCli,
  seed,
  sharedBuild,
  tempDir,
} from './helpers.js';

const longBrief = fixture('quality-long', 'long-brief.md');

/** The contents as listed on page 1: each heading of the source, with the page given for it (NaN if none). */
async function listed(file: string): Promise<Array<{ heading: string; page: number }>> {
  const cover = (await pdfText(file, { first: 1, last: 1 })).replace(/\s+/g, ' ');
  const headings = [...(await readFile(longBrief, 'utf8')).matchAll(/^## (.+)$/gm)].map((match) => match[1]!);
  return headings.map((heading, index) => {
    const line = new RegExp(`${index + 1} ${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (\\d+)`).exec(cover);
    return { heading, page: Number(line?.[1]) };
  });
}

/** The pages that the links on page 1 go to, through the named destinations; and the longest name, in bytes. */
async function linkedPages(file: string): Promise<{ pages: Array<number | undefined>; longestName: number }> {
  const doc = await PDFDocument.load(await readFile(file), { updateMetadata: false });
  const numbers = new Map(doc.getPages().map((page, index) => [page.ref, index + 1]));
  const dests = doc.context.lookup(doc.catalog.get(PDFName.of('Dests')), PDFDict);
  const pages = (doc.getPages()[0]!.node.Annots()?.asArray() ?? []).flatMap((ref) => {
    const dest = doc.context.lookup(ref, PDFDict).get(PDFName.of('Dest'));
    const target = dest instanceof PDFName ? doc.context.lookup(dests.get(dest), PDFArray).get(0) : undefined;
    return target instanceof PDFRef ? [numbers.get(target)] : [];
  });
  return { pages, longestName: Math.max(...dests.keys().map((name) => name.asBytes().length)) };
}

describe('table of contents', () => {
  let file: string;

  beforeAll(async () => {
    // The long brief as quality-conformance.test.ts builds it too: built once per run.
    const { out, result } = await sharedBuild(commonBuild, { timeout: 170_000 });
    expect(result.code, result.stderr).toBe(0);
    file = path.join(out, 'long-brief.brief.pdf');
  }, 180_000);

  it('should list every section of a long brief with the page it really starts on', async () => {
    expect(await pdfText(file, { first: 1, last: 1 })).toContain('CONTENTS');
    const entries = await listed(file);
    expect(entries).toHaveLength(9);
    for (const { heading, page } of entries) {
      expect(page).toBeGreaterThan(1);
      expect((await pdfText(file, { first: page, last: page })).replace(/\s+/g, ' ')).toContain(heading);
      // Not already on the page before (page 1 lists every heading in the contents).
      if (page > 2)
        expect((await pdfText(file, { first: page - 1, last: page - 1 })).replace(/\s+/g, ' ')).not.toContain(heading);
    }
  });

  it('should link every line of the contents to its section, on the page the line lists', async () => {
    expect((await linkedPages(file)).pages).toEqual((await listed(file)).map(({ page }) => page));
  });

  it('should find the pages of sections whose headings are not ASCII, and link to them with names of at most 127 bytes', async () => {
    const dir = await tempDir();
    const input = path.join(dir, 'long-brief.md');
    let count = 0;
    const prefixes = ['Économie', 'भारत की रणनीति', 'Россия и Индия'];
    await writeFile(
      input,
      (await readFile(longBrief, 'utf8')).replace(/^## /gm, () => `## ${prefixes[count++ % prefixes.length]} `),
    );
    const result = await runCli(['build', input, '--only', 'brief', '--out', dir], { timeout: 170_000 });
    expect(result.code, result.stderr).toBe(0);
    const cover = (await pdfText(path.join(dir, 'long-brief.brief.pdf'), { first: 1, last: 1 })).replace(/\s+/g, ' ');
    // The same pages as the brief without the prefixes.
    const entries = await listed(file);
    for (const [index, { heading, page }] of entries.entries())
      expect(cover).toContain(`${index + 1} ${prefixes[index % prefixes.length]} ${heading} ${page}`);
    // The links still go there, their destinations renamed within PDF's 127 bytes a name (Chromium's percent-encoded ones were longer).
    const linked = await linkedPages(path.join(dir, 'long-brief.brief.pdf'));
    expect(linked.pages).toEqual(entries.map(({ page }) => page));
    expect(linked.longestName).toBeLessThanOrEqual(127);
    // And the outline holds them in order, as typed, after the contents.
    expect(await pdfOutline(path.join(dir, 'long-brief.brief.pdf'))).toEqual(
      expectedOutline(await readFile(input, 'utf8'), { contents: true }),
    );
  }, 180_000);

  it('should warn when a custom contents partial does not link its lines to the sections, which leaves their pages blank', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'mine', 'brief'), { recursive: true });
    const partial = (await readFile(path.join(root, 'templates', 'brief', 'toc.hbs'), 'utf8')).replace(
      /<a href="#\{\{id\}\}">|<\/a>/g,
      '',
    );
    expect(partial).not.toContain('href');
    await writeFile(path.join(dir, 'mine', 'brief', 'toc.hbs'), partial);
    await writeFile(path.join(dir, 'briefpress.config.json'), JSON.stringify({ templates: 'mine' }));
    await cp(longBrief, path.join(dir, 'long-brief.md'));
    const result = await runCli(['build', 'long-brief.md', '--only', 'brief', '--out', '.'], {
      cwd: dir,
      timeout: 170_000,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      /long-brief\.md: warning: the contents have no page for section 1, 2, 3, 4, 5, 6, 7, 8, 9: each of their lines must link to its section/,
    );
  }, 180_000);

  it('should run contents too long for the rest of page 1 on to page 2, rather than leave page 1 half empty', async () => {
    // The seed's five sections four times over: twenty entries, more than fit under the takeaways.
    const source = await readFile(seed, 'utf8');
    const [start, end] = [source.indexOf('\n## '), source.indexOf('\n## References')];
    const dir = await tempDir();
    const input = path.join(dir, 'twenty.md');
    await writeFile(input, source.slice(0, start) + source.slice(start, end).repeat(4) + source.slice(end));
    const result = await runCli(['build', input, '--only', 'brief', '--out', dir], { timeout: 170_000 });
    expect(result.code, result.stderr).toBe(0);
    const page = async (n: number) =>
      (await pdfText(path.join(dir, 'twenty.brief.pdf'), { first: n, last: n })).replace(/\s+/g, ' ');
    const [first, second] = [await page(1), await page(2)];
    expect(first).toContain('CONTENTS');
    expect(first).toMatch(/ 1 What’s on the Agenda .+ 2 /);
    expect(first).toMatch(/ 10 Final Thought/);
    expect(first).not.toContain('20 Final Thought');
    expect(second).toMatch(/20 Final Thought: A Strategic Reset in a Changing Global Order \d+/);
  }, 180_000);

  it('should leave short briefs such as the seed without contents', async () => {
    const document = (await processor.process(new VFile({ path: seed, value: await readFile(seed, 'utf8') })))
      .result as BriefDocument;
    expect(tocEntries(document)).toBeUndefined();
  });
});
