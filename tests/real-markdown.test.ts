import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import type { BriefDocument } from '../src/markdown/document-model.js';
import { processor } from '../src/markdown/processor.js';

async function model(value: string, path = '/docs/a-memo.md'): Promise<{ doc: BriefDocument; file: VFile }> {
  const file = new VFile({ path, value });
  const doc = (await processor.process(file)).result as BriefDocument;
  return { doc, file };
}

const allHtml = (doc: BriefDocument) => [doc.intro, ...doc.sections.map((section) => section.html)].join('\n');

describe('docs-site syntax', () => {
  const page = [
    '---',
    'title: Open data',
    '---',
    '',
    '* TOC',
    '{:toc}',
    '',
    '## Aims {: #aims .wide}',
    '',
    'We publish {% include note.html kind="x" %} data{{ site.baseurl }} every week.',
    '{: .lead}',
    '',
    'Read {{< card src="https://example.org/a.pdf" >}}the card{{< /card >}} now.',
    '',
    '![Chart](a.png){:width="400px"}{: .centered }',
    '',
    '## Scope',
    '',
    '{::options parse_block_html="true" /}',
    '',
    'Use `{% raw %}` and `{:toc}` as typed.',
    '',
    '```liquid',
    '{% include x.html %} {{< y >}} [TOC]',
    '```',
  ].join('\n');

  it('should remove kramdown, Liquid and Hugo syntax from the text, with one warning per kind at its first place', async () => {
    const { doc, file } = await model(page);
    const prose = allHtml(doc).replace(/<pre>[\s\S]*?<\/pre>|<code>[\s\S]*?<\/code>/g, '');
    expect(prose).not.toMatch(/\{:|\{%|\{\{|TOC|centered|width=/);
    expect(doc.sections.map((section) => section.heading)).toEqual(['Aims', 'Scope']);
    expect(prose).toContain('We publish data every week.');
    expect(prose).toContain('Read the card now.');
    expect(file.messages.map((message) => [message.reason.split(' removed')[0], message.line])).toEqual([
      ['contents markers (`{:toc}`, `[TOC]`)', 5],
      ['kramdown attribute lists (`{: … }`)', 8],
      ['Liquid tags (`{% … %}`)', 10],
      ['Liquid variables (`{{ site.… }}`)', 10],
      ['Hugo shortcodes (`{{< … >}}`, `{{% … %}}`)', 13],
    ]);
  });

  it('should leave code spans and code blocks exactly as written', async () => {
    const { doc } = await model(page);
    const html = allHtml(doc);
    expect(html).toContain('<code>{% raw %}</code>');
    expect(html).toContain('<code>{:toc}</code>');
    expect(html).toContain('{% include x.html %} {{&#x3C; y >}} [TOC]');
  });

  it('should make a link of one whose address held a site variable, and read `##1.` as a heading', async () => {
    const { doc, file } = await model(
      '---\ntitle: Cloud\n---\n\nAccess the [Playbook]({{ site.baseurl }}/files/playbook.pdf) and [Cloud.gov](https://cloud.gov).\n\n##1. Don’t slow down delivery\n\nText.\n\n#hashtag is not a heading, and neither is this line.\n',
    );
    const html = allHtml(doc);
    expect(html).toContain('Access the <a href="/files/playbook.pdf"');
    expect(html).not.toContain('](');
    expect(doc.sections.map((section) => section.heading)).toEqual(['1. Don’t slow down delivery']);
    expect(html).toContain('#hashtag is not a heading');
    expect(file.messages.map((message) => message.line)).toContain(7);
  });

  it('should take a contents marker as asking for the contents', async () => {
    for (const marker of ['[TOC]', '[[_TOC_]]', '{:toc}']) {
      const { doc } = await model(`${marker}\n\n## One\n\nText.\n\n## Two\n\nText.\n`);
      expect(doc.inferred.contentsMarked).toBe(true);
      expect(allHtml(doc)).not.toContain('TOC');
    }
    const { doc } = await model('## One\n\nText.\n');
    expect(doc.inferred.contentsMarked).toBe(false);
  });
});

describe('sections that follow the document', () => {
  it("should cut at the body's highest heading level and move the deeper ones up to follow", async () => {
    const { doc } = await model(
      '---\ntitle: M-13-13\n---\n\nIntro.\n\n### I. Definitions\n\nText.\n\n### II. Policy\n\n#### 1. Collect\n\n##### a. Formats\n\nText.\n',
    );
    expect(doc.inferred.sectionsFrom).toBe('h3');
    expect(doc.sections.map((section) => [section.number, section.heading])).toEqual([
      [1, 'I. Definitions'],
      [2, 'II. Policy'],
    ]);
    expect(doc.sections[1]?.html).toMatch(/<h3[^>]*>1\. Collect<\/h3>[\s\S]*<h4[^>]*>a\. Formats<\/h4>/);
    expect(doc.intro).toContain('Intro.');
  });

  it('should print the author’s own section numbers once, and only when every heading has one', async () => {
    const marks = async (headings: string[]) => {
      const { doc } = await model(`---\ntitle: T\n---\n\n${headings.map((h) => `## ${h}\n\nText.`).join('\n\n')}\n`);
      return doc.sections.map((section) => [section.mark, section.title]);
    };
    expect(await marks(['I. Definitions', 'II. Policy'])).toEqual([
      ['I', 'Definitions'],
      ['II', 'Policy'],
    ]);
    expect(await marks(['3 - Le cadre', '4.2 Publicación', '5) Fin'])).toEqual([
      ['3', 'Le cadre'],
      ['4.2', 'Publicación'],
      ['5', 'Fin'],
    ]);
    expect(await marks(['1. Aims', 'Scope'])).toEqual([
      ['1', '1. Aims'],
      ['2', 'Scope'],
    ]);
    expect(await marks(['3 things to do', '2026 in review'])).toEqual([
      ['1', '3 things to do'],
      ['2', '2026 in review'],
    ]);
  });

  it('should cut at # headings after the title', async () => {
    const { doc } = await model('# The title\n\nIntro.\n\n# Part one\n\nText.\n\n# Part two\n\nText.\n');
    expect(doc.meta.title).toBe('The title');
    expect(doc.inferred).toMatchObject({ title: 'heading', sectionsFrom: 'h1' });
    expect(doc.sections.map((section) => section.heading)).toEqual(['Part one', 'Part two']);
  });

  it('should cut headings written in raw HTML as well', async () => {
    const { doc } = await model('Intro.\n\n<h2>The criteria</h2>\n\nText.\n\n<h3>More</h3>\n\nText.\n');
    expect(doc.sections.map((section) => section.heading)).toEqual(['The criteria']);
  });

  it('should cut a body without headings at the items of its numbered list, each opening with a short line', async () => {
    const { doc } = await model(
      [
        'This policy applies to every office.',
        '',
        '1. Purpose',
        '   This policy sets out how records are kept.',
        '2. Scope',
        '',
        '   It covers paper and digital records.',
        '',
        '   1. Paper records',
        '      1. Files',
        '3. Responsibilities',
        '   Each office names a records officer.',
      ].join('\n'),
    );
    expect(doc.inferred.sectionsFrom).toBe('list');
    expect(doc.intro).toContain('This policy applies');
    expect(doc.sections.map((section) => section.heading)).toEqual(['Purpose', 'Scope', 'Responsibilities']);
    expect(doc.sections[0]?.html).toContain('This policy sets out how records are kept.');
    expect(doc.sections[1]?.html).toMatch(/It covers paper[\s\S]*<ol>[\s\S]*Paper records[\s\S]*Files/);
    expect(doc.keyPoints.join(' ')).not.toContain('Purpose This policy');
  });

  it('should leave a short enumeration or a list of long items as the body', async () => {
    for (const value of [
      '1. Apples\n2. Pears\n',
      `1. ${'A long opening sentence '.repeat(5)}\n   More.\n2. B\n   More.\n`,
    ]) {
      const { doc } = await model(value);
      expect(doc.inferred.sectionsFrom).toBe('none');
      expect(doc.sections).toEqual([]);
    }
  });
});

describe('typography', () => {
  it("should set quotes, dashes and ellipses in the document's language, never in code or URLs", async () => {
    const text = '"Open" data -- 2020--2024 --- isn\'t it... `"x" -- y` [a "b"](https://x.org/a--b...)';
    const quoted = async (lang: string) => (await model(`---\ntitle: T\nlang: ${lang}\n---\n\n${text}\n`)).doc.intro;
    expect(await quoted('en')).toContain(
      '“Open” data – 2020–2024 — isn’t it… <code>"x" -- y</code> <a href="https://x.org/a--b...">a “b”</a>',
    );
    expect(await quoted('de')).toContain('„Open“ data');
    expect(await quoted('fr')).toContain('«\u202FOpen\u202F» data');
    expect(await quoted('es-MX')).toContain('«Open» data');
  });

  it('should keep front matter values as written', async () => {
    const { doc } = await model(
      '---\ntitle: "A \\"quoted\\" title -- draft"\nsummary: "It\'s data -- as written..."\n---\n\nText.\n',
    );
    expect(doc.meta.title).toBe('A "quoted" title -- draft');
    expect(doc.meta.summary).toBe("It's data -- as written...");
  });
});
