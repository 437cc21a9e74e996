import path from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { beforeAll, describe, expect, it } from 'vitest';
import linkNotes from '../src/markdown/remark-link-notes.js';
import { commonBuild, pdfText, sharedBuild } from './helpers.js';

async function toHtml(markdown: string): Promise<string> {
  return String(
    await unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(linkNotes)
      .use(remarkRehype)
      .use(rehypeStringify)
      .process(markdown),
  );
}

describe('linkNotes', () => {
  it('should number link URLs with the footnotes in reading order, one note per URL', async () => {
    const html = await toHtml(
      'A [site](https://a.example/x) and a note[^n], then [again](https://a.example/x).\n\n[^n]: The note.',
    );
    const notes = html.slice(html.indexOf('<section'));
    expect(notes.indexOf('https://a.example/x</a>')).toBeGreaterThan(-1);
    expect(notes.indexOf('https://a.example/x</a>')).toBeLessThan(notes.indexOf('The note.'));
    expect(html.match(/data-footnote-ref/g)).toHaveLength(3);
    expect(html.match(/<li id=/g)).toHaveLength(2);
  });

  it('should leave links that show their URL alone and spell out URLs in the sources list', async () => {
    const html = await toHtml('See <https://b.example/>.\n\n## Sources\n\n- [Report](https://c.example/r), 2025.');
    expect(html).not.toContain('data-footnote-ref');
    expect(html).toContain('<a href="https://c.example/r">Report</a> &#x3C;https://c.example/r>, 2025.');
  });
});

describe('endnotes in the printed brief', () => {
  let text: string;

  beforeAll(async () => {
    // notes.md as quality-conformance.test.ts builds it too: built once per run.
    const { out, result } = await sharedBuild(commonBuild, { timeout: 170_000 });
    expect(result.code, result.stderr).toBe(0);
    text = (await pdfText(path.join(out, 'notes.brief.pdf'))).replace(/\s+/g, ' ');
  }, 180_000);

  it('should print footnotes and link URLs as numbered endnotes with back-references', () => {
    expect(text).toContain(
      'NOTES 1. Joint Statement, 5 December 2025. ↑ 2. https://www.mea.gov.in/bilateral-documents.htm ↑ ↑ 3. Programme of Strategic Areas',
    );
    expect(text).toContain('published by the Ministry of External Affairs2.');
    expect(text).toContain(
      'The Indian Express <https://indianexpress.com/article/india/putin-visit>, 4 December 2025.',
    );
  });
});
