// The floor of the benchmark: the leanest bare Puppeteer script that prints final HTML files to PDF.
// One browser over a pipe, its first tab reused, `--pool N` pages printing a shared queue with
// setContent, the browser killed rather than closed. No Markdown, no templates, no post-processing.
// `--serve-fonts` serves the inlined fonts from memory instead, as briefpress does (see src/fonts/font-set.ts):
// a second reference, the floor with briefpress's way with fonts and nothing else.
// Usage: node scripts/floor.mjs --browser PATH --pool N --out DIR [--serve-fonts] FILE.html...
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import puppeteer from 'puppeteer';
// Shared with the bench's warm floor. `--single-process` is the leanest way to print here (no
// print-compositor process per PDF): briefpress launches with it, and so does the floor.
import args from './floor-flags.json' with { type: 'json' };

const argv = process.argv.slice(2);
const flag = (name) => argv.splice(argv.indexOf(name), 2)[1];
const executablePath = flag('--browser');
const pool = Number(flag('--pool'));
const out = flag('--out');
const serveFonts = argv.includes('--serve-fonts');
const queue = argv.filter((arg) => arg !== '--serve-fonts');

/** Font URL → bytes; the origin is the one the templates' CSP allows. */
const fonts = new Map();
const byData = new Map();
const served = (html) =>
  html.replace(/url\(data:font\/woff2;base64,([^)]+)\)/g, (_, data) => {
    let url = byData.get(data);
    if (!url) {
      url = `http://briefpress.invalid/floor/${byData.size}.woff2`;
      byData.set(data, url);
      fonts.set(url, Buffer.from(data, 'base64'));
    }
    return `url(${url})`;
  });

const browser = await puppeteer.launch({ executablePath, pipe: true, args });
const [first] = await browser.pages();
const pages = [
  first,
  ...(await Promise.all(Array.from({ length: Math.min(pool, queue.length) - 1 }, () => browser.newPage()))),
];
if (serveFonts) {
  await Promise.all(pages.map((page) => page.setRequestInterception(true)));
  for (const page of pages) {
    page.on('request', (request) => {
      const body = fonts.get(request.url());
      void (body
        ? request.respond({
            status: 200,
            contentType: 'font/woff2',
            headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'max-age=31536000' },
            body,
          })
        : request.continue());
    });
  }
}
await Promise.all(
  pages.map(async (page) => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const html = await readFile(file, 'utf8');
      await page.setContent(serveFonts ? served(html) : html, { waitUntil: 'load' });
      await writeFile(
        path.join(out, `${path.basename(file, '.html')}.pdf`),
        await page.pdf({ preferCSSPageSize: true, printBackground: true }),
      );
    }
  }),
);
// Killed rather than closed; its end is waited for, so that its CPU time counts as this process's children's
// (scripts/cpu-report.mjs reads it as the bench's floor exits).
const child = browser.process();
const ended = child && child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : undefined;
child?.kill('SIGKILL');
await ended;
