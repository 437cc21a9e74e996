import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { wrapUntagged } from '../src/pdf/artifacts.js';
import { builtCorpus, fixture, pdfFonts, pdfText, pdfTextItems, runCli, tempDir } from './helpers.js';
import { describeFailures, type Verdict, verapdf, verapdfAvailable } from './verapdf.js';

const own = (name: string) => fixture('xref-callouts', name);
const documents = [
  own('callouts.md'),
  own('hebrew.md'),
  own('passage.md'),
  own('francais.md'),
  own('pandoc-crossref-demo.md'),
];
/** Real documents these tests read, from the corpus's own build (once per run; see tests/real-corpus.test.ts). */
const fromCorpus = ['ar-contributor-covenant-2-1', 'fr-etalab-algorithmes-publics'];
const pdfs = [...documents.map((file) => path.basename(file, '.md')), fromCorpus[0]!].flatMap((name) => [
  `${name}.brief.pdf`,
  `${name}.summary.pdf`,
]);

let out: string;
let corpusOut: string;
let stderr: string;
beforeAll(async () => {
  out = await tempDir('xref-callouts-');
  const [result, corpus] = await Promise.all([
    runCli(['build', ...documents, '--out', out], { timeout: 180_000 }),
    builtCorpus(),
  ]);
  expect(result.code, result.stderr).toBe(0);
  stderr = result.stderr;
  corpusOut = corpus.out;
}, 1_200_000);

const output = (name: string) =>
  path.join(fromCorpus.some((document) => name.startsWith(`${document}.`)) ? corpusOut : out, name);
