import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Handlebars from 'handlebars';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, stopBrowser } from '../src/browser/launch.js';
import { createRenderer, type Walls } from '../src/browser/renderer.js';
import { fontOrigin } from '../src/fonts/font-set.js';
import { pdfInfo, pdfText, root, tempDir } from './helpers.js';

/**
 * The page's walls, each tested alone. The sanitizer and the image step remove every hostile thing
 * before the page sees it, so these tests print HTML that still holds them, straight through the
 * renderer: a live script, an inline event handler, a `file:` iframe, a remote image and a remote
 * font. The walls: JavaScript off in the page, the template's Content Security Policy, and the
 * interception of every request.
 */

/** The Content Security Policy exactly as the shipped template writes it. */
async function templateCsp(): Promise<string> {
  const head = await readFile(path.join(root, 'templates', 'partials', 'head.hbs'), 'utf8');
  const meta = /<meta http-equiv="Content-Security-Policy"[^>]*>/.exec(head)?.[0];
  if (!meta) throw new Error('templates/partials/head.hbs has no Content-Security-Policy');
  return Handlebars.compile(meta)({ fontOrigin, allowNet: false });
}

function hostilePage(origin: string, canary: string, csp: string): string {
  return `<!doctype html><html><head><meta charset="utf-8">${csp}
<title>The original title</title>
<style>@font-face { font-family: Remote; src: url(${origin}/remote-font.woff2); } .remote { font-family: Remote, serif; }</style>
</head><body>
<p id="text">The original text stays.</p>
<script>document.getElementById('text').textContent = 'REWRITTEN BY A SCRIPT'; document.title = 'SCRIPT TITLE';</script>
<img src="data:," alt="" onerror="document.body.insertAdjacentText('beforeend', 'AN INLINE HANDLER RAN')">
<img src="${origin}/remote-image.png" alt="">
<iframe src="${pathToFileURL(canary).href}"></iframe>
<p class="remote">Set in a remote font.</p>
</body></html>`;
}

interface Printed {
  text: string;
  title: string;
  /** Paths the loopback listener was asked for. */
  reached: string[];
  /** URLs the renderer reported as refused. */
  refused: string[];
}

describe('the walls of the printing page', () => {
  let browser: Browser;
  let server: Server;
  let origin: string;
  let dir: string;
  let canary: string;
  let csp: string;
  const paths: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      paths.push(request.url ?? '');
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dir = await tempDir('briefpress-walls-');
    // A file of the test's own, outside every folder the policy allows (it allows none).
    canary = path.join(dir, 'canary.txt');
    await writeFile(canary, 'CANARY-51c2 a secret the page must not print\n');
    csp = await templateCsp();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await stopBrowser(browser);
    await new Promise((resolve) => server.close(resolve));
  });

  async function print(walls: Walls, withCsp: boolean): Promise<Printed> {
    paths.length = 0;
    const refused: string[] = [];
    const renderer = await createRenderer({ browser, jobs: 1 }, walls);
    try {
      const pdf = await renderer.print({
        html: hostilePage(origin, canary, withCsp ? csp : ''),
        policy: { folders: [], allowNet: false },
        onRefused: (url) => refused.push(url),
      });
      const file = path.join(dir, `print-${Math.random().toString(36).slice(2)}.pdf`);
      await writeFile(file, pdf);
      return {
        text: (await pdfText(file)).replace(/\s+/g, ' '),
        title: (await pdfInfo(file)).Title ?? '',
        reached: [...paths],
        refused,
      };
    } finally {
      await renderer.close();
    }
  }

  const scriptsRan = (printed: Printed) =>
    printed.text.includes('REWRITTEN BY A SCRIPT') ||
    printed.text.includes('AN INLINE HANDLER RAN') ||
    printed.title === 'SCRIPT TITLE';

  it('should be able to fail: with every wall down the script runs and the requests go out', async () => {
    const printed = await print({ javascript: false, interception: false }, false);
    expect(printed.text).toContain('REWRITTEN BY A SCRIPT');
    expect(printed.text).toContain('AN INLINE HANDLER RAN');
    expect(printed.title).toBe('SCRIPT TITLE');
    expect(printed.reached.sort()).toEqual(['/remote-font.woff2', '/remote-image.png']);
  });

  it('should run no script, reach no server, print no file, and report each refusal with every wall up', async () => {
    const printed = await print({}, true);
    expect(scriptsRan(printed)).toBe(false);
    expect(printed.text).toContain('The original text stays.');
    expect(printed.title).toBe('The original title');
    expect(printed.text).not.toContain('CANARY-51c2');
    expect(printed.reached).toEqual([]);
    for (const url of [`${origin}/remote-image.png`, `${origin}/remote-font.woff2`, pathToFileURL(canary).href])
      expect(printed.refused, url).toContain(url);
  });

  it('should run no script with JavaScript off alone (no CSP, no interception)', async () => {
    const printed = await print({ interception: false }, false);
    expect(scriptsRan(printed)).toBe(false);
    expect(printed.text).toContain('The original text stays.');
    expect(printed.text).not.toContain('CANARY-51c2');
  });

  it("should run no script and reach no server with the template's CSP alone, and report what it blocked", async () => {
    const printed = await print({ javascript: false, interception: false }, true);
    expect(scriptsRan(printed)).toBe(false);
    expect(printed.text).toContain('The original text stays.');
    expect(printed.reached).toEqual([]);
    expect(printed.text).not.toContain('CANARY-51c2');
    for (const url of [`${origin}/remote-image.png`, `${origin}/remote-font.woff2`, pathToFileURL(canary).href])
      expect(printed.refused, url).toContain(url);
  });

  it('should reach no server and print no file with the request interception alone, and report each refusal', async () => {
    const printed = await print({ javascript: false }, false);
    // No JS wall and no CSP here: the script runs, which shows this page is live, yet nothing loads.
    expect(printed.text).toContain('REWRITTEN BY A SCRIPT');
    expect(printed.reached).toEqual([]);
    expect(printed.text).not.toContain('CANARY-51c2');
    for (const url of [`${origin}/remote-image.png`, `${origin}/remote-font.woff2`, pathToFileURL(canary).href])
      expect(printed.refused, url).toContain(url);
  });
});
