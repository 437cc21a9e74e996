import type { Browser, Page } from 'puppeteer-core';
import { launchBrowser, stopBrowser } from './launch.js';
import { aloneLane } from './print-alone.js';
import type { PrintJob, Walls } from './print-job.js';
import { preparePage, printError, printOn, untilAborted } from './print-page.js';

/**
 * Prints after which the shared browser is replaced, between prints. A single-process Chromium that
 * has printed some four thousand pages stops answering: its prints then hang until their time limits,
 * every one of them, with the browser idle (found by `npm run soak`, at about 1,300 documents).
 */
const recycleAfter = 1000;

/** How long a page may take to close when its print is stopped before its browser is taken to hang. */
const closeGrace = 3000;

export interface PoolOptions {
  /** Pages printing at once. */
  size: number;
  /** Whether the pool launched the browser, and so may stop and relaunch it. */
  owned: boolean;
  /** Executable for relaunched browsers and prints alone. */
  executablePath: string | undefined;
  walls: Walls;
}

/**
 * The pages of one shared browser, and the one owner of that browser: it alone opens, reuses and
 * closes pages, replaces the browser, and decides what a crash does. The crash policy: a document
 * that crashes the browser takes down every print in flight. The browser is then relaunched for the
 * prints to come, and each print it took down is tried once more alone, in a fresh browser of its
 * own, one at a time: the document that caused the crash crashes that one too and fails, naming the
 * stage; the others print, unblamed. A print stopped by its document's time limit closes its page; a
 * browser that does not let the page go is hung, and is stopped and relaunched the same way.
 */
export class PagePool {
  private idle: Page[] = [];
  /** Pages of the current browser, idle or printing. */
  private live = new Set<Page>();
  private waiting: Array<() => void> = [];
  private opening = 0;
  private blankTaken = false;
  /** Prints begun in the current shared browser (see `recycleAfter`). */
  private printed = 0;
  private relaunching: Promise<void> | undefined;
  /** The browser the last relaunch replaced (or is replacing). */
  private replaced: Browser | undefined;
  private closing: Promise<void> | undefined;
  private closed = false;
  /** Where prints taken down by a crash are printed again, each alone (see above). */
  private readonly alone;

  constructor(
    private browser: Browser,
    private readonly options: PoolOptions,
  ) {
    this.alone = aloneLane(options.executablePath, options.walls);
  }

  /** Print `job` in the shared browser, or alone after a crash took its print down. */
  async print(job: PrintJob): Promise<Uint8Array> {
    const stage = job.stage ?? 'printing';
    let from: Browser | undefined;
    try {
      return await this.printShared(job, (used) => (from = used));
    } catch (error: unknown) {
      const dead = from && !from.connected ? from : undefined;
      if (!this.options.owned || this.closed || !dead || job.signal?.aborted) throw printError(error, stage);
      // The prints to come get a new shared browser; this one goes alone, so that a document that
      // crashes browsers takes down no other print a second time.
      void this.relaunch(dead).catch(() => undefined);
      return this.alone.print(job, stage);
    }
  }

  /** Open pages for `count` prints to come, no more than the pool holds. */
  warm(count: number): void {
    for (
      let more = Math.min(count, this.options.size) - this.live.size - this.opening;
      more > 0 && !this.closed;
      more--
    )
      void this.open().then(
        (page) => this.release(page),
        () => undefined,
      );
  }

