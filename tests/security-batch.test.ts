import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/index.js';
import { heavyDocuments, hugeTitle, tooManyKeywords } from './fixtures/hostile/batch.js';
import { type CliResult, fixture, pdfText, runCli, tempDir } from './helpers.js';

const canary = 'CANARY-5e1d';
const small = ['small-1', 'small-2', 'small-3'];

/** A content folder as a pull request could make it, `outside/` beside it holding a secret. */
async function pullRequest() {
  const root = await tempDir('briefpress-batch-');
  const content = path.join(root, 'content');
  const outside = path.join(root, 'outside');
  await mkdir(path.join(content, 'folder.md'), { recursive: true });
  await mkdir(outside);
  // Would print, front matter and all, were it read.
  await writeFile(path.join(outside, 'secret.md'), `---\ntitle: Secret\n---\n\n${canary} token=abc\n`);
  await writeFile(path.join(outside, 'environ'), `${canary}=1\n`);
  await symlink('../outside/secret.md', path.join(content, 'notes.md'));
  await symlink(path.join(outside, 'environ'), path.join(content, 'environ.md'));
  execFileSync('mkfifo', [path.join(content, 'pipe.md')]);
  for (const name of small) await copyFile(fixture('hostile', 'corpus', 'good.md'), path.join(content, `${name}.md`));
  for (const [name, text] of Object.entries(heavyDocuments())) await writeFile(path.join(content, name), text);
  await writeFile(path.join(content, 'huge-title.md'), hugeTitle);
  await writeFile(path.join(content, 'keywords.md'), tooManyKeywords);
  return { root, content, outside, out: path.join(root, 'out') };
}

describe('briefpress build of a pull request with hostile documents among good ones', () => {
  let dirs: Awaited<ReturnType<typeof pullRequest>>;
  let result: CliResult;

  beforeAll(async () => {
    dirs = await pullRequest();
    result = await runCli(['build', dirs.content, '--out', dirs.out], { timeout: 150_000 });
  }, 180_000);

  it('should build every legitimate document, the heavy ones too, and fail only the hostile ones', async () => {
    expect(result.code).toBe(1);
    const pdfs = (await readdir(dirs.out)).sort();
    const built = [...small, 'heavy-footnotes', 'heavy-keywords', 'heavy-sections'].sort();
    expect(pdfs).toEqual(built.flatMap((name) => [`${name}.brief.pdf`, `${name}.summary.pdf`]).sort());
    expect(result.stdout).toMatch(/6 built, 2 failed/);
  });

  it('should print no file from outside the folder, and say how to allow links out', async () => {
    for (const pdf of await readdir(dirs.out))
      expect(await pdfText(path.join(dirs.out, pdf)), pdf).not.toContain(canary);
    for (const name of ['notes.md', 'environ.md'])
      expect(result.stderr).toMatch(
        new RegExp(`${name}: warning: is a link to .*, outside .*: not read \\(allow links out with --follow-symlinks`),
      );
  });

  it('should refuse a FIFO without opening it, and pass over a folder named like a document', () => {
    expect(result.stderr).toMatch(/pipe\.md: warning: is a FIFO \(named pipe\), not a regular file: it was not opened/);
    expect(result.stderr).not.toMatch(/folder\.md/);
  });

  it('should fail the 200,000-character title at its place, on one short line, before printing', () => {
    const lines = result.stderr.split('\n').filter((line) => line.includes('huge-title.md'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/huge-title\.md:2:8: error: front matter `title`: at most 500 characters: shorten it/);
    expect(lines[0]!.length).toBeLessThan(300);
    expect(result.stderr).toMatch(/keywords\.md:4:\d+: error: front matter `keywords`: at most 100 keywords/);
  });

  it("should give no document a warning or an error it did not cause, and no library's raw text", () => {
    const blamed = result.stderr
      .split('\n')
      .filter((line) => /small-\d\.md|heavy-/.test(line) && /warning|error/.test(line));
    expect(blamed).toEqual([]);
    expect(result.stderr).not.toMatch(/EISDIR|ENOENT|Timed out after|Protocol error|TargetClose|at .*\.js:\d+/);
    expect(result.stderr.split('\n').filter(Boolean).length).toBe(5);
  });
});

describe('briefpress limits of one brief', () => {
  it('should fail a brief over --max-pages with a clear error, and build it with a higher limit', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'heavy-keywords.md');
    await writeFile(file, heavyDocuments()['heavy-keywords.md']!);
    const refused = await runCli(['build', file, '--out', path.join(dir, 'a'), '--only', 'brief', '--max-pages', '10']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /heavy-keywords\.md: error: the brief (has|would have at least) \d+ pages, over the limit of 10: split the document, or raise the limit \(--max-pages\)/,
    );
    const allowed = await runCli(['build', file, '--out', path.join(dir, 'b'), '--only', 'brief', '--max-pages', '60']);
    expect(allowed.code).toBe(0);
  }, 120_000);
});

describe('the library API and links out of a folder', () => {
  it('should refuse a source that is a link out of its folder unless followSymlinks', async () => {
    const { content } = await pullRequest();
    const link = path.join(content, 'notes.md');
    const [refused] = await build([{ path: link }], { outputs: ['summary'] });
    expect(refused!.error).toMatch(/notes\.md: is a link to .*secret\.md, outside .*: not read/);
    const [followed] = await build([{ path: link }], { outputs: ['summary'], followSymlinks: true });
    expect(followed!.error).toBeUndefined();
    expect(followed!.outputs).toHaveLength(1);
    const [folder] = await build([{ path: path.join(content, 'folder.md') }], { outputs: ['summary'] });
    expect(folder!.error).toMatch(/folder\.md: is a folder, not a Markdown file$/);
  }, 120_000);
});
