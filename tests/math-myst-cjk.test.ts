import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCorpus, fixture, pdfFonts, pdfText, runCli, tempDir } from './helpers.js';
import { describeFailures, verapdf, verapdfAvailable } from './verapdf.js';

const documents = [fixture('math-myst', 'tax-model.md'), fixture('math-myst', 'cjk-math.md')];
/** These are read from the corpus's own build (tests/real-corpus.test.ts builds it), as are its Japanese and Traditional Chinese documents. */
const fromCorpus = ['psl-og-core-market-clearing', 'opensource-guide-security-ko', 'opensource-guide-security-zh-hans'];
const folder = (name: string) => (fromCorpus.includes(name) ? corpusOut : out);
const pdf = (name: string, kind: 'brief' | 'summary' = 'brief') => path.join(folder(name), `${name}.${kind}.pdf`);

let out: string;
let corpusOut: string;
/** The warnings of the two fixtures and the three corpus documents, as the CLI prints them. */
let stderr: string;
beforeAll(async () => {
  out = await tempDir('math-cjk-');
  const [result, corpus] = await Promise.all([
    runCli(['build', ...documents, '--out', out, '--html', '--timeout', '300'], { timeout: 590_000 }),
    builtCorpus(),
  ]);
  expect(result.code, result.stderr).toBe(0);
  corpusOut = corpus.out;
  const ours = corpus.messages.split('\n').filter((line) => fromCorpus.some((name) => line.startsWith(`${name}.md:`)));
  stderr = [result.stderr, ...ours].join('\n');
}, 1_200_000);

