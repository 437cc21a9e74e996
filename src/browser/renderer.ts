import { availableParallelism } from 'node:os';
import type { Browser, Page } from 'puppeteer-core';
import type { Clock } from '../time-limit.js';
import { launchBrowser, stopBrowser } from './launch.js';
import { aloneLane } from './print-alone.js';
import { preparePage, printError, printOn, untilAborted } from './print-page.js';
import type { OnRefused, RequestPolicy } from './request-policy.js';

export interface RendererOptions {
  /** A browser to use; it is left open on `close()`. @default one launched and closed by the renderer */
  browser?: Browser;
  /** Executable for a launched browser. @default see `resolveExecutable` */
  executablePath?: string;
  /** Pages printing at once. @default the number of cores */
  jobs?: number;
}

/**
 * The page's own walls against the document, all up by default. For tests only (not exported from
 * src/index.ts): taking one down proves that each of the others holds alone.
 */
export interface Walls {
  /** The page runs no script. */
  javascript?: boolean;
  /** Every request is decided by the print job's policy. */
  interception?: boolean;
}

/** One HTML document to print. */
export interface PrintJob {
  html: string;
  /** Runs on the loaded page, laid out with print media and its fonts ready, just before printing (e.g. to fit the summary to one page). */
  prepare?: (page: PrintPage) => Promise<void>;
  /** Tagged, with an outline of the headings; a print that only measures leaves both out (it is faster). @default true */
  tagged?: boolean;
  /** What the page may load. @default nothing but `data:` URLs */
  policy?: RequestPolicy;
  /** Told of each request the policy refused. */
  onRefused?: OnRefused;
  /** What is being done, for messages: `printing the brief`. @default 'printing' */
  stage?: string;
  /** The document's clock: time waiting for a page, a relaunch or a browser of its own is not its work. */
  clock?: Clock;
  /** Stops the print (the document's time limit): its page is closed, or its browser stopped if that hangs. */
  signal?: AbortSignal;
}
/**
 * A loaded page, as a print job's `prepare` sees it: the only view of a page outside src/browser/.
 * The page runs no script of its own; what is evaluated here comes from briefpress, through the
 * DevTools protocol.
 */
export interface PrintPage {
  /** Run a self-contained function (sent as source text) with one argument, or an expression given as a string. */
  evaluate<T, A = undefined>(script: ((arg: A) => T) | string, arg?: A): Promise<T>;
  /** Lay the page out in a viewport of this size, in CSS pixels; left as it is for the next document. */
  setViewport(width: number, height: number): Promise<void>;
  /** The page's HTML as it is now. */
  content(): Promise<string>;
}

/** Prints HTML to PDF in one browser, with a pool of reused pages. */
export interface Renderer {
  print(job: PrintJob): Promise<Uint8Array>;
  /** Open pages for `count` prints to come (no more than the pool holds), while there is other work to do. */
  warm(count: number): void;
  close(): Promise<void>;
}

/**
 * Prints after which the shared browser is replaced, between prints. A single-process Chromium that
 * has printed some four thousand pages stops answering: its prints then hang until their time limits,
 * every one of them, with the browser idle (found by `npm run soak`, at about 1,300 documents).
 */
const recycleAfter = 1000;

/** How long a page may take to close when its print is stopped before its browser is taken to hang. */
const closeGrace = 3000;

/**
 * A renderer over a browser passed in, or over one it launches and closes. Prints share that
 * browser, which runs as one process (see launch.ts): a document that crashes it takes down every
 * print in flight. The browser is then relaunched for the prints to come, and each print it took
 * down is tried once more alone, in a fresh browser of its own, one at a time: the document that
 * caused the crash crashes that one too and fails, naming the stage; the others print, unblamed.
 * A print stopped by its document's time limit closes its page; a browser that does not let the page
 * go is hung, and is stopped and relaunched the same way.
 */
