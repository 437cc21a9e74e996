// The floor of the benchmark: the leanest bare Puppeteer script that prints final HTML files to PDF.
// One browser over a pipe, its first tab reused, `--pool N` pages printing a shared queue with
// setContent, the browser killed rather than closed. No Markdown, no templates, no post-processing.
// Usage: node scripts/floor.mjs --browser PATH --pool N --out DIR FILE.html...
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
const queue = [...argv];

const browser = await puppeteer.launch({ executablePath, pipe: true, args });
const [first] = await browser.pages();
const pages = [first, ...(await Promise.all(Array.from({ length: Math.min(pool, queue.length) - 1 }, () => browser.newPage())))];
await Promise.all(
  pages.map(async (page) => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      await page.setContent(await readFile(file, 'utf8'), { waitUntil: 'load' });
      await writeFile(path.join(out, path.basename(file, '.html') + '.pdf'), await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    }
  }),
);
browser.process()?.kill('SIGKILL');
