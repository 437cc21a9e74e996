import { availableParallelism } from 'node:os';
import type { Browser, Page } from 'puppeteer-core';
import { errorMessage } from '../errors.js';
import { launchBrowser, stopBrowser } from './launch.js';
import { guardRequests, type OnRefused, type RequestPolicy } from './request-policy.js';

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
  /** Told when the browser died during this job and the job is printed again in a new one. */
  onRetry?: (reason: string) => void;
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
 * A renderer over a browser passed in, or over one it launches and closes. A launched browser that
 * crashes or disconnects is relaunched, and each print it took down is tried once more.
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

  async function acquire(): Promise<Page> {
    for (;;) {
      if (closed) throw new Error('the renderer was closed (interrupted)');
      const page = idle.pop();
      if (page) return page;
      if (live.size + opening < size) return open();
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

  /** Replace a browser that died; concurrent callers share one relaunch. */
  async function relaunch(dead: Browser): Promise<void> {
    if (replaced !== dead) {
      replaced = dead;
      relaunching = (async () => {
        await stopBrowser(dead);
        idle.length = 0;
        live.clear();
        blankTaken = false;
        browser = await launchBrowser(options.executablePath);
        for (const wake of waiting.splice(0)) wake();
      })();
    }
    await relaunching;
  }

  async function printOnce({
    html,
    prepare,
    tagged = true,
    policy = { folders: [], allowNet: false },
    onRefused = () => undefined,
  }: PrintJob): Promise<Uint8Array> {
    const page = await acquire();
    const unguard = guardRequests(page, policy, onRefused);
    try {
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate(loadAllFonts);
      await prepare?.(printPage(page));
      return await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged, outline: tagged });
    } finally {
      unguard();
      release(page);
    }
  }

  return {
    async print(job) {
      const used = browser;
      try {
        return await printOnce(job);
      } catch (error: unknown) {
        const dead = !browser.connected ? browser : !used.connected ? used : undefined;
        if (!owned || closed || !dead) throw error;
        await relaunch(dead);
        const pdf = await printOnce(job);
        job.onRetry?.(`the browser stopped while printing (${errorMessage(error)}); printed again in a new one`);
        return pdf;
      }
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
        if (owned) await stopBrowser(browser);
      })();
      return closing;
    },
  };
}

function printPage(page: Page): PrintPage {
  return {
    evaluate: <T, A>(script: ((arg: A) => T) | string, arg?: A) =>
      page.evaluate(script as never, arg as never) as Promise<T>,
    async setViewport(width, height) {
      // Most documents are the same size, and each change costs a layout.
      const viewport = page.viewport();
      if (viewport?.width !== width || viewport.height !== height) await page.setViewport({ width, height });
    },
    content: () => page.content(),
  };
}

async function preparePage(page: Page, { javascript = true, interception = true }: Walls): Promise<Page> {
  // The document is untrusted: its page runs no script (briefpress measures from outside), and every
  // request it makes is decided by the print job's policy (see `guardRequests`). Both are in force
  // before the page is used; they are asked for at once, which saves a round trip to the browser.
  // Print media from the start: measuring a page then needs no switch, and so no extra layouts.
  await Promise.all([
    page.setJavaScriptEnabled(!javascript),
    page.setRequestInterception(interception),
    page.emulateMediaType('print'),
  ]);
  return page;
}

/** Load every declared face: a font used only in a margin box is otherwise missing from the print. */
const loadAllFonts = `Promise.all([...document.fonts].map((face) => face.load().catch(() => undefined))).then(() => document.fonts.ready).then(() => undefined)`;
