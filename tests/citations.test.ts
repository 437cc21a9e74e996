import { cp } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findCitations } from '../src/markdown/citation-syntax.js';
import { builtCorpus, fixture, pdfText, type ReportDocument, runCli, tempDir } from './helpers.js';
import { describeFailures, verapdf, verapdfAvailable } from './verapdf.js';

describe('Pandoc citation syntax', () => {
  it('should read locators, prefixes, several keys and a suppressed author', () => {
    expect(findCitations('as shown [see @smith2020, pp. 33-35; -@lee2019] and [@iea2024, chap. 3].')).toHaveLength(2);
    expect(findCitations('as shown [see @smith2020, pp. 33-35; -@lee2019]')[0]!.items).toEqual([
      { id: 'smith2020', prefix: 'see ', label: 'page', locator: '33-35' },
      { id: 'lee2019', 'suppress-author': true },
    ]);
    expect(findCitations('[@iea2024, chap. 3]')[0]!.items).toEqual([{ id: 'iea2024', label: 'chapter', locator: '3' }]);
    expect(findCitations('[@iea2024, 41]')[0]!.items).toEqual([{ id: 'iea2024', label: 'page', locator: '41' }]);
  });

  it('should read @key in running text, but not an e-mail address or a cross-reference', () => {
    const found = findCitations('@lee2019 argues, write to desk@example.org, see @fig:trade and @smith2020.');
    expect(found.map((match) => [match.items[0]!.id, match.inText])).toEqual([
      ['lee2019', true],
      ['smith2020', true],
    ]);
  });
});

describe('citations in the printed brief', () => {
  let out: string;
  let result: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    out = await tempDir();
    result = await runCli(
      ['build', fixture('citations', 'brief.md'), fixture('citations-notes', 'notes.md'), '--out', out],
      { timeout: 170_000 },
    );
  }, 180_000);

  it('should print author-date citations in the text and the works cited as References', async () => {
    expect(result.code, result.stderr).toBe(0);
    const text = (await pdfText(path.join(out, 'brief.brief.pdf'))).replace(/\s+/g, ' ');
    expect(text).toContain('rose sharply after 2022 (International Energy Agency 2024, 41)');
    expect(text).toContain('(Smith and Doe 2020; Lee 2019)');
    expect(text).toContain('Lee (2019) argues');
    expect(text).toContain('(see Smith and Doe 2020, 210–12)');
    expect(text).toContain('it may fail again (2019)');
    expect(text).toMatch(/REFERENCES International Energy Agency\. 2024\. “Oil 2024/);
    expect(text).toContain('Smith, Jane, and John Doe. 2020. “Sanctions and the Rupee–Rouble Trade.”');
    expect(text).not.toMatch(/\[@(iea2024|smith2020|lee2019)/);
  });

  it('should leave an unknown key as written, with a warning at its line and column', async () => {
    const text = (await pdfText(path.join(out, 'brief.brief.pdf'))).replace(/\s+/g, ' ');
    expect(text).toContain('[@nobody2021]');
    expect(text).toContain('desk@example.org');
    expect(result.stderr).toMatch(/brief\.md:16:96: warning: citation key `@nobody2021` is not in the bibliography/);
  });

  it('should read a key point’s citation in the summary as its rendered text', async () => {
    const text = (await pdfText(path.join(out, 'brief.summary.pdf'))).replace(/\s+/g, ' ');
    expect(text).toContain('since 2022 (International Energy Agency 2024)');
    expect(text).not.toContain('[@');
  });

  it('should put a notes style’s citations in the endnotes, numbered with the footnotes', async () => {
    const text = (await pdfText(path.join(out, 'notes.brief.pdf'))).replace(/\s+/g, ' ');
    expect(text).toContain('survives sanctions,1 as the rouble trade showed.2 Non-alignment was never neutrality.3');
    expect(text).toMatch(
      /1\. Jane Smith and John Doe, “Sanctions and the Rupee–Rouble Trade,” Journal of Strategic Trade 12, no\. 3 \(2020\): 210/,
    );
    expect(text).toMatch(/2\. An ordinary footnote of the author’s\./);
    expect(text).toMatch(/3\. Ann Lee, Non-Alignment Reconsidered \(Harbour Press, 2019\)\./);
    expect(text).toContain('Lee, Ann. Non-Alignment Reconsidered. Harbour Press, 2019.');
    expect(text).not.toContain('(Smith and Doe 2020');
  });

  it.runIf(verapdfAvailable())(
    'should keep briefs with citations PDF/UA-1 and PDF/A-2b valid',
    async () => {
      const files = ['brief.brief.pdf', 'brief.summary.pdf', 'notes.brief.pdf'].map((name) => path.join(out, name));
      for (const flavour of ['ua1', '2b'] as const) {
        const verdicts = await verapdf(flavour, files);
        for (const file of files) expect(verdicts.get(file)?.failed, describeFailures(verdicts.get(file)!)).toEqual([]);
      }
    },
    300_000,
  );
});