/** Text without the bidi controls and the spaces pdftotext puts into shaped Arabic and Hebrew. */
const squeezed = (text: string) => text.replace(/[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');

/** Each link annotation's `/Contents` and its target, page by page. */
async function links(file: string): Promise<Array<{ contents?: string; internal: boolean }>> {
  const doc = await PDFDocument.load(await readFile(file));
  return doc.getPages().flatMap((page) => {
    const annots = doc.context.lookupMaybe(page.node.get(PDFName.of('Annots')), PDFArray)?.asArray() ?? [];
    return annots.map((ref) => {
      const annot = doc.context.lookup(ref, PDFDict);
      const contents = annot.get(PDFName.of('Contents'));
      const action = doc.context.lookupMaybe(annot.get(PDFName.of('A')), PDFDict);
      return {
        contents: contents instanceof PDFHexString || contents instanceof PDFString ? contents.decodeText() : undefined,
        internal: annot.has(PDFName.of('Dest')) || action?.get(PDFName.of('S')) === PDFName.of('GoTo'),
      };
    });
  });
}

describe('callouts', () => {
  it('should print each kind of callout as a box with its title, and a pull quote', async () => {
    const text = await pdfText(output('callouts.brief.pdf'));
    for (const title of ['NOTE', 'TIP', 'IMPORTANT', 'WARNING', '! CAUTION', 'WHERE TO START', 'METHOD'])
      expect(text).toContain(`\n${title}\n`);
    expect(text).toContain('Operators that had rehearsed islanding restored supply in half the time.');
    expect(text).toContain('Costs are 2025 prices, before tax.');
    expect(text).toContain('A grid is only as resilient as its lowest substation.');
    expect(text).not.toMatch(/\[!|:::|!!!/);
  });

  it('should title the callouts of a real docs-site page (`::: tip Title`) with the author’s words', async () => {
    const text = await pdfText(output('fr-etalab-algorithmes-publics.brief.pdf'));
    expect(text).toContain('\nEN RÉSUMÉ\n');
    expect(text).toContain('\nLA DÉCISION ADMINISTRATIVE INDIVIDUELLE\n');
    expect(text).not.toContain(':::');
  }, 150_000);

  it('should keep a callout out of the derived key points, as a quotation is', async () => {
    const text = await pdfText(output('callouts.summary.pdf'));
    expect(text).not.toContain('exclude land purchases');
  });
});

describe('cross-references', () => {
  it('should print "Figure 1", "Table 1" and "Section 1" for the references, numbered as the captions are', async () => {
    const text = (await pdfText(output('callouts.brief.pdf'))).replace(/\s+/g, ' ');
    expect(text).toContain('as Section 1 shows, and what the transmission map in Figure 1 and the budget in Table 1');
    expect(text).toContain('Figure 1. Transmission routes of the northern grid, 2025');
    expect(text).toContain('Table 1. Resilience budget, million euros');
    expect(text).toContain('Section 2 names the budget.');
    expect(text).not.toMatch(/@(fig|tbl|sec):(map|budget|failures|costs)|\{#/);
  });

  it('should make each reference an internal link described by its text', async () => {
    const annotations = await links(output('callouts.brief.pdf'));
    const references = annotations.filter(({ contents }) => /^(Figure|Table|Section) \d$/.test(contents ?? ''));
    expect(references.map(({ contents }) => contents)).toEqual(
      expect.arrayContaining(['Section 1', 'Figure 1', 'Table 1', 'Section 2']),
    );
    expect(references.every(({ internal }) => internal)).toBe(true);
  });

  it('should warn of a reference to no label at its line and column, and print it as written', async () => {
    expect(stderr).toMatch(/callouts\.md:41:18: warning: unknown cross-reference `@fig:nowhere`/);
    expect(await pdfText(output('callouts.brief.pdf'))).toContain('A reference to @fig:nowhere is left as written');
  });

  it('should number the pandoc-crossref demo’s figures, tables and sections, and its lists of references', async () => {
    const text = (await pdfText(output('pandoc-crossref-demo.brief.pdf'))).replace(/\s+/g, ' ');
    expect(text).toContain('For immediate example, see Figure 1');
    expect(text).toContain('(see Figure 2, Figure 3, Figure 4)');
    expect(text).toContain('tables (see Table 1)');
    expect(text).toContain('like this: Figure 2.');
    expect(text).toContain('custom chapter reference labels, like Section 7');
    expect(text).toContain('Table 1. Table example');
    expect(stderr).toMatch(/pandoc-crossref-demo\.md:34:31: warning: unknown cross-reference `@fig:subfigures`/);
  });
});

describe('furniture in the document’s language', () => {
  it('should print the French brief’s furniture and date in French, and its references with French words', async () => {
    const text = (await pdfText(output('francais.brief.pdf'))).replace(/\s+/g, ' ');
    for (const words of [
      'À RETENIR',
      'NOTE D’ANALYSE N° 2025/07',
      '4 DÉCEMBRE 2025',
      'Pour citer ce document',
      'ATTENTION',
    ])
      expect(text).toContain(words);
    expect(text).toContain('comme le montre la Section 1.');
    expect(text).toContain('Les délais figurent au Tableau 1.');
    expect(text).toContain('Tableau 1. Délais de réponse');
    expect(text).not.toMatch(/Key takeaways|Suggested citation|Policy Brief/i);
    const summary = await pdfText(output('francais.summary.pdf'));
    // Letter-spaced: pdftotext reads it a letter at a time.
    expect(summary.replace(/\s+/g, '')).toContain('SYNTHÈSEENUNEPAGE');
    expect(summary).toContain('L’essentiel'.toUpperCase());
  });

  it('should take the words of a config file’s `labels` over the catalogue’s', async () => {
    const dir = await tempDir('labels-');
    await copyFile(own('francais.md'), path.join(dir, 'francais.md'));
    await writeFile(
      path.join(dir, 'briefpress.config.json'),
      JSON.stringify({ labels: { fr: { keyTakeaways: 'En bref' }, '*': { figure: 'Fig.' } } }),
    );
    const result = await runCli(['build', 'francais.md', '--out', 'out'], {
      cwd: dir,
      timeout: 120_000,
    });
    expect(result.code, result.stderr).toBe(0);
    const text = await pdfText(path.join(dir, 'out', 'francais.brief.pdf'));
    expect(text).toContain('EN BREF');
    expect(text).not.toContain('À RETENIR');
  }, 150_000);

  it('should refuse an unknown label in the config file, naming it', async () => {
    const dir = await tempDir('labels-bad-');
    await mkdir(path.join(dir, 'content'));
    await copyFile(own('francais.md'), path.join(dir, 'content', 'francais.md'));
    await writeFile(path.join(dir, 'briefpress.config.json'), JSON.stringify({ labels: { fr: { takeaway: 'x' } } }));
    const result = await runCli(['check'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /briefpress\.config\.json: `labels\.fr\.takeaway`: unknown label \(known: policyBrief/,
    );
  });
});

describe('right to left', () => {
  it('should set an Arabic document that names no language right to left, its furniture in Arabic', async () => {
    const text = squeezed(await pdfText(output('ar-contributor-covenant-2-1.brief.pdf')));
    expect(text).toContain(squeezed('ميثاق مدونة قواعد سلوك المساهمين'));
    expect(text).toContain(squeezed('أبرز الخلاصات'));
    expect(text).toContain(squeezed('صفحة 2 من 3'));
    const { width, items } = await pdfTextItems(output('ar-contributor-covenant-2-1.brief.pdf'), 2);
    // Mirrored: the running title at the right, "Page 2 of 3" at the left.
    const header = items.reduce((top, item) => (item.y > top.y ? item : top));
    const footer = items.reduce((low, item) => (item.y < low.y ? item : low));
    expect(header.x).toBeGreaterThan(width / 2);
    expect(footer.x + footer.width).toBeLessThan(width / 2);
  });

  it('should embed a shipped Arabic and Hebrew face, subset, and no other', async () => {
    for (const [pdf, face] of [
      ['ar-contributor-covenant-2-1.brief.pdf', /NotoNaskhArabic/],
      ['hebrew.brief.pdf', /NotoS(ans|erif)Hebrew/],
      ['passage.brief.pdf', /NotoNaskhArabic/],
    ] as const) {
      const fonts = await pdfFonts(output(pdf));
      expect(
        fonts.some(({ name }) => face.test(name)),
        `${pdf}: ${fonts.map(({ name }) => name)}`,
      ).toBe(true);
      expect(fonts.every(({ embedded, subset }) => embedded && subset)).toBe(true);
      expect(
        fonts.every(({ name }) => /\+(Source|Noto)/.test(name)),
        String(fonts.map(({ name }) => name)),
      ).toBe(true);
    }
  });

  it('should report no character without a font in Arabic or Hebrew, and report one in a script none covers', async () => {
    const dir = await tempDir('rtl-check-');
    await writeFile(path.join(dir, 'ge.md'), '# Georgian\n\nთბილისი is the capital.\n');
    const result = await runCli(['check', own('hebrew.md'), fixture('real', 'ar-contributor-covenant-2-1.md'), dir]);
    expect(result.stderr).not.toMatch(/(hebrew|ar-contributor-covenant-2-1)\.md.*no font/);
    expect(result.stderr).toMatch(/ge\.md:3:1: warning: no font briefpress embeds has თ/);
  });
});

describe('page furniture set right to left', () => {
  it('should make an artifact of a margin box’s right-to-left text, which Skia brackets in marked content of its own', () => {
    const stream = Buffer.from(
      'BT /ReversedChars BMC /Span<</ActualText <feff0646> >> BDC /F1 10 Tf (a) Tj EMC EMC ET /P <</MCID 0>> BDC BT (b) Tj ET EMC',
    );
    expect(wrapUntagged(stream)?.toString('latin1')).toBe(
      '/Artifact BMC\nBT /ReversedChars BMC /Span<</ActualText <feff0646> >> BDC /F1 10 Tf (a) Tj EMC EMC ET\nEMC /P <</MCID 0>> BDC BT (b) Tj ET EMC',
    );
  });
});

const available = verapdfAvailable();
describe.skipIf(!available)('veraPDF', () => {
  const verdicts: Record<'ua1' | '2b', Map<string, Verdict>> = { ua1: new Map(), '2b': new Map() };
  beforeAll(async () => {
    const files = pdfs.map((pdf) => output(pdf));
    [verdicts.ua1, verdicts['2b']] = await Promise.all([verapdf('ua1', files), verapdf('2b', files)]);
  }, 300_000);

  it.each(pdfs)('should make %s conform to PDF/UA-1 and PDF/A-2b', (pdf) => {
    for (const flavour of ['ua1', '2b'] as const) {
      const verdict = verdicts[flavour].get(output(pdf));
      expect(verdict, `veraPDF gave no report for ${pdf}`).toBeDefined();
      expect(verdict!.failed, `${pdf} fails ${flavour}:\n${describeFailures(verdict!)}`).toEqual([]);
    }
  });
});
