import { execFileSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createRenderer, type PrintPage } from '../src/browser/renderer.js';

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
