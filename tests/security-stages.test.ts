import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { refusal } from '../src/browser/request-policy.js';
import type { BriefDocument } from '../src/markdown/document-model.js';
import { processor, runStages } from '../src/markdown/processor.js';
import frontMatter from '../src/markdown/remark-front-matter.js';
import depthLimit from '../src/markdown/unist-depth-limit.js';
import { fixture, tempDir } from './helpers.js';

function parseFrontMatter(value: string): VFile {
  const file = new VFile({ path: 'doc.md', value });
  const stage = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(frontMatter);
  stage.runSync(stage.parse(file), file);
  return file;
}

/** The whole Markdown pipeline; the HTML of the document's body, or the error it failed with. */
async function pipeline(body: string): Promise<{ html: string; file: VFile; error?: unknown }> {
  const file = new VFile({ path: 'doc.md', value: `---\ntitle: T\n---\n\n${body}\n` });
  try {
    const document = processor.stringify(await runStages(file), file) as unknown as BriefDocument;
    return { html: document.intro + document.sections.map((section) => section.html).join(''), file };
  } catch (error: unknown) {
    return { html: '', file, error };
  }
}

describe('raw HTML in the Markdown', () => {
  it('should keep harmless inline markup', async () => {
    const { html } = await pipeline('H<sub>2</sub>O, x<sup>2</sup>, <kbd>Ctrl</kbd>,<br>and <abbr>no</abbr> more.');
    expect(html).toContain('H<sub>2</sub>O');
    expect(html).toContain('x<sup>2</sup>');
    expect(html).toContain('<kbd>Ctrl</kbd>');
    expect(html).toContain('<br>');
  });

  it('should remove active elements with their content, event handlers, styles and javascript: URLs', async () => {
    const { html } = await pipeline(
      [
        '<script>document.title = "owned"</script><style>p { color: red }</style>',
        '<iframe src="file:///etc/passwd">frame</iframe><object data="x.swf"></object><embed src="x.swf">',
        '<link rel="stylesheet" href="http://example.com/x.css"><meta http-equiv="refresh" content="0;url=http://example.com">',
        '<base href="http://example.com/"><form action="http://example.com"><button>go</button></form>',
        '<p onclick="alert(1)" style="background:url(http://example.com/x.png)">kept text</p>',
        '<a href="javascript:alert(1)">js link</a> <a href="JaVaScRiPt&#58;alert(1)">js link 2</a>',
        '<img src="javascript:alert(1)" onerror="alert(1)"><img src="file:///etc/passwd"><img src="data:image/png;base64,AAAA">',
        '<picture><source srcset="http://example.com/x.png"></picture><svg><image href="http://example.com/x.png"/></svg>',
        '[md link](javascript:alert(1))',
      ].join('\n\n'),
    );
    for (const banned of [
      '<script',
      'document.title',
      '<style',
      'color: red',
      '<iframe',
      '<object',
      '<embed',
      '<link',
      '<meta',
      '<base',
      '<form',
      '<source',
      '<svg',
      'onclick',
      'onerror',
      'style=',
      'javascript:',
      'file:',
      'data:',
    ]) {
      expect(html.toLowerCase()).not.toContain(banned.toLowerCase());
    }
    expect(html).toContain('kept text');
    expect(html).toContain('js link');
  });

  it('should refuse 10,000 nested quotes or 500 nested lists with an error at their line instead of overflowing the stack', async () => {
    for (const body of [`${'>'.repeat(10_000)} deep`, `${'- '.repeat(500)}deep`]) {
      const { error, file } = await pipeline(body);
      expect(error).toMatchObject({ fatal: true, ruleId: 'depth', line: 5 });
      expect(file.messages).toContain(error);
      expect((error as { reason: string }).reason).toMatch(/nested more than 100 levels/);
    }
  });

  it('should refuse 10,000 nested raw HTML elements with a clear error instead of crashing', async () => {
    const { error, file } = await pipeline(`${'<div>'.repeat(10_000)}deep`);
    expect(error).toMatchObject({ fatal: true, ruleId: 'depth' });
    expect(file.messages).toContain(error);
  });

  it('should accept ordinary nesting', async () => {
    const file = new VFile({ value: '> > - a\n>   - b\n' });
    const stage = unified().use(remarkParse).use(depthLimit);
    expect(() => stage.runSync(stage.parse(file), file)).not.toThrow();
  });
});

