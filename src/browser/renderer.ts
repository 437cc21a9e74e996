import { availableParallelism } from 'node:os';
import type { Browser } from 'puppeteer-core';
import { launchBrowser } from './launch.js';
import { PagePool } from './page-pool.js';
import type { Renderer, Walls } from './print-job.js';

export type { PrintJob, PrintPage, Renderer, Walls } from './print-job.js';

export interface RendererOptions {
  /** A browser to use; it is left open on `close()`. @default one launched and closed by the renderer */
  browser?: Browser;
  /** Executable for a launched browser. @default see `resolveExecutable` */
  executablePath?: string;
  /** Pages printing at once. @default the number of cores */
  jobs?: number;
}

/**
 * A renderer over a browser passed in, or over one it launches and closes. Prints share that
 * browser, which runs as one process (see launch.ts); its pages, relaunches and crashes are the
 * {@link PagePool}'s, their one owner.
 */
export async function createRenderer(
  options: RendererOptions = {},
  /** @internal For tests: see {@link Walls}. */
  walls: Walls = {},
): Promise<Renderer> {
  const browser = options.browser ?? (await launchBrowser(options.executablePath));
  const pool = new PagePool(browser, {
    size: Math.max(1, options.jobs ?? availableParallelism()),
    owned: !options.browser,
    executablePath: options.executablePath,
    walls,
  });
  return {
    print: (job) => (job.clock ? job.clock.printing(() => pool.print(job)) : pool.print(job)),
    // Making a page ready takes a while, which a cold build would otherwise wait for before its first print.
    warm: (count) => pool.warm(count),
    close: () => pool.close(),
  };
}

/**
 * The one place a run's renderer is made (the CLI's commands and `build` alike): launched at once,
 * so that it starts while other work goes on. A launch that fails is the caller's to report, once.
 */
export function startRenderer(settings: { browser?: string; jobs?: number }): Promise<Renderer> {
  const renderer = createRenderer({ executablePath: settings.browser, jobs: settings.jobs });
  renderer.catch(() => undefined);
  return renderer;
}
