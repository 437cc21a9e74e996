import type { Browser } from 'puppeteer-core';
import { launchBrowser, stopBrowser } from './launch.js';
import type { PrintJob, Walls } from './print-job.js';
import { preparePage, printError, printOn, untilAborted } from './print-page.js';

/** Prints alone, each in a fresh browser of its own, one at a time (see `createRenderer`). */
export interface AloneLane {
  print(job: PrintJob, stage: string): Promise<Uint8Array>;
  /** Stop the browser of the print alone, if one is running; later prints are refused. */
  close(): Promise<void>;
}

export function aloneLane(executablePath: string | undefined, walls: Walls = {}): AloneLane {
  let lane: Promise<void> = Promise.resolve();
  let current: Browser | undefined;
  let closed = false;
  const wait = <T>(job: PrintJob, promise: Promise<T>) => job.clock?.waiting(promise) ?? promise;

  async function printAlone(job: PrintJob, stage: string): Promise<Uint8Array> {
    if (closed) throw new Error('the renderer was closed (interrupted)');
    job.signal?.throwIfAborted();
    // The launch is not the document's work: an innocent print taken down by another's crash pays it.
    const fresh = await wait(job, launchBrowser(executablePath));
    current = fresh;
    const { stopping, unlisten } = untilAborted(job, () => void stopBrowser(fresh));
    try {
      const printing = (async () =>
        printOn(await preparePage((await fresh.pages())[0] ?? (await fresh.newPage()), walls), job))();
      printing.catch(() => undefined);
      return await Promise.race([printing, stopping]);
    } catch (error: unknown) {
      if (job.signal?.aborted || closed || fresh.connected) throw printError(error, stage);
      throw new Error(
        `the browser crashed while ${stage}, and again ${stage} alone in a new browser: simplify the document (split it, or shorten its longest tables, lists or notes)`,
        { cause: error },
      );
    } finally {
      unlisten();
      current = undefined;
      await stopBrowser(fresh);
    }
  }

  return {
    async print(job, stage) {
      const previous = lane;
      let done: () => void = () => undefined;
      lane = new Promise<void>((resolve) => (done = resolve));
      try {
        await wait(job, previous);
        return await printAlone(job, stage);
      } finally {
        done();
      }
    },
    async close() {
      closed = true;
      if (current) await stopBrowser(current);
    },
  };
}
