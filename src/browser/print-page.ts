import type { Page } from 'puppeteer-core';
import { VFileMessage } from 'vfile-message';
import { errorMessage } from '../errors.js';
import type { PrintJob, PrintPage, Walls } from './print-job.js';
import { guardRequests } from './request-policy.js';

/** Load a job's HTML into a page made ready by `preparePage`, run its `prepare`, and print it. */
export async function printOn(
  page: Page,
  {
    html,
    prepare,
    layoutOnly = false,
    policy = { folders: [], allowNet: false },
    onRefused = () => undefined,
  }: PrintJob,
): Promise<Uint8Array> {
  const unguard = guardRequests(page, policy, onRefused);
  try {
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(loadAllFonts);
    await prepare?.(printPage(page));
    // After `prepare`, which reads the page's text (`innerText` skips what is hidden).
    if (layoutOnly) await page.evaluate(hideAll);
    const tagged = !layoutOnly;
    return await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged, outline: tagged });
  } finally {
    unguard();
  }
}

export async function preparePage(page: Page, { javascript = true, interception = true }: Walls = {}): Promise<Page> {
  // The document is untrusted: its page runs no script (briefpress measures from outside), and every
  // request it makes is decided by the print job's policy (see `guardRequests`). Both are in force
  // before the page is used; they are asked for at once, which saves a round trip to the browser.
  // Print media from the start: measuring a page then needs no switch, and so no extra layouts.
  await Promise.all([
    page.setJavaScriptEnabled(!javascript),
    page.setRequestInterception(interception),
    page.emulateMediaType('print'),
  ]);
  // Puppeteer's own 30 s limits would cut short a heavy document that its time limit allows; the
  // document's deadline stops a print instead (see `createRenderer`).
  page.setDefaultTimeout(0);
  page.setDefaultNavigationTimeout(0);
  return page;
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

/** Load every declared face: a font used only in a margin box is otherwise missing from the print. */
const loadAllFonts = `Promise.all([...document.fonts].map((face) => face.load().catch(() => undefined))).then(() => document.fonts.ready).then(() => undefined)`;

/**
 * Hide everything a layout-only print would paint. `visibility` moves nothing (a hidden box keeps
 * its place, unlike `display: none`), so the pages break where they do in the full print; and Chromium
 * writes a link target's named destination from its laid-out box, painted or not. Not painting the text
 * spares the print its glyphs, font subsets and compressed page contents, and images their decoding.
 */
const hideAll = `document.head.append(Object.assign(document.createElement('style'), {
  textContent: '*, *::before, *::after, *::marker { visibility: hidden !important; }',
}))`;

/** Errors of Puppeteer that mean the page or the browser went away mid-print. */
const lost = new Set(['TargetCloseError', 'ConnectionClosedError']);

/**
 * What went wrong in a print, as one line saying what to do: Puppeteer's own text (`Timed out after
 * waiting 30000ms`, `Protocol error (Page.printToPDF): …`) never reaches a report. A document's own
 * messages (e.g. the page limit, thrown by `prepare`) pass through as they are.
 */
export function printError(error: unknown, stage: string): unknown {
  if (error instanceof VFileMessage) return error;
  const name = error instanceof Error ? error.name : '';
  const text = errorMessage(error);
  if (name === 'TimeoutError')
    return new Error(
      `the browser did not finish ${stage} in time: simplify the document, or raise the limit (--timeout)`,
      { cause: error },
    );
  if (lost.has(name) || /Target closed|Session closed|Connection closed|crash/i.test(text))
    return new Error(`the browser stopped while ${stage}: build again; if it happens again, simplify the document`, {
      cause: error,
    });
  if (name === 'ProtocolError' || /^Protocol error/.test(text))
    return new Error(
      `the browser refused ${stage} (${text.replace(/^Protocol error \([^)]*\):\s*/, '')}): simplify the document`,
      { cause: error },
    );
  return error;
}

/**
 * A promise that rejects when the job's deadline passes (after running `stop`), to race a print
 * with: a print is given up at once, whatever its page is doing.
 */
export function untilAborted(job: PrintJob, stop: () => void): { stopping: Promise<never>; unlisten: () => void } {
  let reject: (reason: unknown) => void = () => undefined;
  const stopping = new Promise<never>((_, fail) => (reject = fail));
  stopping.catch(() => undefined);
  const listener = () => {
    stop();
    reject(job.signal?.reason);
  };
  job.signal?.addEventListener('abort', listener, { once: true });
  return { stopping, unlisten: () => job.signal?.removeEventListener('abort', listener) };
}
