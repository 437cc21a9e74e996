import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import frontMatter from '../src/markdown/remark-front-matter.js';

function parse(value: string): VFile {
  const file = new VFile({ path: 'doc.md', value });
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

  it('should require a title', () => {
    const file = parse('---\nsubtitle: No title\n---\n\nText.\n');
    expect(file.messages[0]?.fatal).toBe(true);
    expect(file.messages[0]?.reason).toContain('`title`');
  });

  it('should refuse a document without front matter, at line 1', () => {
    const file = parse('# Just a heading\n');
    expect(file.messages[0]?.fatal).toBe(true);
    expect(file.messages[0]?.line).toBe(1);
  });
});
