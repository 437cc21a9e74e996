import { existsSync } from 'node:fs';
import { copyFile, cp, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, fixture, pdfText, runCli, tempDir } from './helpers.js';

/** A loopback HTTP listener that records every path asked of it. */
async function listener(): Promise<{ server: Server; origin: string; paths: string[] }> {
  const paths: string[] = [];
  const server = createServer((request, response) => {
    paths.push(request.url ?? '');
    response.writeHead(404).end();
  });
  server.requestTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, paths };
}

/** The hostile corpus in a fresh folder: `content/` (the documents), `outside/` (the canary), `out/`. */
async function corpus(origin: string) {
  const root = await tempDir('briefpress-hostile-');
  const content = path.join(root, 'content');
  const outside = path.join(root, 'outside');
  const out = path.join(root, 'out');
  const marker = path.join(root, 'front-matter-ran');
  await cp(fixture('hostile', 'corpus'), content, { recursive: true });
  await mkdir(outside);
  await writeFile(path.join(outside, 'canary.txt'), 'CANARY-7f3a: a secret beside the content folder\n');
  // Stand-ins for /etc/passwd and /proc/self/environ, which not every machine has.
  await writeFile(path.join(outside, 'passwd'), 'root:x:0:0:CANARY-7f3a:/root:/bin/sh\n');
  await writeFile(path.join(outside, 'environ'), 'PATH=/CANARY-7f3a\n');
  await symlink('../outside/canary.txt', path.join(content, 'link-out.txt'));
  for (const name of await readdir(content)) {
    if (!name.endsWith('.md') || name === 'binary.md' || name === 'invalid-utf8.md') continue;
    const file = path.join(content, name);
    const text = await readFile(file, 'utf8');
    await writeFile(
      file,
      text.replaceAll('ORIGIN', origin).replaceAll('OUTSIDE', outside).replaceAll('MARKER', marker),
    );
  }
  return { root, content, outside, out, marker };
}

const built = ['good', 'network', 'files', 'active'];
const failing: Record<string, RegExp> = {
  'js-front-matter': /js-front-matter\.md:1:1: error: front matter `---js` is not supported/,
  'javascript-front-matter': /javascript-front-matter\.md:1:1: error: front matter `---javascript` is not supported/,
  deep: /deep\.md:5:\d+: error: nested more than 100 levels deep/,
  laughs: /laughs\.md(:\d+:\d+)?: error: front matter: too many YAML alias expansions/,
  empty: /empty\.md: error: empty file/,
  binary: /binary\.md: error: (binary file|not valid UTF-8)/,
  'invalid-utf8': /invalid-utf8\.md: error: not valid UTF-8 text/,
  broken: /broken\.md:3:7: error: front matter `date`/,
};

describe('briefpress build on a hostile corpus', () => {
  let net: Awaited<ReturnType<typeof listener>>;
  let dirs: Awaited<ReturnType<typeof corpus>>;
  let result: CliResult;
  const previous = Buffer.from('%PDF-1.7 a previous good build of broken.md\n');

  beforeAll(async () => {
    net = await listener();
    dirs = await corpus(net.origin);
    await mkdir(dirs.out);
    await writeFile(path.join(dirs.out, 'broken.brief.pdf'), previous);
    result = await runCli(['build', dirs.content, '--out', dirs.out], { timeout: 120_000 });
  }, 150_000);

  afterAll(async () => {
    await new Promise((resolve) => net.server.close(resolve));
  });

  it('should exit 1 and still build every good document of the batch', async () => {
    expect(result.code).toBe(1);
    for (const name of built) {
      expect(existsSync(path.join(dirs.out, `${name}.brief.pdf`)), name).toBe(true);
      expect(existsSync(path.join(dirs.out, `${name}.summary.pdf`)), name).toBe(true);
    }
  });

  it('should give each bad document one error line naming the file, and the line and column where known', () => {
    const errors = result.stderr.split('\n').filter((line) => line.includes(': error: '));
    for (const [name, pattern] of Object.entries(failing)) {
      const lines = errors.filter((line) => line.includes(`${path.sep}${name}.md`) || line.startsWith(`${name}.md`));
      expect(lines, name).toHaveLength(1);
      expect(lines[0], name).toMatch(pattern);
    }
  });

  it('should make no request to the network, and report the refused URLs', () => {
    expect(net.paths).toEqual([]);
    const warnings = result.stderr
      .split('\n')
      .filter((line) => line.includes('network.md') && line.includes(': warning: '));
    for (const url of ['/markdown-image.png', '/reference-image.png', '/raw-img.png']) {
      expect(
        warnings.filter((line) => line.includes(`${net.origin}${url}`)),
        url,
      ).toHaveLength(1);
    }
  });

  it('should print no file from outside the content folder', async () => {
    const text = await pdfText(path.join(dirs.out, 'files.brief.pdf'));
    expect(text).toContain('The end of the probe.');
    expect(text).not.toContain('CANARY-7f3a');
    expect(text).not.toMatch(/root:x:0:0/);
    expect(text).not.toMatch(/PATH=/);
  });

  it('should never run JavaScript front matter', () => {
    expect(existsSync(dirs.marker)).toBe(false);
  });

  it('should run no script: the page keeps its text', async () => {
    const text = (await pdfText(path.join(dirs.out, 'active.brief.pdf'))).replace(/\s+/g, ' ');
    expect(text).toContain('The original text stays');
    expect(text).toContain('a javascript link');
    expect(text).not.toContain('REWRITTEN');
  });

  it('should print Handlebars-looking text and HTML in the front matter literally', async () => {
    const text = (await pdfText(path.join(dirs.out, 'active.brief.pdf'))).replace(/\s+/g, ' ');
    expect(text).toContain('{{doc.meta.subtitle}} <b>not bold</b>');
    expect(text).toContain('{{#each doc.sections}}LOOP{{/each}}');
    expect(text).toContain('{{doc.meta.title}} and {{{organisation}}} are printed as typed');
    const summary = (await pdfText(path.join(dirs.out, 'active.summary.pdf'))).replace(/\s+/g, ' ');
    expect(summary).toContain("<script>document.title = 'x'</script>{{{doc.intro}}}");
  });

  it('should leave no new, truncated or temporary file, and keep the previous good PDF', async () => {
    const names = await readdir(dirs.out);
    expect(names.filter((name) => !name.endsWith('.pdf'))).toEqual([]);
    for (const name of Object.keys(failing))
      expect(names.filter((file) => file.startsWith(`${name}.`) && name !== 'broken')).toEqual([]);
    expect(names.filter((file) => file.startsWith('broken.'))).toEqual(['broken.brief.pdf']);
    expect(await readFile(path.join(dirs.out, 'broken.brief.pdf'))).toEqual(previous);
  });
});

