// One bad document never harms the batch, the log or the clock (issue 25): a class of harm a test.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { composeMessage } from '../src/email/compose.js';
import { parseDocument } from '../src/markdown/parse-document.js';
import { fixture, runCli, tempDir } from './helpers.js';

const brief = (title: string, body = 'The council agreed a plan for the water of the region this year.') =>
  `---\ntitle: ${JSON.stringify(title)}\n---\n\n## Findings\n\n${body}\n`;

describe('one bad document in a batch', () => {
  it('should fail both documents whose outputs share a name, before printing either, and build the rest', async () => {
    const dir = await tempDir('briefpress-names-');
    const content = path.join(dir, 'content');
    for (const sub of ['a', 'b']) await mkdir(path.join(content, sub), { recursive: true });
    await writeFile(path.join(content, 'a', 'x.md'), brief('Alpha brief'));
    await writeFile(path.join(content, 'b', 'x.md'), brief('Beta brief'));
    await writeFile(path.join(content, 'y.md'), brief('Yankee brief'));
    await writeFile(path.join(content, 'y.markdown'), brief('Yankee again'));
    await writeFile(path.join(content, 'z.md'), brief('Zulu brief'));
    const out = path.join(dir, 'out');
    const result = await runCli(['build', content, '--out', out, '--only', 'brief'], { timeout: 180_000 });
    expect(result.code).toBe(1);
    for (const file of ['a/x.md', 'b/x.md', 'y.md', 'y.markdown'])
      expect(result.stderr).toMatch(
        new RegExp(
          `${path.join(content, file).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: error: its outputs .* would have the same names as`,
        ),
      );
    // Nothing of theirs written, half or whole; the innocent document is built.
    expect((await readdir(out)).sort()).toEqual(['z.brief.pdf']);
    expect(result.stdout).toMatch(/1 built, 4 failed/);
  }, 200_000);

  it('should print every line from a file name or front matter on one line, never as a CI command', async () => {
    const dir = await tempDir('briefpress-log-');
    const name = 'x\n::error file=a.md::pwned\u2028\u0085\u001b[31m.md';
    await writeFile(path.join(dir, name), `---\ntitle: T\n"bad\\n::warning::key": 1\n---\n\n## A\n\nText.\n`);
    await writeFile(path.join(dir, '::error::lead.md'), `---\ntitle: T\n---\n\nText.\n`);
    const result = await runCli(['check', '.', '--no-fit'], { cwd: dir });
    const lines = `${result.stdout}\n${result.stderr}`.split(/\r\n|[\n\r\u2028\u2029\u0085]/);
    for (const line of lines) expect(line).not.toMatch(/^\s*(::|##\[)/);
    expect(`${result.stdout}${result.stderr}`).not.toContain('\u001b');
    expect(result.stderr).toContain('x\\n::error file=a.md::pwned\\u2028\\u0085\\e[31m.md');
    expect(result.stdout).toContain('./::error::lead.md');
  });

  it('should say once that a document took too long', async () => {
    const dir = await tempDir('briefpress-once-');
    const file = path.join(dir, 'long.md');
    await writeFile(file, brief('Long', 'The U.S. and e.g. the U.K. agreed on the plan. '.repeat(80_000)));
    const result = await runCli(['build', file, '--out', path.join(dir, 'out'), '--timeout', '2'], {
      timeout: 120_000,
    });
    expect(result.code).toBe(1);
    expect(result.stderr.match(/took longer than the time limit/g)).toHaveLength(1);
  }, 150_000);

  it('should refuse an image that is a FIFO without opening it, and exit after its summary line', async () => {
    const dir = await tempDir('briefpress-fifo-');
    execFileSync('mkfifo', [path.join(dir, 'pipe.png')]);
    const file = path.join(dir, 'pipe.md');
    await writeFile(
      file,
      brief('Pipe', '![A chart](pipe.png)\n\nThe council agreed a plan for the water of the region.'),
    );
    const out = path.join(dir, 'out');
    // Without the wall, the read never returns: the document fails at its time limit and the CLI never exits.
    const result = await runCli(['build', file, '--out', out, '--only', 'brief', '--timeout', '30'], {
      timeout: 120_000,
    });
    expect(result.stderr).toMatch(/pipe\.md:\d+:\d+: warning: image `pipe\.png` is not a regular file/);
    expect(result.code).toBe(0);
    expect(existsSync(path.join(out, 'pipe.brief.pdf'))).toBe(true);
    expect(result.stdout.trim().split('\n').at(-1)).toMatch(/^1 built in/);
  }, 150_000);

  it('should read out-of-range character references as U+FFFD, and `..logo.png` and `..md` as inside the folder', async () => {
    const dir = await tempDir('briefpress-points-');
    await copyFile(fixture('quality-figures', 'map.png'), path.join(dir, '..logo.png'));
    await writeFile(path.join(dir, '..md'), brief('Dots'));
    const file = path.join(dir, 'refs.md');
    await writeFile(
      file,
      brief(
        'Refs',
        'Text &#x110000; and &#xD800; and &#1114112; here.\n\n![The logo](..logo.png)\n\nSee [the other](..md).',
      ),
    );
    const result = await runCli(['check', file, '--no-fit']);
    expect(result.stderr).not.toMatch(/Invalid code point|outside|not a file in/);
    expect(result.code).toBe(0);
    const parsed = await parseDocument({
      path: file,
      value: (await import('node:fs')).readFileSync(file, 'utf8'),
      allowNet: false,
    });
    expect(JSON.stringify(parsed.document)).toContain('data:image/png;base64,');
  });

  it('should send a subject holding RFC 2047 encoded-words as the text the author typed', async () => {
    const title = '=?UTF-8?B?QVBQUk9WRUQgQmNjOiBldmlsQGV4YW1wbGUuY29t?= Water plan';
    const parsed = await parseDocument({ path: '/x/subject.md', value: brief(title), allowNet: false });
    const { message } = await composeMessage(parsed.document!, [], { date: new Date(0) });
    const mail = await simpleParser(message);
    expect(mail.subject).toBe(title);
    expect(message.toString('latin1')).not.toMatch(/^Subject: =\?UTF-8\?B\?QVBQUk9WRUQ/m);
  });
});
