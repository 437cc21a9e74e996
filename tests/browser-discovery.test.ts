import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isHeadlessShell, resolveExecutable } from '../src/browser/launch.js';
import { BrowserNotFoundError } from '../src/errors.js';
import { tempDir } from './helpers.js';

/** A folder of fake executables (empty scripts), for a search path the test controls. */
async function bin(...names: string[]): Promise<string> {
  const dir = await tempDir('briefpress-bin-');
  for (const name of names) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), '#!/bin/sh\n');
    await chmod(path.join(dir, name), 0o755);
  }
  return dir;
}

/** Nothing anywhere but where the test says: no mac app, no Puppeteer download. */
const nowhere = { fixed: [], downloaded: async () => undefined };

describe('finding a browser', () => {
  it('should say how to get one when the search path, the fixed places and the download are all empty', async () => {
    const empty = await bin();
    const found = resolveExecutable(undefined, { PATH: empty }, nowhere);
    await expect(found).rejects.toBeInstanceOf(BrowserNotFoundError);
    await expect(found).rejects.toThrow(/no Chromium or Chrome found: .*npx puppeteer browsers install chrome/);
  });

  it('should take --browser, then BRIEFPRESS_BROWSER, then PUPPETEER_EXECUTABLE_PATH, and name a missing one', async () => {
    const dir = await bin('flag', 'ours', 'puppeteers', 'chromium');
    const [flag, ours, puppeteers] = ['flag', 'ours', 'puppeteers'].map((name) => path.join(dir, name));
    const env = { PATH: dir, BRIEFPRESS_BROWSER: ours, PUPPETEER_EXECUTABLE_PATH: puppeteers };
    expect(await resolveExecutable(flag, env, nowhere)).toBe(flag);
    expect(await resolveExecutable(undefined, env, nowhere)).toBe(ours);
    expect(await resolveExecutable(undefined, { ...env, BRIEFPRESS_BROWSER: '' }, nowhere)).toBe(puppeteers);
    await expect(resolveExecutable(path.join(dir, 'gone'), env, nowhere)).rejects.toThrow(/no browser at .*gone: /);
  });

  it('should prefer Chromium to Chrome on the PATH, and the first folder of the PATH', async () => {
    const first = await bin('google-chrome');
    const second = await bin('chromium', 'google-chrome');
    const PATH = [first, second].join(path.delimiter);
    expect(await resolveExecutable(undefined, { PATH }, nowhere)).toBe(path.join(second, 'chromium'));
    expect(await resolveExecutable(undefined, { PATH: first }, nowhere)).toBe(path.join(first, 'google-chrome'));
  });

  it('should prefer a headless shell to Chromium, and launch it as a shell', async () => {
    const dir = await bin('chromium', 'chromium-headless-shell');
    const second = await bin('chrome-headless-shell');
    expect(await resolveExecutable(undefined, { PATH: dir }, nowhere)).toBe(path.join(dir, 'chromium-headless-shell'));
    expect(await resolveExecutable(undefined, { PATH: second }, nowhere)).toBe(
      path.join(second, 'chrome-headless-shell'),
    );
    expect(isHeadlessShell(path.join(dir, 'chromium-headless-shell'))).toBe(true);
    expect(isHeadlessShell(path.join(dir, 'chromium'))).toBe(false);
  });

  it('should launch the shell a launcher script only runs, so that stopping it stops the browser', async () => {
    // Debian's /usr/bin/chromium-headless-shell runs the real one without `exec`: killing the script
    // would leave the browser running, with the DevTools pipe and its temporary files.
    const lib = await bin('lib/chromium-headless-shell');
    const real = path.join(lib, 'lib/chromium-headless-shell');
    const dir = await bin();
    await writeFile(path.join(dir, 'chromium-headless-shell'), `#!/bin/sh -e\n\n${real} "$@"\n`, { mode: 0o755 });
    expect(await resolveExecutable(undefined, { PATH: dir }, nowhere)).toBe(real);
    // A script that does more than run it is taken as it is.
    const busy = await bin();
    await writeFile(path.join(busy, 'chromium-headless-shell'), `#!/bin/sh\nexport A=1\n${real} "$@"\n`, {
      mode: 0o755,
    });
    expect(await resolveExecutable(undefined, { PATH: busy }, nowhere)).toBe(
      path.join(busy, 'chromium-headless-shell'),
    );
  });

  it('should look in the fixed places (the macOS app) after the PATH, then at the download', async () => {
    const empty = await bin();
    const apps = await bin('Google Chrome.app/Contents/MacOS/Google Chrome', 'downloaded/chrome');
    const app = path.join(apps, 'Google Chrome.app/Contents/MacOS/Google Chrome');
    const download = path.join(apps, 'downloaded/chrome');
    expect(await resolveExecutable(undefined, { PATH: empty }, { ...nowhere, fixed: [app] })).toBe(app);
    expect(await resolveExecutable(undefined, { PATH: empty }, { fixed: [], downloaded: async () => download })).toBe(
      download,
    );
    // A download Puppeteer names but never made is no browser.
    await expect(
      resolveExecutable(undefined, { PATH: empty }, { fixed: [], downloaded: async () => `${download}-gone` }),
    ).rejects.toThrow(/no Chromium or Chrome found/);
  });
});
