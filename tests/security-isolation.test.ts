import { execFileSync } from 'node:child_process';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { resolveExecutable } from '../src/browser/launch.js';
import { createRenderer, type PrintPage } from '../src/browser/renderer.js';
import { tempDir } from './helpers.js';

/** Kill every browser this process launched: what a document that crashes Chromium does to it. */
function crashBrowsers(): void {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' }).split('\n');
  for (const row of rows) {
    const [pid, ppid] = row.trim().split(/\s+/).map(Number);
    if (ppid === process.pid && row.includes('--remote-debugging-pipe')) process.kill(pid!, 'SIGKILL');
  }
}

describe('a document that crashes the shared browser', () => {
  it('should fail alone, naming the stage, while the prints it took down are printed again unblamed', async () => {
    const renderer = await createRenderer({ jobs: 3 });
    try {
      let crashes = 0;
      const culprit = renderer.print({
        html: '<p>culprit</p>',
        stage: 'printing the brief',
        prepare: async (page: PrintPage) => {
          crashes++;
          await sleep(300); // the others are printing by now
          crashBrowsers();
          await page.evaluate('1');
        },
      });
      const innocent = (n: number) =>
        renderer.print({
          html: `<p>innocent ${n}</p>`,
          prepare: async (page: PrintPage) => {
            await sleep(800);
            await page.evaluate('1');
          },
        });
      const [bad, ...good] = await Promise.allSettled([culprit, innocent(1), innocent(2)]);
      expect(crashes).toBe(2); // once shared, once alone
      expect(bad!.status).toBe('rejected');
      expect(String((bad as PromiseRejectedResult).reason.message)).toMatch(
        /^the browser crashed while printing the brief, and again printing the brief alone in a new browser: simplify the document/,
      );
      for (const result of good) {
        expect(result.status).toBe('fulfilled');
        const pdf = (result as PromiseFulfilledResult<Uint8Array>).value;
        expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
      }
      // The renderer still prints afterwards, in its relaunched browser.
      expect(Buffer.from((await renderer.print({ html: '<p>after</p>' })).subarray(0, 5)).toString()).toBe('%PDF-');
    } finally {
      await renderer.close();
    }
  }, 120_000);
});

describe('a browser that will not start again', () => {
  it('should fail the print that needed it, and start a shared one again for the prints after it', async () => {
    // A browser that starts the first time, refuses the next two (the crashed print's own browser and
    // the shared one's relaunch, as when a crash takes down a browser still starting), then starts.
    const dir = await tempDir();
    const chromium = await resolveExecutable();
    const wrapper = path.join(dir, 'chromium');
    await writeFile(
      wrapper,
      `#!/bin/sh\nn=$(cat "${dir}/count" 2>/dev/null || echo 0); echo $((n + 1)) > "${dir}/count"\ncase "$n" in 1|2) exit 1;; esac\nexec "${chromium}" "$@"\n`,
    );
    await chmod(wrapper, 0o755);
    const renderer = await createRenderer({ jobs: 1, executablePath: wrapper });
    try {
      expect(Buffer.from((await renderer.print({ html: '<p>one</p>' })).subarray(0, 5)).toString()).toBe('%PDF-');
      crashBrowsers();
      await expect(renderer.print({ html: '<p>two</p>', stage: 'printing the brief' })).rejects.toThrow(
        /could not start the browser/,
      );
      const launches = async () => Number(await readFile(path.join(dir, 'count'), 'utf8'));
      expect(Buffer.from((await renderer.print({ html: '<p>three</p>' })).subarray(0, 5)).toString()).toBe('%PDF-');
      const before = await launches();
      // The shared browser was started again: the next print needs no browser of its own.
      expect(Buffer.from((await renderer.print({ html: '<p>four</p>' })).subarray(0, 5)).toString()).toBe('%PDF-');
      expect(await launches()).toBe(before);
    } finally {
      await renderer.close();
    }
  }, 60_000);
});