describe('front matter from an untrusted document', () => {
  it('should refuse JavaScript and other front matter languages at line 1', () => {
    for (const fence of ['---js', '---javascript', '--- coffee', '---json']) {
      const file = parseFrontMatter(
        `${fence}\n{ title: require('fs').writeFileSync('/tmp/owned', 'x') }\n---\n\nText.\n`,
      );
      const [message] = file.messages;
      expect(message?.fatal).toBe(true);
      expect(message?.reason).toMatch(/only YAML front matter/);
      expect([message?.line, message?.column]).toEqual([1, 1]);
      expect(file.data.frontMatter).toBeUndefined();
    }
  });

  it('should refuse YAML tags such as !!js/function', () => {
    const file = parseFrontMatter(
      '---\ntitle: !!js/function "function () { return 1 }"\nsummary: !custom x\n---\n\nText.\n',
    );
    const errors = file.messages.filter((message) => message.fatal);
    expect(errors.map((message) => message.reason)).toEqual([
      expect.stringMatching(/YAML tags are not allowed.*js\/function/),
      expect.stringMatching(/YAML tags are not allowed.*!custom/),
    ]);
    expect(errors.map((message) => message.line)).toEqual([2, 3]);
  });

  it('should bound alias expansion (billion laughs)', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [i, name] of ['b', 'c', 'd', 'e', 'f', 'g'].entries()) {
      const previous = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const file = parseFrontMatter(`---\ntitle: Laughs\n${levels.join('\n')}\n---\n\nText.\n`);
    expect(file.messages.find((message) => message.fatal)?.reason).toMatch(/too many YAML alias expansions/);
  });

  it('should not let __proto__ or constructor keys pollute prototypes', () => {
    const file = parseFrontMatter(
      '---\ntitle: Pollution\n__proto__: { polluted: yes, title: hijacked }\nconstructor: { prototype: { polluted: yes } }\n---\n\nText.\n',
    );
    expect(file.messages.some((message) => message.fatal)).toBe(false);
    expect(file.data.frontMatter?.title).toBe('Pollution');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(file.data.frontMatter)).toBe(Object.prototype);
  });
});

describe('the request policy', () => {
  const folder = fixture('hostile', 'files', 'content');
  const policy = { folders: [folder], allowNet: false };

  it('should allow data: URLs and files inside the document folder', () => {
    expect(refusal('data:image/png;base64,AAAA', policy)).toBeUndefined();
    expect(refusal(`file://${folder}/inside.txt`, policy)).toBeUndefined();
  });

  it('should refuse files elsewhere, traversal, symlinks out, the network and other schemes', async () => {
    // A file of the test's own elsewhere: the check is by place, not by which system files exist.
    const elsewhere = path.join(await tempDir(), 'environ');
    await writeFile(elsewhere, 'PATH=/canary\n');
    expect(refusal('file:///etc/passwd', policy)).toMatch(/outside/);
    expect(refusal(pathToFileURL(elsewhere).href, policy)).toMatch(/outside/);
    expect(refusal('file:///dev/zero', policy)).toMatch(/outside/);
    expect(refusal(`file://${folder}/../canary.txt`, policy)).toMatch(/outside/);
    expect(refusal(`file://${folder}/link-out.txt`, policy)).toMatch(/outside/);
    expect(refusal('http://127.0.0.1/x.png', policy)).toMatch(/--allow-net/);
    expect(refusal('http://127.0.0.1/x.png', { ...policy, allowNet: true })).toBeUndefined();
    expect(refusal('ftp://example.com/x', policy)).toMatch(/ftp URLs are not allowed/);
    expect(refusal('chrome://settings', policy)).toMatch(/not allowed/);
  });
});
