import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { catalogue, english } from '../src/labels/catalogue.js';
import { directionOf, labelsFor, rightToLeftScript } from '../src/labels/labels.js';
import type { BriefDocument } from '../src/markdown/document-model.js';
import { processor } from '../src/markdown/processor.js';

async function model(value: string): Promise<{ doc: BriefDocument; file: VFile; html: string }> {
  const file = new VFile({ path: '/docs/brief.md', value });
  const doc = (await processor.process(file)).result as unknown as BriefDocument;
  return { doc, file, html: [doc.intro, ...doc.sections.map((section) => section.html)].join('\n') };
}

describe('callouts as written', () => {
  it.each([
    ['a GitHub alert', '> [!WARNING]\n> Mind the gap.', 'warning', 'Warning'],
    ['an alert with a title', '> [!TIP] Start here\n> Mind the gap.', 'tip', 'Start here'],
    ['a container directive', ':::important\nMind the gap.\n:::', 'important', 'Important'],
    ['a directive with a label', ':::note[On method]\nMind the gap.\n:::', 'note', 'On method'],
    ['VuePress’s `::: tip Title`', '::: tip En bref\nMind the gap.\n:::', 'tip', 'En bref'],
    ['VuePress, paragraphs apart', '::: danger\n\nMind the gap.\n\nTwice.\n\n:::', 'caution', 'Caution'],
    ['MkDocs, body indented', '!!! note "Method"\n    Mind the gap.', 'note', 'Method'],
    ['MkDocs, after a blank line', '!!! warning\n\n    Mind the gap.', 'warning', 'Warning'],
  ])('should make %s a titled box', async (_, markdown, kind, title) => {
    const { html, file } = await model(`Intro.\n\n${markdown}\n`);
    expect(html).toContain(
      `<aside class="callout callout--${kind}" aria-label="${title}"><p class="callout__title">${title}</p>`,
    );
    expect(html).toContain('Mind the gap.');
    expect(html).not.toMatch(/\[!|:::|!!!/);
    expect(file.messages.map(String)).toEqual([]);
  });

  it('should title a callout in the document’s language, and make `> [!QUOTE]` a pull quote', async () => {
    const { html } = await model('---\nlang: de\n---\n\n> [!CAUTION]\n> Achtung.\n\n> [!QUOTE]\n> Ein Satz.\n');
    expect(html).toContain('<p class="callout__title">Vorsicht</p>');
    expect(html).toContain('<blockquote class="pullquote">');
  });

  it('should leave a plain blockquote and an unknown alert as quotations', async () => {
    const { html } = await model('> Said once.\n\n> [!UNKNOWN]\n> Said twice.\n');
    expect(html).not.toContain('callout');
    expect(html.match(/<blockquote>/g)).toHaveLength(2);
  });
});

describe('cross-references in the model', () => {
  it('should number references to figures, tables and sections, a later section too', async () => {
    const { doc, file } = await model(
      [
        'See @sec:b, @fig:one and [@tbl:t].',
        '## A {#sec:a}',
        '![The first chart](one.png){#fig:one}',
        ': Totals {#tbl:t}',
        '| x |\n| - |\n| 1 |',
        '## B',
        'Back to @sec:a, and `@fig:one` in code.',
      ].join('\n\n'),
    );
    expect(doc.intro).toContain(
      'See <a href="#b" class="xref">Section\u00a02</a>, <a href="#fig:one" class="xref">Figure\u00a01</a> and <a href="#tbl:t" class="xref">Table\u00a01</a>.',
    );
    expect(doc.sections[0]!.html).toContain('<figure class="figure" role="group" id="fig:one">');
    expect(doc.sections[0]!.html).toContain(
      '<table id="tbl:t"><caption><span class="caption__label">Table 1.</span> Totals',
    );
    expect(doc.sections[1]!.html).toContain(
      'Back to <a href="#a" class="xref">Section\u00a01</a>, and <code>@fig:one</code>',
    );
    expect(file.messages.map(String)).toEqual([]);
  });

  it('should warn of an unknown label at the reference, and leave an e-mail address alone', async () => {
    const { doc, file } = await model('Write to desk@fig:x or see\nthe chart @fig:gone.\n');
    expect(doc.intro).toContain('desk@fig:x');
    expect(doc.intro).toContain('@fig:gone');
    expect(file.messages.map(String)).toEqual([
      '/docs/brief.md:2:11: unknown cross-reference `@fig:gone`: no figure, table or section is labelled `{#fig:gone}`',
    ]);
  });
});

describe('the label catalogue', () => {
  it('should give every language of the catalogue every English entry, and no entry English lacks', () => {
    for (const [lang, labels] of Object.entries(catalogue)) {
      expect(
        Object.keys(labels).filter((key) => !(key in english)),
        lang,
      ).toEqual([]);
      for (const key of ['keyTakeaways', 'contents', 'sources', 'figure', 'table', 'section', 'page', 'note'] as const)
        expect(labels[key] ?? (lang === 'fa' ? english[key] : undefined), `${lang}.${key}`).toBeTruthy();
    }
    for (const lang of ['en', 'fr', 'de', 'es', 'pt', 'it', 'nl', 'pl', 'ja', 'zh', 'ko', 'ar', 'he'])
      expect(catalogue[lang], lang).toBeDefined();
  });

  it('should give Chinese in Traditional characters (zh-Hant, Taiwan, Hong Kong, Macau) its own furniture', () => {
    for (const lang of ['zh-Hant', 'zh-TW', 'zh-hk', 'zh-Hant-TW']) {
      expect(labelsFor(lang).policyBrief, lang).toBe('政策簡報');
      expect(labelsFor(lang).readingTime, lang).toBe('約需 {n} 分鐘閱讀');
    }
    for (const lang of ['zh', 'zh-Hans', 'zh-CN']) expect(labelsFor(lang).policyBrief, lang).toBe('政策简报');
  });

  it('should fall back from a region to its language and then to English, and apply overrides most specific last', () => {
    expect(labelsFor('pt-BR').figure).toBe('Figura');
    expect(labelsFor('xx').figure).toBe('Figure');
    const labels = labelsFor('pt-BR', { '*': { figure: 'Fig.', table: 'Tab.' }, 'pt-br': { figure: 'Gráfico' } });
    expect([labels.figure, labels.table]).toEqual(['Gráfico', 'Tab.']);
  });

  it('should set right to left for Arabic, Hebrew and Persian, and tell an undeclared Arabic or Hebrew text', () => {
    expect(['ar', 'he', 'fa-IR', 'en', 'fr'].map((lang) => directionOf(lang))).toEqual([
      'rtl',
      'rtl',
      'rtl',
      'ltr',
      'ltr',
    ]);
    expect(directionOf('en', 'rtl')).toBe('rtl');
    expect(rightToLeftScript('# ميثاق\n\nنحن كأعضاء ومساهمين, with a few English words')).toBe('ar');
    expect(rightToLeftScript('שלום עולם')).toBe('he');
    expect(rightToLeftScript('An English text quoting نحن once.')).toBeUndefined();
  });
});
