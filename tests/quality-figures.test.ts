import { execFile } from 'node:child_process';
import { copyFile, cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { beforeAll, describe, expect, it } from 'vitest';
import { inlineImages } from '../src/markdown/inline-images.js';
import captions from '../src/markdown/rehype-captions.js';
import { fixture, pdfText, runCli, tempDir } from './helpers.js';

const run = promisify(execFile);
const figures = fixture('quality-figures');

async function toHtml(markdown: string): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype)
    .use(captions)
    .use(rehypeStringify)
    .process(markdown);
  return String(file);
}

describe('captions', () => {
  it('should turn an image with a title into a numbered figure and keep its alt text', async () => {
    const html = await toHtml('![A chart](a.png "Trade")\n\n![Plain](b.png)\n\n![Map](c.png "Routes")');
    expect(html).toContain(
      '<figure class="figure" role="group"><img src="a.png" alt="A chart"><figcaption><span class="caption__label">Figure 1.</span> Trade</figcaption></figure>',
    );
    expect(html).toContain('<p><img src="b.png" alt="Plain"></p>');
    expect(html).toContain('<span class="caption__label">Figure 2.</span> Routes');
  });

  it('should make a "Table:" paragraph before or after a table its numbered caption', async () => {
    const table = '| a | b |\n| - | - |\n| 1 | 2 |';
    const html = await toHtml(`Table: First *one*\n\n${table}\n\nBetween.\n\n${table}\n\nTable: Second`);
    expect(html).toContain('<table><caption><span class="caption__label">Table 1.</span> First <em>one</em></caption>');
    expect(html).toContain('<table><caption><span class="caption__label">Table 2.</span> Second</caption>');
    expect(html).not.toContain('Table:');
    expect(html).toContain('<p>Between.</p>');
  });
});

describe('images read from the content folder only', () => {
  let folder: string;
  let file: VFile;
  let html: string;

  beforeAll(async () => {
    folder = await tempDir();
    const outside = await tempDir();
    await copyFile(path.join(figures, 'map.png'), path.join(folder, 'map.png'));
    await copyFile(path.join(figures, 'map.png'), path.join(outside, 'secret.png'));
    await symlink(path.join(outside, 'secret.png'), path.join(folder, 'link.png'));
    const markdown = [
      '![in](map.png)',
      '![link](link.png)',
      `![up](../${path.basename(outside)}/secret.png)`,
      `![abs](${path.join(outside, 'secret.png')})`,
      '![net](https://example.com/a.png)',
      '![gone](missing.png)',
      '![host](//example.com/b.png)',
    ].join('\n\n');
    await writeFile(path.join(folder, 'doc.md'), markdown);
    file = new VFile({ path: path.join(folder, 'doc.md'), value: markdown });
    const processor = unified().use(remarkParse).use(remarkRehype);
    const tree = await processor.run(processor.parse(file), file);
    await inlineImages(tree, file);
    html = unified().use(rehypeStringify).stringify(tree);
  });

  it('should inline an image of the folder as a data: URL with its MIME type', () => {
    expect(html).toMatch(/<img src="data:image\/png;base64,iVBORw0KGgo[^"]+" alt="in">/);
    expect(html.match(/<img /g)).toHaveLength(1);
  });

  it('should refuse symlinks out, .. traversal, absolute paths outside, remote and missing images, naming each URL', () => {
    const reasons = file.messages.map((message) => `${message.line}: ${message.reason}`);
    expect(reasons).toEqual([
      expect.stringMatching(/^3: image `link.png` is outside/),
      expect.stringMatching(/^5: image `\.\.\/.+\/secret.png` is outside/),
      expect.stringMatching(/^7: image `\/.+secret.png` is outside/),
      expect.stringMatching(/^9: image `https:\/\/example.com\/a.png` is remote/),
      expect.stringMatching(/^11: image `missing.png` was not found/),
      expect.stringMatching(/^13: image `\/\/example.com\/b.png` is remote/),
    ]);
    expect(html).toContain('[Image not included: link]');
  });

  it('should leave remote images to the browser when the network is allowed', async () => {
    const net = new VFile({
      path: path.join(folder, 'doc.md'),
      value: '![net](https://example.com/a.png) ![host](//example.com/b.png)',
    });
    const processor = unified().use(remarkParse).use(remarkRehype);
    const tree = await processor.run(processor.parse(net), net);
    await inlineImages(tree, net, { allowNet: true });
    const html = unified().use(rehypeStringify).stringify(tree);
    expect(html).toContain('src="https://example.com/a.png"');
    // Protocol-relative: the printing page has no scheme to lend it.
    expect(html).toContain('src="https://example.com/b.png"');
    expect(net.messages).toEqual([]);
  });
});

describe('figures and tables in the printed brief', () => {
  let out: string;
  let result: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    // The fixtures in a folder of the test's own, with images of its own outside the document's folder.
    const dir = await tempDir();
    const content = path.join(dir, 'quality-figures');
    const outside = path.join(dir, 'outside');
    await cp(figures, content, { recursive: true });
    await cp(fixture('quality-table'), path.join(dir, 'quality-table'), { recursive: true });
    await mkdir(outside);
    for (const name of ['canary.png', 'secret.png'])
      await copyFile(path.join(figures, 'map.png'), path.join(outside, name));
    const source = path.join(content, 'figures.md');
    await writeFile(source, (await readFile(source, 'utf8')).replaceAll('OUTSIDE', outside));
    out = await tempDir();
    result = await runCli(['build', source, '--out', out], { timeout: 170_000 });
  }, 180_000);

  it('should print numbered figure and table captions', async () => {
    const text = (await pdfText(path.join(out, 'figures.brief.pdf'))).replace(/\s+/g, ' ');
    expect(text).toContain('Figure 1. Bilateral trade, 2021–2024');
    expect(text).toContain('Figure 2. Shipping routes through the Chennai–Vladivostok corridor');
    expect(text).toContain('Table 1. Bilateral trade by year, USD bn');
    expect(text).toContain('Table 2. Main goods, share of imports');
  });

  it('should embed the allowed raster image and warn about each refused one with its place', async () => {
    const { stdout } = await run('pdfimages', ['-list', path.join(out, 'figures.brief.pdf')]);
    expect(stdout.trim().split('\n').slice(2)).toHaveLength(1);
    expect(result.stderr).toMatch(/figures\.md:20:1: warning: image `\.\.\/quality-table\/trade-table\.md` is outside/);
    expect(result.stderr).toMatch(/figures\.md:22:1: warning: image `[^`]*\/outside\/canary\.png` is outside/);
    expect(result.stderr).toMatch(/figures\.md:24:1: warning: image `https:\/\/example\.com\/chart\.png` is remote/);
    expect(result.stderr).toMatch(/figures\.md:26:1: warning: image `notes\.txt` is not an image/);
    expect(result.stderr).toMatch(/figures\.md:28:1: warning: image `file:\/\/[^`]*\/outside\/secret\.png` is outside/);
  });
});