describe('a bibliography and style named by the config file', () => {
  it('should cite from the config’s bibliography in its .csl style, and refuse a bad value', async () => {
    const dir = await tempDir();
    const { copyFile, writeFile } = await import('node:fs/promises');
    await copyFile(fixture('citations', 'refs.bib'), path.join(dir, 'refs.bib'));
    await copyFile(fixture('..', '..', 'csl', 'chicago-notes-bibliography.csl'), path.join(dir, 'house.csl'));
    await writeFile(path.join(dir, 'doc.md'), '---\ntitle: Configured\n---\n\nSanctions bite [@smith2020, p. 210].\n');
    await writeFile(
      path.join(dir, 'briefpress.config.json'),
      JSON.stringify({ bibliography: 'refs.bib', csl: 'house.csl' }),
    );
    const built = await runCli(['build', 'doc.md', '--out', 'out'], { cwd: dir, timeout: 120_000 });
    expect(built.code, built.stderr).toBe(0);
    const text = (await pdfText(path.join(dir, 'out', 'doc.brief.pdf'))).replace(/\s+/g, ' ');
    expect(text).toContain('Sanctions bite.1');
    expect(text).toContain('1. Jane Smith and John Doe, “Sanctions and the Rupee–Rouble Trade,”');
    await writeFile(path.join(dir, 'briefpress.config.json'), JSON.stringify({ bibliography: 'refs.txt' }));
    const refused = await runCli(['build', 'doc.md', '--out', 'out'], { cwd: dir, timeout: 60_000 });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/briefpress\.config\.json: `bibliography`: .*\.bib/);
  }, 130_000);
});

describe('bibliographies that cannot be read', () => {
  it('should fail on a broken .bib, naming the file, its line and the front matter field', async () => {
    const out = await tempDir();
    const { code, stderr } = await runCli(['build', fixture('citations-bad', 'bad.md'), '--out', out], {
      timeout: 120_000,
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/bad\.md:3:15: error: bibliography refs\.bib:6:1: expected "rbrace", got EOF/);
  }, 130_000);

  it('should refuse a bibliography outside the document’s folder, even through a symlink', async () => {
    const dir = await tempDir();
    await cp(fixture('citations-bad'), path.join(dir, 'doc'), { recursive: true });
    await cp(fixture('citations'), path.join(dir, 'citations'), { recursive: true });
    const { symlink, writeFile } = await import('node:fs/promises');
    await symlink(path.join(dir, 'citations', 'refs.bib'), path.join(dir, 'doc', 'linked.bib'));
    await writeFile(
      path.join(dir, 'doc', 'linked.md'),
      '---\ntitle: Linked\nbibliography: linked.bib\n---\n\nText [@smith2020].\n',
    );
    const { code, stderr } = await runCli(
      ['build', path.join(dir, 'doc', 'outside.md'), path.join(dir, 'doc', 'linked.md'), '--out', dir],
      { timeout: 120_000 },
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /outside\.md:3:15: error: bibliography `\.\.\/citations\/refs\.bib` is outside the document’s folder/,
    );
    expect(stderr).toMatch(/linked\.md:3:15: error: bibliography `linked\.bib` is outside the document’s folder/);
  }, 130_000);
});

describe('a real paper with Pandoc citations (tests/fixtures/real, a JOSS paper and its .bib)', () => {
  let out: string;
  let document: ReportDocument;
  const name = 'joss-gmr-gaussian-mixture-regression';

  beforeAll(async () => {
    // Built with the rest of the corpus, once per run.
    const corpus = await builtCorpus();
    out = corpus.out;
    document = corpus.documents.find(({ input }) => input.endsWith(`/${name}.md`))!;
  }, 1_200_000);

  it('should print its citations in author-date form and its nine works under References', async () => {
    expect(document.ok, document.error ?? '').toBe(true);
    expect(document.messages.map(({ reason }) => reason).join('\n')).not.toMatch(/citation/);
    const text = (await pdfText(path.join(out, `${name}.brief.pdf`))).replace(/\s+/g, ' ');
    expect(text).toContain('through expectation maximization (Dempster et al. 1977)');
    expect(text).toContain('compatible with scikit-learn (Pedregosa et al. 2011)');
    expect(text).toContain('has been proposed first by Ghahramani and Jordan (1994)');
    expect(text).toContain('Stulp and Sigaud (2015) present');
    const references = text.slice(text.indexOf('REFERENCES'));
    for (const author of ['Billard, Aude', 'Bishop, Christopher M.', 'Calinon, Sylcain', 'Dempster, A. P.'])
      expect(references).toContain(author);
    expect(references).toContain('Uhlmann, Jeffrey. 1995.');
    expect(text).not.toMatch(/\[@|@(Dempster|Pedregosa|Ghahramani|Calinon|Stulp|Bishop)/);
  });

  it('should show the key points’ citations as printed in the summary', async () => {
    const text = (await pdfText(path.join(out, `${name}.summary.pdf`))).replace(/\s+/g, ' ');
    expect(text).not.toContain('@');
  });

  it.runIf(verapdfAvailable())(
    'should keep it PDF/UA-1 and PDF/A-2b valid',
    async () => {
      const files = ['brief', 'summary'].map((kind) => path.join(out, `${name}.${kind}.pdf`));
      for (const flavour of ['ua1', '2b'] as const) {
        const verdicts = await verapdf(flavour, files);
        for (const file of files) expect(verdicts.get(file)?.failed, describeFailures(verdicts.get(file)!)).toEqual([]);
      }
    },
    300_000,
  );
});