export async function createRenderer(
  options: RendererOptions = {},
  /** @internal For tests: see {@link Walls}. */
  walls: Walls = {},
): Promise<Renderer> {
  const owned = !options.browser;
  let browser = options.browser ?? (await launchBrowser(options.executablePath));
  let relaunching: Promise<void> | undefined;
  /** The browser the last relaunch replaced (or is replacing). */
  let replaced: Browser | undefined;
  let closed = false;
  let closing: Promise<void> | undefined;
  const size = Math.max(1, options.jobs ?? availableParallelism());
  const idle: Page[] = [];
  /** Pages of the current browser, idle or printing. */
  const live = new Set<Page>();
  const waiting: Array<() => void> = [];
  let opening = 0;
  let blankTaken = false;
  /** Where prints taken down by a crash are printed again, each alone (see above). */
  const alone = aloneLane(options.executablePath, walls);
  /** Prints begun in the current shared browser (see `recycleAfter`). */
  let printed = 0;
  const interrupted = () => new Error('the renderer was closed (interrupted)');

  async function acquire(): Promise<Page> {
    for (;;) {
      if (closed) throw interrupted();
      // A relaunch that fails is tried again below by the print that finds the browser still dead.
      if (relaunching) await relaunching.catch(() => undefined);
      if (owned && printed >= recycleAfter) {
        // Retiring: no new print starts; the last one to finish lets the relaunch begin.
        if (live.size === idle.length && opening === 0) void relaunch(browser).catch(() => undefined);
        else await new Promise<void>((resolve) => waiting.push(resolve));
        continue;
      }
      const page = idle.pop();
      // A page of a browser that died is dropped; the relaunch is under way or comes below.
      if (page && !page.browser().connected) live.delete(page);
      else if (page) {
        printed++;
        return page;
      }
      if (live.size + opening < size) {
        const from = browser;
        try {
          const opened = await open();
          printed++;
          return opened;
        } catch (error: unknown) {
          // The browser died before this print began: it waits for the new one, as a print not in flight.
          if (from.connected || !owned) throw error;
          await relaunch(from);
          continue;
        }
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  }

  async function open(): Promise<Page> {
    opening++;
    const from = browser;
    try {
      // A launched browser starts with one blank tab: printing in it saves opening one.
      const takeBlank = owned && !blankTaken;
      blankTaken = true;
      const blank = takeBlank ? (await from.pages())[0] : undefined;
      const page = await preparePage(blank ?? (await from.newPage()), walls);
      if (from === browser) live.add(page);
      return page;
    } catch (error: unknown) {
      waiting.shift()?.(); // the slot it would have filled is free again
      throw error;
    } finally {
      opening--;
    }
  }

  function release(page: Page): void {
    if (live.has(page) && !page.isClosed() && browser.connected) idle.push(page);
    else live.delete(page);
    waiting.shift()?.();
  }

  /** Replace a browser that died or hangs; concurrent callers share one relaunch. */
  function relaunch(dead: Browser): Promise<void> {
    if (replaced !== dead && owned && !closed) {
      replaced = dead;
      const current = (async () => {
        await stopBrowser(dead);
        idle.length = 0;
        live.clear();
        blankTaken = false;
        browser = await launchBrowser(options.executablePath);
        printed = 0;
      })()
        .catch((error: unknown) => {
          // A browser that would not start is tried again by the next print that needs one, rather
          // than every print after it going alone in a browser of its own.
          if (replaced === dead) replaced = undefined;
          throw error;
        })
        .finally(() => {
          if (relaunching === current) relaunching = undefined;
          for (const wake of waiting.splice(0)) wake();
        });
      relaunching = current;
    }
    return relaunching ?? Promise.resolve();
  }

  /** Time `job` spends in `wait` is not its document's work. */
  const wait = <T>(job: PrintJob, promise: Promise<T>) => job.clock?.waiting(promise) ?? promise;

  /** Print in the shared browser; `used` is told which browser the page was of. */
  async function printShared(job: PrintJob, used: (browser: Browser) => void): Promise<Uint8Array> {
    job.signal?.throwIfAborted();
    const page = await wait(job, acquire());
    // The deadline may have passed while this print waited (another print of its document ran on).
    if (job.signal?.aborted) {
      release(page);
      throw job.signal.reason;
    }
    const from = page.browser();
    used(from);
    const { stopping, unlisten } = untilAborted(job, () => {
      // The print is given up at once, whatever its page does: the page leaves the pool (its slot is
      // free for the next print) and is closed; a page that will not close means a hung browser.
      live.delete(page);
      const closing = page.close().then(
        () => true,
        () => false,
      );
      const timeout = new Promise<boolean>((resolve) => setTimeout(resolve, closeGrace, false).unref());
      void Promise.race([closing, timeout]).then((closedInTime) => {
        if (!closedInTime && from.connected) void relaunch(from).catch(() => undefined);
      });
    });
    const printing = printOn(page, job);
    printing.catch(() => undefined);
    try {
      return await Promise.race([printing, stopping]);
    } finally {
      unlisten();
      release(page);
    }
  }

  return {
    print(job) {
      const stage = job.stage ?? 'printing';
      const run = async () => {
        let from: Browser | undefined;
        try {
          return await printShared(job, (used) => (from = used));
        } catch (error: unknown) {
          const dead = from && !from.connected ? from : undefined;
          if (!owned || closed || !dead || job.signal?.aborted) throw printError(error, stage);
          // The prints to come get a new shared browser; this one goes alone, so that a document that
          // crashes browsers takes down no other print a second time.
          void relaunch(dead).catch(() => undefined);
          return alone.print(job, stage);
        }
      };
      return job.clock ? job.clock.printing(run) : run();
    },
    warm(count) {
      // Making a page ready takes a while, which a cold build would otherwise wait for before its first print.
      for (let more = Math.min(count, size) - live.size - opening; more > 0 && !closed; more--)
        void open().then(release, () => undefined);
    },
    close() {
      // Idempotent: an interrupt and the end of the build may both close it.
      closing ??= (async () => {
        closed = true;
        for (const wake of waiting.splice(0)) wake();
        await relaunching?.catch(() => undefined);
        await alone.close();
        if (owned) await stopBrowser(browser);
      })();
      return closing;
    },
  };
}
