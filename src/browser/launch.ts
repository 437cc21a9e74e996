import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { BrowserNotFoundError, errorMessage } from '../errors.js';

/** Flags for a headless Chromium that may run as root and must not phone home. */
const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-extensions',
  '--disable-quic',
  '--font-render-hinting=none',
  // Chromium otherwise starts a print-compositor process for every `page.pdf` (CPU for each):
  // in one process a seed's two PDFs print in about half the time, and the batch needs a fraction
  // of the memory. A crash then takes the whole browser down, which `createRenderer` relaunches.
  '--single-process',
];

/**
 * Chromium's headless shell first: the same Blink and Skia print the same bytes, but it starts in a
 * third of the time and prints a page in a tenth of the CPU of the full browser in headless mode
 * (docs/benchmarks.md), with no browser UI, profile or extensions to load.
 */
const shellNames = ['chromium-headless-shell', 'chrome-headless-shell'];
const systemNames = [...shellNames, 'chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

/** Whether an executable is a headless shell, which takes `--headless` rather than `--headless=new`. */
export function isHeadlessShell(executable: string): boolean {
  return shellNames.includes(path.basename(executable));
}
export const macPath = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';

const howToGetOne =
  'install one with your OS package (e.g. `apt-get install chromium-headless-shell`, or `chromium`) or `npx puppeteer browsers install chrome`, ' +
  'or point --browser or BRIEFPRESS_BROWSER at an executable';

/**
 * The browser to launch: `explicit` (--browser), `BRIEFPRESS_BROWSER`, `PUPPETEER_EXECUTABLE_PATH`, a
 * system Chromium or Chrome on the PATH (as `.puppeteerrc.cjs` prefers it to a download), then the
 * browser `npm install` downloaded for Puppeteer: the `puppeteer` package, slow to load, is asked only
 * then. `places` are for tests: where else to look, and how to find the download.
 */
export async function resolveExecutable(
  explicit?: string,
  env: NodeJS.ProcessEnv = process.env,
  places: { fixed?: string[]; downloaded?: () => Promise<string | undefined> } = {},
): Promise<string> {
  const { fixed = [macPath], downloaded = puppeteerDownload } = places;
  const configured = explicit || env.BRIEFPRESS_BROWSER || env.PUPPETEER_EXECUTABLE_PATH;
  if (configured) {
    if (existsSync(configured)) return configured;
    throw new BrowserNotFoundError(`no browser at ${configured}: ${howToGetOne}`);
  }
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const system = [...systemNames.flatMap((name) => dirs.map((dir) => path.join(dir, name))), ...fixed].find((file) =>
    existsSync(file),
  );
  if (system) return unwrapped(system);
  const download = await downloaded();
  if (download && existsSync(download)) return download;
  throw new BrowserNotFoundError(`no Chromium or Chrome found: ${howToGetOne}`);
}

/**
 * The binary a launcher script runs, when the script only runs it: Debian's
 * `/usr/bin/chromium-headless-shell` is `/usr/lib/chromium/chromium-headless-shell "$@"` without
 * `exec`, so that stopping the script (what a crash or a stop does to the browser's process) would
 * leave the real browser running, holding the DevTools pipe and its temporary files.
 */
function unwrapped(file: string): string {
  let text: string;
  try {
    if (statSync(file).size > 4096) return file;
    text = readFileSync(file, 'latin1');
  } catch {
    return file;
  }
  if (!text.startsWith('#!')) return file;
  const commands = text.split('\n').filter((line) => line.trim() && !line.startsWith('#'));
  const only = commands.length === 1 && /^\s*(?:exec\s+)?(\/\S+)\s+"\$@"\s*$/.exec(commands[0]!)?.[1];
  return only && shellNames.includes(path.basename(only)) && existsSync(only) ? only : file;
}

async function puppeteerDownload(): Promise<string | undefined> {
  const { default: puppeteer } = await import('puppeteer');
  return safely(() => puppeteer.executablePath());
}

/** The temporary folder each launched browser was given. */
const temps = new WeakMap<Browser, string>();

/** Launch a headless browser; the caller stops it with {@link stopBrowser}. */
export async function launchBrowser(executable?: string): Promise<Browser> {
  // Imported on first use: loading Puppeteer costs a few hundred milliseconds that `--help`,
  // a failed argument check or a build with nothing to print should not pay. puppeteer-core, the
  // part that drives a browser, is bundled into `dist/` (see tsup.config.ts).
  const [{ default: puppeteer }, executablePath] = await Promise.all([
    import('puppeteer-core'),
    resolveExecutable(executable),
  ]);
  // Chromium's own temporary files go into a folder of this browser's, removed when it is stopped.
  const temp = await mkdtemp(path.join(shortTemp(), 'bp-'));
  try {
    // Signals are the CLI's to handle: Puppeteer's own SIGINT handler exits at once and leaves its
    // temporary profile behind, where closing the browser removes it.
    const browser = await puppeteer.launch({
      executablePath,
      headless: isHeadlessShell(executablePath) ? 'shell' : true,
      pipe: true,
      args,
      env: { ...process.env, TMPDIR: temp },
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    temps.set(browser, temp);
    return browser;
  } catch (error: unknown) {
    await rm(temp, { recursive: true, force: true });
    throw new BrowserNotFoundError(
      `could not start the browser at ${executablePath} (${errorMessage(error)}): ${howToGetOne}`,
      { cause: error },
    );
  }
}

/**
 * Where a browser's temporary folder goes: the system's, unless it is too deep. Chromium binds a Unix
 * socket in it, `…/bp-XXXXXX/org.chromium.Chromium.XXXXXX/SingletonSocket`, and a socket's path may
 * have 107 bytes at most: past that Chromium cannot start (macOS's temporary folder alone has 49).
 */
function shortTemp(): string {
  const system = tmpdir();
  return Buffer.byteLength(system) <= 52 || process.platform === 'win32' ? system : '/tmp';
}

/**
 * Stop a launched browser at once: after printing there is nothing left to save, and an orderly
 * shutdown costs a quarter of a second. A killed Chromium leaves temporary files (its
 * `org.chromium.Chromium.*` folders): they are in the browser's own folder, removed with it.
 */
export async function stopBrowser(browser: Browser): Promise<void> {
  killTree(browser);
  // Now only waits for the process to end, and removes Puppeteer's temporary profile.
  await browser.close().catch(() => undefined);
  const temp = temps.get(browser);
  if (temp) await rm(temp, { recursive: true, force: true });
}

/**
 * Kill a browser and every process it started: Puppeteer starts it as the leader of its own process
 * group (off Windows), so a launcher script's child or a zygote is not left behind.
 */
function killTree(browser: Browser): void {
  const child = browser.process();
  if (!child?.pid) return;
  try {
    if (process.platform !== 'win32') return void process.kill(-child.pid, 'SIGKILL');
  } catch {
    // no such group (it has ended): the process itself, below
  }
  child.kill('SIGKILL');
}

function safely<T>(get: () => T): T | undefined {
  try {
    return get();
  } catch {
    return undefined;
  }
}
