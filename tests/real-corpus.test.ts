import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  corpusBuild,
  fixture,
  lastPageAboveColophon,
  pageCount,
  pdfText,
  pdfWords,
  sharedBuild,
  tempDir,
  tintedBlockShare,
} from './helpers.js';
import { describeFailures, verapdf, verapdfAvailable } from './verapdf.js';

const corpus = fixture('real');

/** Real documents as their authors published them (US, UK, German, French, Spanish, Rust RFCs …). */
describe('the corpus of real documents, built through the CLI', () => {
  let out: string;
  let names: string[];
  let report: { documents: Array<{ input: string; ok: boolean; messages: Array<{ reason: string }> }> };

  beforeAll(async () => {
    names = (await readdir(corpus)).filter((name) => name.endsWith('.md') && name !== 'SOURCES.md').sort();
    const build = await sharedBuild(corpusBuild, { timeout: 1_190_000 });
    out = build.out;
    report = JSON.parse(build.result.stdout);
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
  }, 180_000);

  it("should let no docs-site syntax reach the PDFs' text", async () => {
    for (const name of names)
      for (const kind of ['brief', 'summary']) {
        const text = await pdfText(path.join(out, name.replace(/\.md$/, `.${kind}.pdf`)));
        expect(text.match(/\{%|\{:|\{\{<|\{\{%|\[TOC\]|\[\[_TOC_\]\]/g), `${name} ${kind}`).toBeNull();
      }
  }, 180_000);

  it('should leave no brief a last page that holds only its colophon', async () => {
    for (const name of names) {
      // pdftotext breaks right-to-left words apart, so the citation label cannot be found in their text.
      const markdown = await readFile(path.join(corpus, name), 'utf8');
      const rtl = (markdown.match(/[\u0590-\u08ff]/g)?.length ?? 0) > (markdown.match(/[a-z]/gi)?.length ?? 0);
      if (rtl) continue;
      const above = await lastPageAboveColophon(path.join(out, name.replace(/\.md$/, '.brief.pdf')));
      expect(above.length, name).toBeGreaterThan(0);
    }
  }, 180_000);

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
  }, 180_000);

  // One veraPDF run per profile for all of them: each real document has shapes the fixtures lack
  // (Simplified labels on a Traditional page, headings that skip levels, raw tables with rowspans).
  it.runIf(verapdfAvailable())(
    'should make every brief and summary PDF/UA-1 and PDF/A-2b',
    async () => {
      const files = names.flatMap((name) =>
        ['brief', 'summary'].map((kind) => path.join(out, name.replace(/\.md$/, `.${kind}.pdf`))),
      );
      const [ua1, a2b] = await Promise.all([verapdf('ua1', files), verapdf('2b', files)]);
      const failures = files.flatMap((file) =>
        [ua1.get(file), a2b.get(file)].flatMap((verdict, at) =>
          verdict?.compliant
            ? []
            : [
                `${path.basename(file)} ${at ? 'PDF/A-2b' : 'PDF/UA-1'}: ${verdict ? describeFailures(verdict) : 'not validated'}`,
              ],
        ),
      );
      expect(failures).toEqual([]);
    },
    300_000,
  );

  it('should print no product name on the documents, which name no organisation', async () => {
    for (const name of names) {
      const text = await pdfText(path.join(out, name.replace(/\.md$/, '.brief.pdf')));
      expect(text.toLowerCase(), name).not.toContain('briefpress');
    }
  }, 180_000);
});