describe('briefpress build with --allow-net', () => {
  it('should let the page reach the network when allowed (the listener does see requests)', async () => {
    const net = await listener();
    try {
      const dirs = await corpus(net.origin);
      const result = await runCli([
        'build',
        path.join(dirs.content, 'network.md'),
        '--out',
        dirs.out,
        '--allow-net',
        '--only',
        'brief',
      ]);
      expect(result.code).toBe(0);
      expect(net.paths).toContain('/markdown-image.png');
      // Even with the network on, what the sanitizer removed never loads.
      const removed = [
        '/style-attribute.png',
        '/style-element.png',
        '/import.css',
        '/link.css',
        '/iframe.html',
        '/object.bin',
        '/embed.bin',
        '/video.mp4',
        '/audio.mp3',
        '/poster.png',
        '/svg-image.png',
        '/picture-source.png',
        '/srcset.png',
        '/input.png',
        '/script.js',
        '/refresh',
      ];
      expect(net.paths.filter((url) => removed.includes(url))).toEqual([]);
    } finally {
      await new Promise((resolve) => net.server.close(resolve));
    }
  }, 120_000);
});

describe('briefpress build limits', () => {
  it('should refuse a file over the size limit with a clear error and write nothing', async () => {
    const out = await tempDir();
    const result = await runCli([
      'build',
      fixture('hostile', 'corpus', 'good.md'),
      '--out',
      out,
      '--max-size',
      '0.0001',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /good\.md: error: 188 bytes is over the input size limit of 105 bytes: split the document, or raise the limit \(--max-size\)/,
    );
    expect(await readdir(out)).toEqual([]);
  }, 120_000);

  it('should stop a document that takes longer than the time limit with a clear error and write nothing', async () => {
    const out = await tempDir();
    const result = await runCli(['build', fixture('hostile', 'corpus', 'good.md'), '--out', out, '--timeout', '0.001']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /good\.md: error: took longer than the time limit of 0\.001 s: simplify the document, or raise the limit \(--timeout\)/,
    );
    expect(await readdir(out)).toEqual([]);
  }, 120_000);

  it('should stop a parse that is slow by itself at the time limit, and build the other documents', async () => {
    // Unmatched emphasis makes the Markdown parser quadratic: parsing this alone takes minutes.
    const dir = await tempDir();
    await writeFile(path.join(dir, 'stars.md'), `---\ntitle: Stars\n---\n\n${'*a'.repeat(80_000)}\n`);
    await copyFile(fixture('hostile', 'corpus', 'good.md'), path.join(dir, 'good.md'));
    const out = await tempDir();
    // Unstopped, the parse outlasts runCli's own limit, which then fails the test as a hang. The limit
    // is some thirty times what good.md's own work takes (a parse and two one-page prints), and each
    // second of it is a second the stopped parse spins a core.
    const result = await runCli(['build', dir, '--out', out, '--timeout', '12'], { timeout: 160_000 });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/stars\.md: error: took longer than the time limit of 12 s/);
    expect((await readdir(out)).sort()).toEqual(['good.brief.pdf', 'good.summary.pdf']);
  }, 180_000);

  it('should hold `check --no-fit` to the same time and size limits, and check the other documents', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'stars.md'), `---\ntitle: Stars\n---\n\n${'*a'.repeat(45_000)}\n`);
    await copyFile(fixture('hostile', 'corpus', 'good.md'), path.join(dir, 'good.md'));
    await writeFile(path.join(dir, 'big.md'), `---\ntitle: Big\n---\n\n${'word '.repeat(25_000)}\n`);
    await writeFile(
      path.join(dir, 'briefpress.config.json'),
      JSON.stringify({ timeout: 6_000, maxInputSize: 100_000 }),
    );
    const result = await runCli(['check', '.', '--no-fit'], { cwd: dir, timeout: 160_000 });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/stars\.md: error: took longer than the time limit of 6 s/);
    expect(result.stderr).toMatch(/big\.md: error: 122 KB is over the input size limit of 98 KB/);
    expect(result.stderr).not.toMatch(/good\.md/);
  }, 180_000);
});
