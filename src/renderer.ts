import { availableParallelism } from 'node:os';
import type { Browser, Page } from 'puppeteer';
import { launchBrowser } from './browser.js';
import { guardRequests, type OnRefused, type RequestPolicy } from './request-policy.js';

export interface RendererOptions {
  /** A browser to use; it is left open on `close()`. @default one launched and closed by the renderer */
  browser?: Browser;
  /** Executable for a launched browser. @default see `resolveExecutable` */
  executablePath?: string;
  /** Pages printing at once. @default the number of cores */
  jobs?: number;
}

/** One HTML document to print. */
export interface PrintJob {
  html: string;
  /** Runs on the loaded page, fonts ready, just before printing (e.g. to fit the summary to one page). */
  prepare?: (page: Page) => Promise<void>;
  /** What the page may load. @default nothing but `data:` URLs */
  policy?: RequestPolicy;
  /** Told of each request the policy refused. */
  onRefused?: OnRefused;
}

/** Prints HTML to PDF in one browser, with a pool of reused pages. */
export interface Renderer {
  print(job: PrintJob): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** A renderer over a browser passed in, or over one it launches and closes. */
export async function createRenderer(options: RendererOptions = {}): Promise<Renderer> {
  const owned = !options.browser;
  const browser = options.browser ?? (await launchBrowser(options.executablePath));
  const size = Math.max(1, options.jobs ?? availableParallelism());
  const idle: Page[] = [];
  const waiting: Array<(page: Page) => void> = [];
  let created = 0;

  async function acquire(): Promise<Page> {
    const page = idle.pop();
    if (page) return page;
    if (created < size) {
      created++;
      return preparePage(await openPage(created === 1));
    }
    return new Promise((resolve) => waiting.push(resolve));
  }

  async function openPage(first: boolean): Promise<Page> {
    // A launched browser starts with one blank tab: printing in it saves opening one (≈ 0.1 s).
    const blank = owned && first ? (await browser.pages())[0] : undefined;
    return blank ?? browser.newPage();
  }

  function release(page: Page): void {
    const next = waiting.shift();
    if (next) next(page);
    else idle.push(page);
  }

  return {
    async print({ html, prepare, policy = { folders: [], allowNet: false }, onRefused = () => undefined }) {
      const page = await acquire();
      const unguard = guardRequests(page, policy, onRefused);
      try {
        await page.setContent(html, { waitUntil: 'load' });
        await page.evaluate(loadAllFonts);
        await prepare?.(page);
        return await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
      } finally {
        unguard();
        release(page);
      }
    },
    async close() {
      if (owned) await browser.close();
    },
  };
}

async function preparePage(page: Page): Promise<Page> {
  // The document is untrusted: its page runs no script, and briefpress measures from outside.
  await page.setJavaScriptEnabled(false);
  // Every request the page makes is then decided by the print job's policy (see `guardRequests`).
  await page.setRequestInterception(true);
  return page;
}

/** Load every declared face: a font used only in a margin box is otherwise missing from the print. */
const loadAllFonts = `Promise.all([...document.fonts].map((face) => face.load().catch(() => undefined))).then(() => document.fonts.ready).then(() => undefined)`;
