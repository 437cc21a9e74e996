/**
 * Soak: one build() of many documents (SOAK_DOCS, default 2,000: mixed sizes, a few hostile), to see
 * that time per document stays flat from the first quarter of the run to the last, that memory is
 * bounded, and that nothing is left behind. `npm run soak`; results go in docs/benchmarks.md.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { heavyDocuments, hugeTitle } from '../tests/fixtures/hostile/batch.js';

const count = Number(process.env.SOAK_DOCS ?? 2000);
const root = mkdtempSync(path.join(tmpdir(), 'bp-soak-'));
const content = path.join(root, 'content');
const temp = path.join(root, 'tmp');
mkdirSync(content);
mkdirSync(temp);
// The browser's temporary files go here (see launch.ts), to be counted at the end.
process.env.TMPDIR = temp;
// The built package, as the bench uses: the summary's fitting evaluates functions in the page, which
// tsx would compile with helpers the page lacks.
const { build } = await import(new URL('../dist/index.js', import.meta.url).href);

const heavy = Object.values(heavyDocuments(0.3));
const paragraph = (i: number) => `Point ${i} of the brief, with a reason and a number (${i * 7}%).`;
const hostile = [
  hugeTitle,
  '---\ntitle: [unclosed\n---\n\nText.\n',
  `---\ntitle: Stars\n---\n\n${'*a'.repeat(3000)}\n`,
  `---\ntitle: Deep\n---\n\n${'> '.repeat(200)}deep\n`,
];
writeFileSync(path.join(root, 'secret.md'), '---\ntitle: Secret\n---\n\nCANARY\n');
for (let i = 0; i < count; i++) {
  const name = path.join(content, `doc-${String(i).padStart(4, '0')}.md`);
  if (i % 250 === 249) symlinkSync('../secret.md', name);
  else if (i % 100 === 50) writeFileSync(name, hostile[((i / 100) % hostile.length) | 0]!);
  else if (i % 40 === 7) writeFileSync(name, heavy[i % heavy.length]!);
  else {
    const sections = 1 + (i % 6);
    const body = Array.from(
      { length: sections },
      (_, s) => `## Section ${s}\n\n${Array.from({ length: 2 + (i % 5) }, (_, p) => paragraph(p)).join(' ')}\n`,
    );
    writeFileSync(
      name,
      `---\ntitle: Brief ${i}\ndate: 2026-03-01\n---\n\nThe bottom line of brief ${i}.\n\n${body.join('\n')}`,
    );
  }
}
copyFileSync(path.join(content, 'doc-0000.md'), path.join(root, 'first.md'));

/** RSS in MB of this process's Chromium processes (children and their descendants). */
function chromiumRss(): number {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,comm='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((row) => row.trim().split(/\s+/))
    .map(([pid, ppid, rss, comm]) => ({ pid: Number(pid), ppid: Number(ppid), rss: Number(rss), comm: comm ?? '' }));
  const ours = new Set([process.pid]);
  let total = 0;
  for (let grew = true; grew; ) {
    grew = false;
    for (const row of rows)
      if (ours.has(row.ppid) && !ours.has(row.pid)) {
        ours.add(row.pid);
        if (/chrom/i.test(row.comm)) total += row.rss;
        grew = true;
      }
  }
  return total / 1024;
}
const mb = (bytes: number) => bytes / 1024 / 1024;
let peakNode = 0;
let peakChromium = 0;
const sample = () => {
  peakNode = Math.max(peakNode, mb(process.memoryUsage().rss));
  peakChromium = Math.max(peakChromium, chromiumRss());
};
const sampler = setInterval(sample, 1000);
// A batch that stops making progress is the worst failure a soak can find: say so while it is stuck.
const stall = setInterval(() => {
  const last = done.at(-1) ?? started;
  if (performance.now() - last > 180_000)
    process.stderr.write(`stalled: no document done for 3 minutes, at ${done.length}/${count}\n`);
}, 60_000);

const done: number[] = [];
const started = performance.now();
let failed = 0;
const results = await build(
  readdirSync(content)
    .sort()
    .map((name) => ({ path: path.join(content, name), root: content })),
  {
    outputs: ['brief', 'summary'],
    onResult: (result: { error?: string }) => {
      done.push(performance.now());
      if (result.error) failed++;
      if (result.error && process.env.SOAK_VERBOSE) process.stderr.write(`${result.error}\n`);
      if (done.length % 100 === 0) process.stderr.write(`${done.length}/${count}\n`);
    },
  },
);
clearInterval(sampler);
clearInterval(stall);
sample();
const elapsed = performance.now() - started;
const quarter = Math.floor(count / 4);
const perDocument = [0, 1, 2, 3].map((q) => {
  const from = q === 0 ? started : done[q * quarter - 1]!;
  const to = done[(q + 1) * quarter - 1]!;
  return (to - from) / quarter;
});
await new Promise((resolve) => setTimeout(resolve, 500));
const leftover = chromiumRss();
// tsx keeps its own cache under TMPDIR: not briefpress's.
const tempFiles = readdirSync(temp).filter((name) => !name.startsWith('tsx-'));
if (process.env.SOAK_VERBOSE) console.log(tempFiles);
const refusedLinks = (results as Array<{ error?: string }>).filter((result) =>
  /is a link to/.test(result.error ?? ''),
).length;
console.log(`documents: ${count} (${failed} failed: ${refusedLinks} links out, the rest hostile)`);
console.log(`wall time: ${(elapsed / 1000).toFixed(0)} s, ${(elapsed / count).toFixed(0)} ms a document`);
console.log(`ms a document by quarter: ${perDocument.map((ms) => ms.toFixed(0)).join(', ')}`);
console.log(
  `last quarter / first: ${(perDocument[3]! / perDocument[0]!).toFixed(2)}×; / second (after the start-up): ${(perDocument[3]! / perDocument[1]!).toFixed(2)}×`,
);
console.log(`Node RSS: peak ${peakNode.toFixed(0)} MB, final ${mb(process.memoryUsage().rss).toFixed(0)} MB`);
console.log(`Chromium RSS: peak ${peakChromium.toFixed(0)} MB, left running after: ${leftover.toFixed(0)} MB`);
console.log(`temporary files left: ${tempFiles.length}`);
rmSync(root, { recursive: true, force: true });
