import { type ChildProcess, spawn } from 'node:child_process';
import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, fixture, pdfText, tempDir } from './helpers.js';

describe('briefpress watch', () => {
  let dir: string;
  let child: ChildProcess;
  let stdout = '';
  let stderr = '';
  const mtime = async (name: string) => (await stat(path.join(dir, 'out', `${name}.brief.pdf`))).mtimeMs;
  const lines = () => stdout.split('\n').filter(Boolean);
  /** Wait until `done` holds; fail with what the watcher said if it never does. */
  const until = async (done: () => boolean, what: string) => {
    // Bounded only so that a watcher that never answers fails with what it said, not at the test's timeout.
    for (const started = Date.now(); !done(); await new Promise((resolve) => setTimeout(resolve, 50))) {
      if (Date.now() - started > 50_000) throw new Error(`no ${what}; stdout: ${stdout}; stderr: ${stderr}`);
    }
  };

  beforeAll(async () => {
    dir = await tempDir();
    await mkdir(path.join(dir, 'content'));
    for (const name of ['north', 'south'])
      await copyFile(fixture('speed', 'note.md'), path.join(dir, 'content', `${name}.md`));
    await writeFile(path.join(dir, 'briefpress.config.json'), JSON.stringify({ accent: '#1f4e79' }));
    child = spawn(process.execPath, [cli, 'watch', 'content', '--only', 'brief', '--out', 'out'], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1' },
    });
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
    await until(() => stderr.includes('watching'), 'first build');
  });

  afterAll(() => {
    child.kill('SIGTERM');
  });

  it('should build every document first, one line each', () => {
    expect(lines().filter((line) => line.startsWith('✓'))).toHaveLength(2);
  });

  it('should rebuild only the document that was saved, with its time', async () => {
    const south = await mtime('south');
    const before = lines().length;
    const save = async (name: string, to: string) => {
      const file = path.join(dir, 'content', `${name}.md`);
      await writeFile(file, (await readFile(file, 'utf8')).replace('Aquifers are falling.', to));
    };
    await save('north', 'Aquifers are collapsing.');
    await until(() => lines().length > before, 'rebuild after a save');
    expect(await mtime('south')).toBe(south);
    // No quiet window to wait out: a second save, of the other document, is the marker. Had the first
    // save rebuilt south too, its line would come before the marker's, and south's PDF without the
    // marker's text.
    await save('south', 'Aquifers are drying.');
    await until(
      () =>
        lines()
          .slice(before)
          .some((line) => line.includes('content/south.md')),
      'rebuild of south',
    );
    const rebuilt = lines().slice(before);
    expect(rebuilt).toHaveLength(2);
    expect(rebuilt[0]).toMatch(/^✓ content\/north\.md → out\/north\.brief\.pdf .* \d+\.\d s$/);
    expect(rebuilt[1]).toMatch(/^✓ content\/south\.md → out\/south\.brief\.pdf .* \d+\.\d s$/);
    expect(await pdfText(path.join(dir, 'out', 'north.brief.pdf'))).toContain('Aquifers are collapsing.');
    expect(await pdfText(path.join(dir, 'out', 'south.brief.pdf'))).toContain('Aquifers are drying.');
  });

  it('should rebuild every document when the config changes', async () => {
    const before = lines().length;
    await writeFile(path.join(dir, 'briefpress.config.json'), JSON.stringify({ accent: '#2e7d32' }));
    await until(() => lines().length >= before + 2, 'rebuild after a config change');
    expect(
      lines()
        .slice(before)
        .map((line) => line.split(' ')[1])
        .sort(),
    ).toEqual(['content/north.md', 'content/south.md']);
  });

  it('should stop cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
