import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import frontMatter from '../src/markdown/remark-front-matter.js';

function parse(value: string, path = 'doc.md'): VFile {
  const file = new VFile({ path, value });
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(frontMatter);
  processor.runSync(processor.parse(file), file);
  return file;
}

describe('front matter', () => {
  it('should parse and validate the fields, with defaults', () => {
    const file = parse('---\ntitle: On Water\ndate: 2026-03-01\nkeywords: [a, b]\n---\n\nText.\n');
    expect(file.messages).toEqual([]);
    expect(file.data.frontMatter).toMatchObject({
      title: 'On Water',
      date: '2026-03-01',
      keywords: ['a', 'b'],
      series: 'Policy Brief',
      lang: 'en',
    });
  });

  it('should place a bad field at its line and column', () => {
    const file = parse('---\ntitle: On Water\ndate: 2026-13-45\n---\n\nText.\n');
    const [message] = file.messages;
    expect(message?.fatal).toBe(true);
    expect(message?.reason).toContain('`date`');
    expect([message?.line, message?.column]).toEqual([3, 7]);
  });

  it('should place invalid YAML at its line', () => {
    const file = parse('---\ntitle: On Water\nkeywords: [a, b\n---\n\nText.\n');
    expect(file.messages[0]?.fatal).toBe(true);
    expect(file.messages[0]?.reason).toMatch(/invalid YAML/);
    expect(file.messages[0]?.line).toBeGreaterThanOrEqual(3);
  });

  it('should warn about an unknown field without failing', () => {
    const file = parse('---\ntitle: On Water\ncolour: red\n---\n\nText.\n');
    expect(file.messages).toHaveLength(1);
    expect(file.messages[0]?.fatal).toBeFalsy();
    expect(file.messages[0]?.reason).toContain('`colour`');
    expect(file.messages[0]?.line).toBe(3);
    expect(file.data.frontMatter?.title).toBe('On Water');
  });

  it('should take a missing title from the file name, made readable', () => {
    const file = parse('---\nsubtitle: No title\n---\n\nText.\n', 'policy-memo_2024.md');
    expect(file.messages).toEqual([]);
    expect(file.data.frontMatter?.title).toBe('Policy memo 2024');
    expect(file.data.titleSource).toBe('file name');
  });

  it('should keep acronyms and capitalised names in a title made from the file name as the text writes them', () => {
    const file = parse(
      'The PSL team keeps OG-Core, on GitHub.\n\n## Taxes\n\nText.\n',
      'psl-og-core-government_github.md',
    );
    expect(file.data.frontMatter?.title).toBe('PSL OG-Core government GitHub');
    expect(file.data.titleSource).toBe('file name');
  });

  it('should take the title from a first short line where the document has no heading at all', () => {
    const file = parse('Open Data Handbook\n\nThe handbook says how to publish data.\n\nMore text.\n', 'x.md');
    expect(file.data.frontMatter?.title).toBe('Open Data Handbook');
    expect(file.data.titleSource).toBe('first line');
    // A first line that is a sentence, or a document with headings, keeps the file name.
    expect(parse('A sentence.\n\nMore.\n', 'a-b.md').data.frontMatter?.title).toBe('A b');
    expect(parse('Short line\n\n## Heading\n\nMore.\n', 'a-b.md').data.frontMatter?.title).toBe('A b');
  });

  it("should read past MyST's `(label)=` target to the opening heading it labels", () => {
    const file = parse('(Chap_MarkClr)=\n# Market Clearing\n\nText.\n', 'market_clearing.md');
    expect(file.data.frontMatter?.title).toBe('Market Clearing');
    expect(file.data.titleSource).toBe('heading');
  });

  it('should read a document without front matter, its title from its opening heading, printed once', () => {
    const file = new VFile({ path: 'doc.md', value: '# Just a heading\n\nText.\n' });
    const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(frontMatter);
    const tree = processor.runSync(processor.parse(file), file) as Root;
    expect(file.messages).toEqual([]);
    expect(file.data.frontMatter).toMatchObject({ title: 'Just a heading', series: 'Policy Brief', lang: 'en' });
    expect(file.data.titleSource).toBe('heading');
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph']);
  });

  it('should drop an opening heading that repeats the front matter title, and keep one that differs', () => {
    for (const [heading, kept] of [
      ['# on  water', false],
      ['# Water policy', true],
    ] as const) {
      const file = new VFile({ path: 'doc.md', value: `---\ntitle: On Water\n---\n\n${heading}\n\nText.\n` });
      const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(frontMatter);
      const tree = processor.runSync(processor.parse(file), file) as Root;
      expect(tree.children.some((node) => node.type === 'heading')).toBe(kept);
      expect(file.data.frontMatter?.title).toBe('On Water');
    }
  });

  it('should list every unknown field in one warning, at the first of them', () => {
    const file = parse('---\nlayout: page\ntitle: On Water\npermalink: /water/\nnav_order: 3\n---\n\nText.\n');
    expect(file.messages.map((message) => [message.reason, message.line, message.fatal])).toEqual([
      ['unknown front matter fields `layout`, `permalink`, `nav_order` ignored', 2, false],
    ]);
  });

  it("should leave out a docs site's display date with a warning, and still refuse a wrong one", () => {
    const display = parse('---\ntitle: On Water\ndate: June 2019\n---\n\nText.\n');
    expect(display.messages.map((message) => [message.reason, message.line, message.fatal])).toEqual([
      [
        'front matter `date` "June 2019" is not a day (YYYY-MM-DD, or as written: 29 January 2021): the brief is undated',
        3,
        false,
      ],
    ]);
    expect(display.data.frontMatter?.date).toBeUndefined();
    expect(parse('---\ntitle: On Water\ndate: 2019-13-45\n---\n\nText.\n').messages[0]?.fatal).toBe(true);
  });

  it('should read a date written out, as JOSS and Pandoc papers write it, in English or the document’s language', () => {
    const dateOf = (date: string, lang?: string) => {
      const file = parse(`---\ntitle: On Water\ndate: ${date}\n${lang ? `lang: ${lang}\n` : ''}---\n\nText.\n`);
      return [file.data.frontMatter?.date, file.messages.length];
    };
    // The JOSS paper of the corpus (tests/fixtures/real/joss-gmr-gaussian-mixture-regression.md) writes this.
    expect(dateOf('29 January 2021')).toEqual(['2021-01-29', 0]);
    expect(dateOf('January 29, 2021')).toEqual(['2021-01-29', 0]);
    expect(dateOf('3rd Sept. 2024')).toEqual(['2024-09-03', 0]);
    expect(dateOf('29 janvier 2021', 'fr')).toEqual(['2021-01-29', 0]);
    expect(dateOf('29. Januar 2021', 'de')).toEqual(['2021-01-29', 0]);
    expect(dateOf('29 de enero de 2021', 'es')).toEqual(['2021-01-29', 0]);
    expect(dateOf('12 marca 2024', 'pl')).toEqual(['2024-03-12', 0]);
    // No day, no date: left out with the warning; and no 31 February.
    for (const undated of ['June 2019', 'Q3 2025', '31 February 2021', 'January 2021 edition'])
      expect(dateOf(undated), undated).toEqual([undefined, 1]);
  });

  it("should read a docs site's HTML character references as the characters they name, and know its description", () => {
    const file = parse(
      '---\ntitle: Q&amp;A on water\nsummary: "Content&mdash;or links&#8212;on your site."\ndescription: The water plan, in brief.\n---\n\nText.\n',
    );
    expect(file.messages).toEqual([]);
    expect(file.data.frontMatter).toMatchObject({
      title: 'Q&A on water',
      summary: 'Content—or links—on your site.',
      description: 'The water plan, in brief.',
    });
  });

  it('should refuse, not loop on, a YAML list that holds itself', () => {
    const file = parse('---\ntitle: &a [*a]\n---\n\nText.\n');
    expect(file.messages.map((message) => [message.fatal, message.line])).toEqual([[true, 2]]);
  });

  it('should take a field left empty as one not set', () => {
    const file = parse('---\ntitle: On Water\ndescription:\nauthor:\n---\n\nText.\n');
    expect(file.messages).toEqual([]);
    expect(file.data.frontMatter?.description).toBeUndefined();
    expect(file.data.frontMatter?.title).toBe('On Water');
  });

  it("should read a docs site's date and time as its date", () => {
    const file = parse('---\ntitle: On Water\ndate: 2024-06-14 09:00:00 -0500\n---\n\nText.\n');
    expect(file.messages).toEqual([]);
    expect(file.data.frontMatter?.date).toBe('2024-06-14');
  });

  it('should read Hugo TOML front matter as data, and place its errors', () => {
    const toml = (block: string) => {
      const file = new VFile({ path: 'doc.md', value: `+++\n${block}\n+++\n\nText.\n` });
      const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(frontMatter);
      processor.runSync(processor.parse(file), file);
      return file;
    };
    const good = toml('title = "On Water"\ndate = 2024-06-14T09:00:00-05:00\nkeywords = ["a", "b"]\nweight = 3');
    expect(good.data.frontMatter).toMatchObject({ title: 'On Water', date: '2024-06-14', keywords: ['a', 'b'] });
    expect(good.messages.map((message) => message.reason)).toEqual(['unknown front matter field `weight` ignored']);
    const bad = toml('title = "On Water"\nkeywords = ["a"');
    expect(bad.messages[0]?.fatal).toBe(true);
    expect(bad.messages[0]?.reason).toMatch(/^invalid TOML: /);
    expect(bad.messages[0]?.line).toBeGreaterThanOrEqual(3);
    expect(bad.data.frontMatter).toBeUndefined();
  });
});