  /** Idempotent: an interrupt and the end of the build may both close it. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.closed = true;
      for (const wake of this.waiting.splice(0)) wake();
      await this.relaunching?.catch(() => undefined);
      await this.alone.close();
      if (this.options.owned) await stopBrowser(this.browser);
    })();
    return this.closing;
  }

  private async acquire(): Promise<Page> {
    for (;;) {
      if (this.closed) throw new Error('the renderer was closed (interrupted)');
      // A relaunch that fails is tried again below by the print that finds the browser still dead.
      if (this.relaunching) await this.relaunching.catch(() => undefined);
      if (this.options.owned && this.printed >= recycleAfter) {
        // Retiring: no new print starts; the last one to finish lets the relaunch begin.
        if (this.live.size === this.idle.length && this.opening === 0)
          void this.relaunch(this.browser).catch(() => undefined);
        else await this.waitForSlot();
        continue;
      }
      const page = this.idle.pop();
      // A page of a browser that died is dropped; the relaunch is under way or comes below.
      if (page && !page.browser().connected) this.live.delete(page);
      else if (page) {
        this.printed++;
        return page;
      }
      if (this.live.size + this.opening < this.options.size) {
        const from = this.browser;
        try {
          const opened = await this.open();
          this.printed++;
          return opened;
        } catch (error: unknown) {
          // The browser died before this print began: it waits for the new one, as a print not in flight.
          if (from.connected || !this.options.owned) throw error;
          await this.relaunch(from);
          continue;
        }
      }
      await this.waitForSlot();
    }
  }

  private waitForSlot(): Promise<void> {
    return new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private async open(): Promise<Page> {
    this.opening++;
    const from = this.browser;
    try {
      // A launched browser starts with one blank tab: printing in it saves opening one.
      const takeBlank = this.options.owned && !this.blankTaken;
      this.blankTaken = true;
      const blank = takeBlank ? (await from.pages())[0] : undefined;
      const page = await preparePage(blank ?? (await from.newPage()), this.options.walls);
      if (from === this.browser) this.live.add(page);
      return page;
    } catch (error: unknown) {
      this.waiting.shift()?.(); // the slot it would have filled is free again
      throw error;
    } finally {
      this.opening--;
    }
  }

  private release(page: Page): void {
    if (this.live.has(page) && !page.isClosed() && this.browser.connected) this.idle.push(page);
    else this.live.delete(page);
    this.waiting.shift()?.();
  }

  /** Replace a browser that died or hangs; concurrent callers share one relaunch. */
  private relaunch(dead: Browser): Promise<void> {
    if (this.replaced !== dead && this.options.owned && !this.closed) {
      this.replaced = dead;
      const current = (async () => {
        await stopBrowser(dead);
        this.idle.length = 0;
        this.live.clear();
        this.blankTaken = false;
        this.browser = await launchBrowser(this.options.executablePath);
        this.printed = 0;
      })()
        .catch((error: unknown) => {
          // A browser that would not start is tried again by the next print that needs one, rather
          // than every print after it going alone in a browser of its own.
          if (this.replaced === dead) this.replaced = undefined;
          throw error;
        })
        .finally(() => {
          if (this.relaunching === current) this.relaunching = undefined;
          for (const wake of this.waiting.splice(0)) wake();
        });
      this.relaunching = current;
    }
    return this.relaunching ?? Promise.resolve();
  }

  /** Print in the shared browser; `used` is told which browser the page was of. */
  private async printShared(job: PrintJob, used: (browser: Browser) => void): Promise<Uint8Array> {
    job.signal?.throwIfAborted();
    // Time waiting for a page is not the document's work.
    const acquiring = this.acquire();
    const page = await (job.clock ? job.clock.waiting(acquiring) : acquiring);
    // The deadline may have passed while this print waited (another print of its document ran on).
    if (job.signal?.aborted) {
      this.release(page);
      throw job.signal.reason;
    }
    const from = page.browser();
    used(from);
    const { stopping, unlisten } = untilAborted(job, () => {
      // The print is given up at once, whatever its page does: the page leaves the pool (its slot is
      // free for the next print) and is closed; a page that will not close means a hung browser.
      this.live.delete(page);
      const closing = page.close().then(
        () => true,
        () => false,
      );
      const timeout = new Promise<boolean>((resolve) => setTimeout(resolve, closeGrace, false).unref());
      void Promise.race([closing, timeout]).then((closedInTime) => {
        if (!closedInTime && from.connected) void this.relaunch(from).catch(() => undefined);
      });
    });
    const printing = printOn(page, job);
    printing.catch(() => undefined);
    try {
      return await Promise.race([printing, stopping]);
    } finally {
      unlisten();
      this.release(page);
    }
  }
}
