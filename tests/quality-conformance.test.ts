import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, type PDFRawStream, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { wrapUntagged } from '../src/pdf/artifacts.js';
import { commonBuild, pdfTableRows, runCli, sharedBuild, tempDir } from './helpers.js';
import { describeFailures, installVerapdf, parseReport, type Verdict, verapdf, verapdfAvailable } from './verapdf.js';

const documents = commonBuild.slice(1);
const pdfs = documents.flatMap((file) => {
  const name = path.basename(file, '.md');
  return [`${name}.brief.pdf`, `${name}.summary.pdf`];
});

let out: string;
beforeAll(async () => {
  // The seed and the fixtures as other files check them too: built once per run.
  const build = await sharedBuild(commonBuild, { timeout: 180_000 });
  out = build.out;
  expect(build.result.code, build.result.stderr).toBe(0);
}, 200_000);

const available = verapdfAvailable();

describe.skipIf(!available)('veraPDF', () => {
  const verdicts: Record<'ua1' | '2b', Map<string, Verdict>> = { ua1: new Map(), '2b': new Map() };
  beforeAll(async () => {
    // One JVM a profile, over every file: starting veraPDF costs more than validating a brief.
    const files = pdfs.map((pdf) => path.join(out, pdf));
    [verdicts.ua1, verdicts['2b']] = await Promise.all([verapdf('ua1', files), verapdf('2b', files)]);
  }, 300_000);

  describe.each([
    ['ua1', 'PDF/UA-1'],
    ['2b', 'PDF/A-2b'],
  ] as const)('%s', (flavour, profile) => {
    it.each(pdfs)(`should make %s conform to ${profile} with no failed rule`, (pdf) => {
      const verdict = verdicts[flavour].get(path.join(out, pdf));
      expect(verdict, `veraPDF gave no report for ${pdf}`).toBeDefined();
      expect(verdict!.failed, `${pdf} fails ${profile}:\n${describeFailures(verdict!)}`).toEqual([]);
      expect(verdict!.compliant).toBe(true);
    });
  });
});

describe.runIf(!available)('veraPDF (not installed)', () => {
  if (process.env.CI)
    it('should be installed on CI', () => {
      throw new Error(`veraPDF is missing: ${installVerapdf}`);
    });
  else it.skip(`should validate PDF/UA-1 and PDF/A-2b (install veraPDF: ${installVerapdf})`, () => {});
});

describe('PDF/UA and PDF/A finishing', () => {
  it('should describe each link annotation with its text on the page', async () => {
    const doc = await PDFDocument.load(await readOutput('notes.brief.pdf'));
    const descriptions = doc.getPages().flatMap((page) => {
      const annots = doc.context.lookupMaybe(page.node.get(PDFName.of('Annots')), PDFArray)?.asArray() ?? [];
      return annots.map((ref) => {
        const contents = doc.context.lookup(ref, PDFDict).get(PDFName.of('Contents'));
        return contents instanceof PDFHexString || contents instanceof PDFString ? contents.decodeText() : undefined;
      });
    });
    expect(descriptions.length).toBeGreaterThan(3);
    expect(descriptions).not.toContain(undefined);
    expect(descriptions).toContain('Note 1');
    expect(descriptions).toContain('Ministry of External Affairs');
  });

  it('should declare PDF/A-2b and PDF/UA-1 in XMP metadata that agrees with the document information', async () => {
    const doc = await PDFDocument.load(await readOutput('trade-table.brief.pdf'), { updateMetadata: false });
    const metadata = doc.context.lookup(doc.catalog.get(PDFName.of('Metadata'))) as PDFRawStream;
    const xmp = Buffer.from(metadata.getContents()).toString('utf8');
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(xmp).toContain(`<rdf:li xml:lang="x-default">${doc.getTitle()}</rdf:li>`);
    expect(doc.context.lookup(doc.catalog.get(PDFName.of('OutputIntents')), PDFArray).size()).toBe(1);
    expect(String(doc.context.trailerInfo.ID)).toMatch(/^\[ <([0-9A-F]{32})> <\1> \]$/);
  });

  it('should give a table’s header cells their scope', async () => {
    const bytes = Buffer.from(await readOutput('trade-table.brief.pdf')).toString('latin1');
    expect(bytes).toContain('/Scope /Column');
  });

  it('should tag every cell of a table: empty ones, those of rows cut short, beside spanning ones', async () => {
    // Pipe table: 5 columns, rows with empty cells and one of 3 cells. HTML table: 4 columns, a cell
    // spanning two rows (its second row has 3 cells), one spanning two columns, a row of one cell.
    expect(await pdfTableRows(path.join(out, 'empty-cells.brief.pdf'))).toEqual([
      [5, 5, 5, 5, 5],
      [4, 4, 3, 3, 4],
    ]);
  });

  it('should mark painting outside marked content as an artifact and leave tagged content alone', () => {
    const stream = Buffer.from(
      '0 0 10 10 re f\n/P <</MCID 0>> BDC BT (tagged) Tj ET 1 1 m 2 2 l S EMC\nBT (footer) Tj ET\nq /Im1 Do Q',
    );
    expect(wrapUntagged(stream)?.toString('latin1')).toBe(
      '/Artifact BMC\n0 0 10 10 re f\nEMC\n/P <</MCID 0>> BDC BT (tagged) Tj ET 1 1 m 2 2 l S EMC\n' +
        '/Artifact BMC\nBT (footer) Tj ET\nEMC\nq /Artifact BMC\n/Im1 Do\nEMC Q',
    );
    expect(wrapUntagged(Buffer.from('/Span <</MCID 1>> BDC BT (a\\) Tj) Tj ET EMC'))).toBeNull();
  });

  it('should warn for an image without alt text', async () => {
    const dir = await tempDir('alt-');
    const file = path.join(dir, 'alt.md');
    await writeFile(
      file,
      '---\ntitle: Alt\n---\n\n# One\n\n![](a.png)\n\n<img src="b.png">\n\n<img alt="" src="c.png">\n',
    );
    const { stderr } = await runCli(['check', file, '--no-fit']);
    expect(stderr).toMatch(/alt\.md:7:1: warning: image a\.png has no alt text/);
    expect(stderr).toMatch(/alt\.md:9:1: warning: image b\.png has no alt text/);
    expect(stderr).not.toContain('c.png has no alt text');
  });

  it('should read the failed rules of a veraPDF report', () => {
    const verdicts = parseReport(
      '<jobs><job><item><name>/t/a&amp;b.pdf</name></item><validationReport isCompliant="false"><details>' +
        '<rule specification="ISO 14289-1:2014" clause="7.1" testNumber="3" status="failed" failedChecks="4">' +
        '<description>Content shall be marked as Artifact</description></rule>' +
        '<rule specification="ISO 14289-1:2014" clause="7.2" testNumber="1" status="passed" failedChecks="0"></rule>' +
        '</details></validationReport></job></jobs>',
    );
    expect(verdicts.get('/t/a&b.pdf')).toEqual({
      compliant: false,
      failed: [
        {
          clause: 'ISO 14289-1:2014 7.1',
          test: '3',
          description: 'Content shall be marked as Artifact',
          failedChecks: 4,
        },
      ],
    });
  });
});

function readOutput(name: string): Promise<Uint8Array> {
  return readFile(path.join(out, name));
}
