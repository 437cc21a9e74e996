import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, pageCount, pdfText, pdfWords, runCli, tempDir, tintedBlockShare } from './helpers.js';

const corpus = fixture('real');

/** Real documents as their authors published them (US, UK, German, French, Spanish, Rust RFCs …). */
describe('the corpus of real documents, built through the CLI', () => {
  let out: string;
  let names: string[];
  let report: { documents: Array<{ input: string; ok: boolean; messages: Array<{ reason: string }> }> };

  beforeAll(async () => {
    names = (await readdir(corpus)).filter((name) => name.endsWith('.md') && name !== 'SOURCES.md').sort();
    out = await tempDir();
    // 28 documents, five of them CJK or math (slower to print): on a loaded 2-core machine this takes over 10 minutes.
    const result = await runCli(['build', corpus, '--out', out, '--json', '--timeout', '300'], { timeout: 1_190_000 });
    report = JSON.parse(result.stdout);
  }, 1_200_000);

  it('should build every document', () => {
    expect(names.length).toBeGreaterThanOrEqual(14);
    const failed = report.documents.filter((document) => !document.ok).map((document) => document.input);
    expect(failed).toEqual([]);
    // SOURCES.md is Markdown too, and builds with the rest (its code spans quote docs-site syntax).
    expect(report.documents).toHaveLength(names.length + 1);
  });

  it('should fit every summary on one page', async () => {
    for (const name of names)
      expect(await pageCount(path.join(out, name.replace(/\.md$/, '.summary.pdf'))), name).toBe(1);
  });

  it('should keep each brief’s takeaways box within about a third of its first page', async () => {
    const pictures = await tempDir();
    for (const name of names) {
      const share = await tintedBlockShare(path.join(out, name.replace(/\.md$/, '.brief.pdf')), pictures);
      expect(share, name).toBeGreaterThan(0.05);
      expect(share, name).toBeLessThanOrEqual(0.34);
    }
  });

  it("should let no docs-site syntax reach the PDFs' text", async () => {
    for (const name of names)
      for (const kind of ['brief', 'summary']) {
        const text = await pdfText(path.join(out, name.replace(/\.md$/, `.${kind}.pdf`)));
        expect(text.match(/\{%|\{:|\{\{<|\{\{%|\[TOC\]|\[\[_TOC_\]\]/g), `${name} ${kind}`).toBeNull();
      }
  });

  it('should put no text outside the page box', async () => {
    for (const name of names)
      for (const kind of ['brief', 'summary']) {
        const words = await pdfWords(path.join(out, name.replace(/\.md$/, `.${kind}.pdf`)));
        const outside = words.filter(
          (word) => word.xMin < 0 || word.yMin < 0 || word.xMax > word.width + 0.5 || word.yMax > word.height + 0.5,
        );
        expect(
          outside.map((word) => `${word.page}: ${word.text}`),
          `${name} ${kind}`,
        ).toEqual([]);
      }
  });

  it('should print no product name on the documents, which name no organisation', async () => {
    for (const name of names) {
      const text = await pdfText(path.join(out, name.replace(/\.md$/, '.brief.pdf')));
      expect(text.toLowerCase(), name).not.toContain('briefpress');
    }
  });
});
