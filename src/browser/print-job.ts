import type { Clock } from '../document/time-limit.js';
import type { OnRefused, RequestPolicy } from './request-policy.js';

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
  /**
   * A print that is only read for where its link targets fall (the contents' pages): laid out the same,
   * but nothing painted, untagged and without an outline, which makes it a fraction of a full print.
   * @default false
   */
  layoutOnly?: boolean;
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
 * Print `job`, measuring its loaded page first: the PDF and what `measure` read from the page (it may
 * also throw, which stops the print). Any {@link Renderer} does, as this rides on its `prepare`.
 */
export async function printMeasuring<T>(
  renderer: Renderer,
  job: Omit<PrintJob, 'prepare'>,
  measure: (page: PrintPage) => Promise<T>,
): Promise<{ pdf: Uint8Array; measured: T }> {
  const measured: T[] = [];
  const pdf = await renderer.print({ ...job, prepare: async (page) => void measured.push(await measure(page)) });
  // A renderer retries a print that a crash took down: the last measure is of the page that printed.
  return { pdf, measured: measured.at(-1) as T };
}