describe('math typeset at build time', () => {
  it('should typeset $…$, $$…$$, ```math and MyST {math} with KaTeX, and keep prices as text', async () => {
    const text = (await pdfText(pdf('tax-model'))).replace(/\s+/g, ' ');
    expect(text).toContain('$5 and $10, or $5–$10 at most');
    // No TeX and no MyST syntax reaches the page.
    expect(text).not.toMatch(/\\tau|\\frac|\\sqrt|\\sum|\$\$|\{math\}|\{eq\}|\{list-table\}|\{note\}|:label:/);
    const html = await readFile(path.join(out, 'tax-model.brief.html'), 'utf8');
    // Five formulas, each one image to assistive technology with its TeX as its name, and no script.
    expect(html.match(/<span class="katex" role="img" aria-label="[^"]+"/g)).toHaveLength(5);
    expect(html).toContain('aria-label="\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}"');
    expect(html).not.toMatch(/<script/i);
  });

  it('should number labelled equations and print their references as (n) links', async () => {
    const text = await pdfText(pdf('tax-model'));
    expect(text).toContain('The budget constraint (1) binds');
    expect(text).toContain('As (2) shows');
    const html = await readFile(path.join(out, 'tax-model.brief.html'), 'utf8');
    expect(html).toContain('<div class="equation" id="eq-budget">');
    expect(html).toContain('<a href="#eq-etr">(2)</a>');
  });

  it('should embed KaTeX fonts, and only in pages with math', async () => {
    const names = (await pdfFonts(pdf('tax-model'))).map((font) => font.name).join(' ');
    expect(names).toMatch(/KaTeX_Main/);
    expect(names).toMatch(/KaTeX_Math/);
    const korean = (await pdfFonts(pdf('opensource-guide-security-ko'))).map((font) => font.name).join(' ');
    expect(korean).not.toMatch(/KaTeX/);
  });

  it('should never quote math in the summary', async () => {
    for (const name of ['tax-model', 'cjk-math', 'psl-og-core-market-clearing']) {
      const text = await pdfText(pdf(name, 'summary'));
      expect(text, name).not.toMatch(/\\[a-z]+|\$|\uFFFC|τ/);
    }
  });

  it('should read MyST tables, admonitions and roles, and warn once for what has no counterpart', async () => {
    const text = await pdfText(pdf('tax-model'));
    expect(text).toMatch(/Table 1\. Baseline parameters/);
    expect(text).toContain('The rates are those of the 2024 law');
    expect(text).toContain('The model does not capture avoidance through trusts.');
    expect(text).toContain('the bequest is defined in the glossary');
    expect(text).not.toContain(':::');
    expect(text).not.toContain('maxdepth');
    const html = await readFile(path.join(out, 'tax-model.brief.html'), 'utf8');
    expect(html).toMatch(/<th[^>]*>Parameter<\/th>/);
    expect(stderr).toMatch(/tax-model\.md:55:1: warning: MyST `\{toctree\}` directives removed/);
    expect(stderr).toMatch(/tax-model\.md:60:\d+: warning: MyST role `\{term\}` printed as its text/);
  });

  it('should typeset a real MyST chapter: numbered equations, no raw TeX or roles', async () => {
    const text = await pdfText(pdf('psl-og-core-market-clearing'));
    expect(text).toContain('Market Clearing');
    expect(text).toMatch(/Labor market clearing \(1\) requires/);
    expect(text).not.toMatch(/\{eq\}|\{math\}|\\sum|\\equiv|:label:|\(Sec[\w_]+\)=/);
  });
});

describe('CJK text in shipped fonts', () => {
  const cases = [
    ['opensource-guide-security-ko', /NotoSerifKR/, '프로젝트를 위한 보안 모범 사례'],
    ['opensource-guide-security-zh-hans', /NotoSerifSC/, '项目安全最佳实践'],
  ] as const;

  it.each(cases)('should print %s in its own embedded Noto face, as extractable text', async (name, face, title) => {
    for (const kind of ['brief', 'summary'] as const) {
      const fonts = await pdfFonts(pdf(name, kind));
      expect(
        fonts.every((font) => font.embedded && font.subset),
        `${name} ${kind}`,
      ).toBe(true);
      // Every face is one briefpress ships: none is the machine's.
      expect(fonts.map((font) => font.name).filter((font) => /DejaVu|Liberation|Droid|WenQuanYi/.test(font))).toEqual(
        [],
      );
      expect(fonts.map((font) => font.name).join(' '), `${name} ${kind}`).toMatch(face);
      expect((await pdfText(pdf(name, kind))).replace(/\s+/g, ''), `${name} ${kind}`).toContain(
        title.replace(/\s+/g, ''),
      );
    }
  });

  it('should print the Japanese, Korean and Simplified Chinese of one page each in its own face', async () => {
    const names = (await pdfFonts(pdf('cjk-math'))).map((font) => font.name).join(' ');
    expect(names).toMatch(/NotoSerifJP/);
    expect(names).toMatch(/NotoSerifKR/);
    // Characters Japanese does not use fall to the Chinese face.
    expect(names).toMatch(/NotoSerifSC/);
    expect((await pdfText(pdf('cjk-math'))).replace(/\s+/g, '')).toContain('繁體中文讀者摘要');
    expect(stderr).not.toMatch(/no font briefpress embeds/);
  });

  it('should set Korean with keep-all line breaking and Japanese with strict line breaking', async () => {
    const html = await readFile(path.join(corpusOut, 'opensource-guide-security-ko.brief.html'), 'utf8');
    expect(html).toMatch(/:lang\(ko\)[^{]*\{ word-break: keep-all; \}/);
    expect(html).toMatch(/:lang\(ja\), :lang\(zh\) \{ line-break: strict; \}/);
    expect(html).toContain('<html lang="ko">');
  });
});

describe.skipIf(!verapdfAvailable())('veraPDF on math and CJK', () => {
  it('should keep the math and CJK briefs and summaries PDF/UA-1 and PDF/A-2b', async () => {
    const files = ['tax-model', 'cjk-math'].flatMap((name) => [pdf(name), pdf(name, 'summary')]);
    const [ua1, a2b] = await Promise.all([verapdf('ua1', files), verapdf('2b', files)]);
    for (const file of files)
      for (const [profile, verdicts] of [
        ['PDF/UA-1', ua1],
        ['PDF/A-2b', a2b],
      ] as const) {
        const verdict = verdicts.get(file);
        expect(verdict, `${file} ${profile}`).toBeDefined();
        expect(verdict!.failed, `${file} fails ${profile}:\n${describeFailures(verdict!)}`).toEqual([]);
      }
  }, 300_000);
});
