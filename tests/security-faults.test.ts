import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { cli, fixture, pageCount, root, tempDir } from './helpers.js';

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

/** Start the CLI without waiting for it, so that the test can act while the batch runs. */
function start(args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const child = spawn(process.execPath, [cli, ...args], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : null))),
  );
  return { child, stdout: () => stdout, stderr: () => stderr, exit };
}

/** A batch of `count` ordinary documents, and an empty output folder. */
async function batch(count: number) {
  const dir = await tempDir('briefpress-faults-');
  const content = path.join(dir, 'content');
  const out = path.join(dir, 'out');
  await mkdir(content);
  for (let i = 1; i <= count; i++)
    await copyFile(fixture('hostile', 'corpus', 'good.md'), path.join(content, `doc-${i}.md`));
  return { dir, content, out };
}

/** Processes as `[pid, ppid, command line]`. */
function processes(): Array<[number, number, string]> {
  return execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match) => match !== null)
    .map((match) => [Number(match[1]), Number(match[2]), match[3]!]);
}

/** Wait (bounded) until `ready` holds; fail the test if it never does. */
async function until<T>(ready: () => Promise<T | undefined> | T | undefined, what: string, limit = 90_000): Promise<T> {
  for (let waited = 0; waited < limit; waited += 50) {
    const value = await ready();
    if (value !== undefined) return value;
    await sleep(50);
  }
  throw new Error(`gave up waiting for ${what}`);
}

/**
 * The CLI's own signal that it is under way: the line of its first finished document. The batch is
 * printed one page at a time (`--jobs 1`) and holds {@link queued} documents, so that many are still
 * to print when the test acts on it, however fast or busy the machine.
 */
const firstDone = (run: Run) => () => (/^✓ /m.test(run.stdout()) ? true : undefined);
const queued = 16;

describe('briefpress build when the browser fails', () => {
  it('should relaunch a browser killed mid-batch, write every document without blaming any, and leave no temporary files', async () => {
    const { dir, content, out } = await batch(queued);
    const tmp = path.join(dir, 'tmp');
    await mkdir(tmp);
    const run = start(['build', content, '--out', out, '--jobs', '1'], { TMPDIR: tmp });
    await until(firstDone(run), 'the first document');
    const browser = await until(
      () => processes().find(([, ppid, args]) => ppid === run.child.pid && args.includes('--remote-debugging-pipe')),
      "the CLI's browser",
    );
    process.kill(browser[0], 'SIGKILL');
    expect(await run.exit).toBe(0);
    const pdfs = (await readdir(out)).filter((name) => name.endsWith('.pdf')).sort();
    expect(pdfs).toHaveLength(2 * queued);
    for (const pdf of pdfs) expect(await pageCount(path.join(out, pdf))).toBeGreaterThanOrEqual(1);
    // No document caused the crash: those it took down were printed again, each alone, and none is blamed.
    expect(run.stderr()).toBe('');
    expect(processes().some(([pid]) => pid === browser[0])).toBe(false);
    // Both browsers, the killed one and its replacement, took their temporary files with them.
    expect(await readdir(tmp)).toEqual([]);
  }, 180_000);

  it('should end cleanly on Ctrl-C: exit 130, no browser left running, no temporary files', async () => {
    const { dir, content, out } = await batch(queued);
    const tmp = path.join(dir, 'tmp');
    await mkdir(tmp);
    const run = start(['build', content, '--out', out, '--jobs', '1'], { TMPDIR: tmp });
    await until(firstDone(run), 'the first document');
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(130);
    // The browser's processes, identified by their profile under this run's TMPDIR, are all gone.
    await until(
      () => (processes().some(([, , args]) => args.includes(tmp)) ? undefined : true),
      'the browser to exit',
      10_000,
    );
    expect(await readdir(tmp)).toEqual([]);
    const names = await readdir(out);
    expect(names.length).toBeLessThan(2 * queued); // stopped mid-batch
    expect(names.filter((name) => !name.endsWith('.pdf'))).toEqual([]);
    for (const pdf of names) expect(await pageCount(path.join(out, pdf))).toBeGreaterThanOrEqual(1);
  }, 180_000);

  it('should start the browser under a TMPDIR deeper than macOS’s, and leave nothing in it', async () => {
    const { dir, content, out } = await batch(1);
    // Deeper than Chromium's socket path allows (107 bytes, with its own 45 below TMPDIR).
    const tmp = path.join(dir, 'a-temporary-folder-of-a-length-that-a-socket-path-cannot-hold-any-more');
    await mkdir(tmp);
    const run = start(['build', content, '--out', out], { TMPDIR: tmp });
    expect(await run.exit).toBe(0);
    expect(run.stderr()).toBe('');
    expect((await readdir(out)).sort()).toEqual(['doc-1.brief.pdf', 'doc-1.summary.pdf']);
    expect(await readdir(tmp)).toEqual([]);
  }, 60_000);
});
