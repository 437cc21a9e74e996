// `npm run bench`: briefpress against the bare-Chromium floor and other tools, in one run on this
// machine, and docs/benchmarks.md. Every comparison runs its contenders in the same rounds, in turn,
// so that a busy machine slows them alike; the table gives medians and the median of the per-round ratios.
// BENCH_RUNS sets the rounds of the quick measures (default 5); the slow tools run fewer.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer';
import { resolveExecutable } from '../src/browser/launch.js';
import { parseDocument } from '../src/markdown/parse-document.js';
import { slowShapes } from '../tests/fuzz/slow-shapes.js';
import floorFlags from './floor-flags.json' with { type: 'json' };

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = path.join(root, 'dist', 'cli.js');
const floorScript = path.join(root, 'scripts', 'floor.mjs');
const cpuReport = new URL('./cpu-report.mjs', import.meta.url).href;
const mdToPdf = path.join(root, 'node_modules', 'md-to-pdf', 'dist', 'cli.js');
const seedPath = path.join(root, 'content', 'india-russia-summit-2025.md');
const runs = Number(process.env.BENCH_RUNS ?? 5);
/** Rounds of the long measures (100 documents, long briefs). */
const heavy = Math.max(1, Math.ceil(runs / 2));
const browser = await resolveExecutable();
const work = path.join(os.tmpdir(), `briefpress-bench-${process.pid}`);
const temp = path.join(work, 'tmp');
/** The bare floor's pool: twice the pages of a two-core machine, its best pool in earlier runs. */
const widest = 4;
/** BENCH_ONLY=cold,length runs only those measures (while working on one). */
const only = process.env.BENCH_ONLY?.split(',');

interface Row {
  measure: string;
  ours: string;
  reference: string;
  ratio: string;
  target: string;
  verdict: string;
}
const rows: Row[] = [];
const notes: string[] = [];

// ---- running and timing ----------------------------------------------------------------------

/** CPU time of one run, in ms: the Node process's (every thread) and its browser's (see scripts/cpu-report.mjs). */
interface Cpu {
  node: number;
  browser: number;
}
interface Timed {
  ms: number;
  rss: number;
  cpu?: Cpu;
}
let cpuFiles = 0;

/**
 * Run a process to its end; its wall time in ms, its peak tree RSS in bytes when `sample` is set, and, for a
 * Node script run with `cpu`, its CPU time and its browser's.
 */
async function time(
  command: string,
  args: string[],
  options: { sample?: boolean; cwd?: string; cpu?: boolean } = {},
): Promise<Timed> {
  const cpuFile = options.cpu ? path.join(work, `cpu-${++cpuFiles}`) : undefined;
  const start = performance.now();
  // The floor kills its browser, which leaves Chromium's temporary folders behind: in `work`, removed at the end.
  const child = spawn(command, cpuFile ? ['--import', cpuReport, ...args] : args, {
    cwd: options.cwd ?? root,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', TMPDIR: temp, ...(cpuFile ? { BENCH_CPU_FILE: cpuFile } : {}) },
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
  let rss = 0;
  const sampler = options.sample ? setInterval(() => (rss = Math.max(rss, treeRss(child.pid!))), 25) : undefined;
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const ms = performance.now() - start;
  clearInterval(sampler);
  if (code !== 0)
    throw new Error(
      `${path.basename(command)} ${args.slice(0, 3).join(' ')} … exited ${code}: ${stderr.slice(0, 500)}`,
    );
  if (!cpuFile) return { ms, rss };
  const [node, browser] = (await readFile(cpuFile, 'utf8')).trim().split(' ').map(Number) as [number, number];
  return { ms, rss, cpu: { node, browser } };
}

/** VmRSS summed over a process and all its descendants (Linux /proc). */
function treeRss(rootPid: number): number {
  const children = new Map<number, number[]>();
  let total = 0;
  try {
    for (const entry of execFileSync('ps', ['-e', '-o', 'pid=,ppid=,rss='], { encoding: 'utf8' }).trim().split('\n')) {
      const [pid, ppid, rss] = entry.trim().split(/\s+/).map(Number) as [number, number, number];
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
      rssOf.set(pid, rss * 1024);
    }
    const stack = [rootPid];
    while (stack.length) {
      const pid = stack.pop()!;
      total += rssOf.get(pid) ?? 0;
      stack.push(...(children.get(pid) ?? []));
    }
  } catch {
    // the process ended between two samples
  }
  return total;
}
const rssOf = new Map<number, number>();

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const seconds = (ms: number) =>
  ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;

/**
 * Run every contender once per round, in a rotating order, for `rounds` rounds.
 * Returns each contender's times in ms; `cpu` gets the CPU times of the contenders that report them.
 */
async function rounds<K extends string>(
  count: number,
  contenders: Record<K, () => Promise<number | Timed>>,
  cpu?: Partial<Record<K, Cpu[]>>,
): Promise<Record<K, number[]>> {
  const names = Object.keys(contenders) as K[];
  const result = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < count; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length]!;
      const timed = await contenders[name]();
      result[name].push(typeof timed === 'number' ? timed : timed.ms);
      if (cpu && typeof timed !== 'number' && timed.cpu) cpu[name] = [...(cpu[name] ?? []), timed.cpu];
    }
  }
  return result;
}

/** The median CPU time per document of a contender's runs: `Node 120 ms + browser 210 ms/doc`. */
function cpuPerDoc(runs: Cpu[] | undefined, documents: number): string {
  if (!runs?.length) return '';
  const per = (values: number[]) => seconds(median(values) / documents);
  return `CPU/doc: Node ${per(runs.map((run) => run.node))}, browser ${per(runs.map((run) => run.browser))}`;
}

/** Median of the per-round ratios a/b. */
const pairedRatio = (a: number[], b: number[]) => median(a.map((value, i) => value / b[i]!));

function verdict(ok: boolean, miss: string): string {
  return ok ? 'met' : `**missed**: ${miss}`;
}

// ---- the corpus ------------------------------------------------------------------------------

const seed = await readFile(seedPath, 'utf8');

/** `count` seed-sized documents, each titled differently. */
async function corpus(dir: string, count: number): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const file = path.join(dir, `brief-${String(i + 1).padStart(3, '0')}.md`);
      await writeFile(file, seed.replace(/^title: "(.+)"$/m, `title: "$1 (${i + 1})"`));
      return file;
    }),
  );
}

/** The seed with its body (from the first section to the references) repeated `times` times. */
function longer(times: number): string {
  const start = seed.indexOf('\n## ');
  const end = seed.indexOf('\n## References');
  return seed.slice(0, start) + seed.slice(start, end).repeat(times) + seed.slice(end);
}

/** Build with briefpress and `--html`, returning the final HTML files the floor prints. */
async function finalHtml(inputs: string[], out: string, extra: string[] = []): Promise<string[]> {
  await time(process.execPath, [cli, 'build', ...inputs, '--out', out, '--html', ...noLimit, ...extra]);
  return (await readdir(out))
    .filter((name) => name.endsWith('.html'))
    .sort()
    .map((name) => path.join(out, name));
}

const briefpress = (inputs: string[], out: string, extra: string[] = [], sample = false) =>
  time(process.execPath, [cli, 'build', ...inputs, '--out', out, ...noLimit, ...extra], { sample, cpu: true });
/** The benchmark measures speed, not the time limit of one document (which a loaded machine can reach). */
const noLimit = ['--timeout', '3600'];
const floor = (html: string[], out: string, pool: number, sample = false, extra: string[] = []) =>
  time(process.execPath, [floorScript, '--browser', browser, '--pool', String(pool), '--out', out, ...extra, ...html], {
    sample,
    cpu: true,
  });
/** The floor serving its fonts from memory as briefpress does: the reference of the batch rows. */
const served = (html: string[], out: string, pool: number, sample = false) =>
  floor(html, out, pool, sample, ['--serve-fonts']);

async function fresh(dir: string): Promise<string> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  return dir;
}

// ---- the measures ----------------------------------------------------------------------------

async function cold(): Promise<void> {
  const html = await finalHtml([seedPath], path.join(work, 'seed-html'));
  const out = path.join(work, 'cold');
  const cpu: Partial<Record<string, Cpu[]>> = {};
  const times = await rounds(
    runs + 2,
    {
      briefpress: async () => briefpress([seedPath], await fresh(out)),
      served1: async () => served(html, await fresh(out), 1),
      served2: async () => served(html, await fresh(out), 2),
      floor1: async () => floor(html, await fresh(out), 1),
    },
    cpu,
  );
  const pool = median(times.served1!) <= median(times.served2!) ? 1 : 2;
  const best = pool === 1 ? times.served1! : times.served2!;
  const ratio = pairedRatio(times.briefpress!, best);
  rows.push({
    measure: 'Cold CLI run, seed brief + summary',
    ours: `${seconds(median(times.briefpress!))} (${cpuPerDoc(cpu.briefpress, 1)})`,
    reference: `floor, fonts served ${seconds(median(best))} (pool ${pool}; ${cpuPerDoc(cpu[`served${pool}`], 1)}); the bare floor ${seconds(median(times.floor1!))}, ${pairedRatio(times.briefpress!, times.floor1!).toFixed(2)}×`,
    ratio: `${ratio.toFixed(2)}×`,
    target: '≤ 1.3× the floor',
    verdict: verdict(ratio <= 1.3, `${((ratio / 1.3 - 1) * 100).toFixed(0)} % over`),
  });
}

const batchTimes = new Map<number, number>();
/** The served floor's time with its best pool, by document count. */
const floorTimes = new Map<number, number>();
/** The pools the served floor is tried with: one page per core and twice that (the best of them is the reference). */
const servedPools = [os.availableParallelism(), 2 * os.availableParallelism()];

async function batch(count: number): Promise<void> {
  const inputs = await corpus(path.join(work, `corpus-${count}`), count);
  const html = await finalHtml([path.join(work, `corpus-${count}`)], path.join(work, `html-${count}`));
  const out = path.join(work, `out-${count}`);
  const contenders: Record<string, () => Promise<Timed>> = {
    briefpress: async () => briefpress([path.join(work, `corpus-${count}`)], await fresh(out)),
    // Context: the floor printing the standalone HTML, its fonts inlined (decoded again for every document).
    bare: async () => floor(html, await fresh(out), widest),
  };
  for (const pool of servedPools) contenders[`served${pool}`] = async () => served(html, await fresh(out), pool);
  const cpu: Partial<Record<string, Cpu[]>> = {};
  const times = await rounds(count >= 100 ? heavy : runs, contenders, cpu);
  const bestPool = servedPools.reduce((best, pool) =>
    median(times[`served${pool}`]!) < median(times[`served${best}`]!) ? pool : best,
  );
  const reference = times[`served${bestPool}`]!;
  const ours = median(times.briefpress!);
  batchTimes.set(count, ours);
  floorTimes.set(count, median(reference));
  const ratio = pairedRatio(times.briefpress!, reference);
  rows.push({
    measure: `${count} documents, brief + summary each`,
    ours: `${seconds(ours)} (${cpuPerDoc(cpu.briefpress, count)})`,
    reference: `floor, fonts served ${seconds(median(reference))} (best pool ${bestPool}; ${servedPools.map((pool) => `${pool}: ${seconds(median(times[`served${pool}`]!))}`).join(', ')}; ${cpuPerDoc(cpu[`served${bestPool}`], count)})`,
    ratio: `${ratio.toFixed(2)}×`,
    target: '≤ 1.15× the floor',
    verdict: verdict(ratio <= 1.15, `${((ratio / 1.15 - 1) * 100).toFixed(0)} % over`),
  });
  rows.push({
    measure: `${count} documents, against the bare floor (fonts inlined)`,
    ours: seconds(ours),
    reference: `bare floor ${seconds(median(times.bare!))} (pool ${widest}; ${cpuPerDoc(cpu.bare, count)})`,
    ratio: `${pairedRatio(times.briefpress!, times.bare!).toFixed(2)}×`,
    target: '—',
    verdict: '—',
  });
  if (count >= 100) await memory(path.join(work, `corpus-${count}`), html, out, bestPool);
  await others(count, inputs);
}

/** md-to-pdf and Pandoc + WeasyPrint making only the briefs, against briefpress making both PDFs. */
async function others(count: number, inputs: string[]): Promise<void> {
  const ours = batchTimes.get(count)!;
  const floorBest = floorTimes.get(count)!;
  const tries = count >= 100 ? 1 : Math.min(3, runs);
  /** md-to-pdf over `inputs`, `group` files per run (its runs one after another). */
  const mdOnce =
    (args: string[], group = inputs.length) =>
    async () => {
      let ms = 0;
      for (let i = 0; i < inputs.length; i += group)
        ms += (
          await time(process.execPath, [
            mdToPdf,
            '--launch-options',
            JSON.stringify({ executablePath: browser, args }),
            ...inputs.slice(i, i + group),
          ])
        ).ms;
      return ms;
    };
  const mdRow = (label: string, md: number) => ({
    measure: `${count} documents: md-to-pdf, briefs only`,
    ours: seconds(ours),
    reference: `${label}md-to-pdf ${seconds(md)} (${tries} run${tries > 1 ? 's' : ''}; the floor is ${(md / floorBest).toFixed(1)}× faster)`,
    ratio: `${(md / ours).toFixed(1)}× faster`,
    target: count >= 100 ? '≥ 5× faster' : '—',
    verdict: count >= 100 ? verdict(md / ours >= 5, `${(md / ours).toFixed(1)}× instead of 5×`) : '—',
  });
  // md-to-pdf opens a page per file at once: with many files on two cores, its navigations time out. It is
  // then run as a user would get past that, 20 files at a time; and if that fails too, with the floor's flags.
  const ownLaunch = ['--no-sandbox']; // its own launch, but for the flag a root user needs
  const attempts: Array<[label: string, run: () => Promise<number>]> = [
    ['', mdOnce(ownLaunch)],
    ['in runs of 20 files, ', mdOnce(ownLaunch, 20)],
    ["with the floor's flags, in runs of 20 files, ", mdOnce(floorFlags, 20)],
  ];
  const failures: string[] = [];
  for (const [label, run] of attempts) {
    try {
      const md = median((await rounds(tries, { md: run })).md);
      rows.push(mdRow(failures.length ? `${failures.join('; ')}; ${label}` : label, md));
      break;
    } catch (error: unknown) {
      const reason = /TimeoutError: ([^\n]+)/.exec(String(error))?.[1] ?? String(error).split('\n')[0];
      failures.push(`${label || 'with its own launch, '}it failed (${reason})`);
    }
  }
  if (failures.length === attempts.length) notes.push(`md-to-pdf on ${count} documents: ${failures.join('; ')}.`);
  const hasPandoc = ['pandoc', 'weasyprint'].every((tool) => {
    try {
      execFileSync(tool, ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
  if (!hasPandoc) {
    if (count >= 100)
      notes.push(
        'Pandoc with WeasyPrint is not installed here: skipped (`apt-get install pandoc weasyprint` to include it).',
      );
    return;
  }
  const out = await fresh(path.join(work, `pandoc-${count}`));
  // A process per document, as a shell loop or make would run it; two at a time on two cores would not be fairer to
  // WeasyPrint than briefpress's own pool is to it, so they run with the same parallelism as the machine's cores.
  const pandocOnce = async () => {
    const start = performance.now();
    const queue = [...inputs];
    await Promise.all(
      Array.from({ length: os.availableParallelism() }, async () => {
        for (let file = queue.shift(); file; file = queue.shift()) {
          await time('pandoc', [
            file,
            '--pdf-engine=weasyprint',
            '-o',
            path.join(out, `${path.basename(file, '.md')}.pdf`),
          ]);
        }
      }),
    );
    return performance.now() - start;
  };
  const pandoc = median((await rounds(tries, { pandoc: pandocOnce })).pandoc);
  rows.push({
    measure: `${count} documents: Pandoc + WeasyPrint, briefs only`,
    ours: seconds(ours),
    reference: `Pandoc ${seconds(pandoc)} (${tries} run${tries > 1 ? 's' : ''}, ${os.availableParallelism()} at a time; the floor is ${(pandoc / floorBest).toFixed(1)}× faster)`,
    ratio: `${(pandoc / ours).toFixed(1)}× faster`,
    target: count >= 100 ? '≥ 10× faster' : '—',
    verdict: count >= 100 ? verdict(pandoc / ours >= 10, `${(pandoc / ours).toFixed(1)}× instead of 10×`) : '—',
  });
}

async function memory(corpusDir: string, html: string[], out: string, pool: number): Promise<void> {
  const ours = (await briefpress([corpusDir], await fresh(out), [], true)).rss;
  const theirs = (await served(html, await fresh(out), pool, true)).rss;
  const limit = 1.5 * 1024 ** 3;
  rows.push({
    measure: '100 documents: peak RSS, Node + Chromium',
    ours: `${(ours / 1024 ** 2).toFixed(0)} MB`,
    reference: `floor, fonts served ${(theirs / 1024 ** 2).toFixed(0)} MB (pool ${pool})`,
    ratio: `${(ours / theirs).toFixed(2)}×`,
    target: "< 1.5 GB, under the floor's",
    verdict: verdict(ours < limit && ours < theirs, `${(ours / 1024 ** 2).toFixed(0)} MB`),
  });
}

function linearity(): void {
  if (!batchTimes.has(20) || !batchTimes.has(100)) return;
  const [small, large] = [20, 100].map((count) => batchTimes.get(count)! / count) as [number, number];
  const growth = large / small;
  rows.push({
    measure: 'Growth with the number of documents',
    ours: `${seconds(small)}/doc at 20, ${seconds(large)}/doc at 100`,
    reference: 'linear: the same per document',
    ratio: `${growth.toFixed(2)}× per doc`,
    target: '≤ 1.25× per doc',
    verdict: verdict(growth <= 1.25, `${((growth / 1.25 - 1) * 100).toFixed(0)} % over`),
  });
}

async function length(): Promise<void> {
  const sizes = [1, 10, 50];
  const ours: number[] = [];
  const floors: number[] = [];
  /** The rounds of the last size, 50×. */
  let fifty = { briefpress: [] as number[], floor: [] as number[] };
  for (const size of sizes) {
    const dir = await fresh(path.join(work, `length-${size}`));
    const input = path.join(dir, `length-${size}.md`);
    await writeFile(input, longer(size));
    const html = await finalHtml([input], path.join(work, `length-html-${size}`), ['--only', 'brief']);
    const out = path.join(work, `length-out-${size}`);
    const times = await rounds(size > 1 ? heavy : runs, {
      briefpress: async () => (await briefpress([input], await fresh(out), ['--only', 'brief'])).ms,
      floor: async () => (await floor(html, await fresh(out), 1)).ms,
    });
    ours.push(median(times.briefpress));
    floors.push(median(times.floor));
    fifty = times;
  }
  // Linear means t(n) = a + b·n: extrapolate 50× from 1× and 10×, and compare.
  const predicted = ours[0]! + ((ours[1]! - ours[0]!) * (50 - 1)) / (10 - 1);
  const growth = ours[2]! / predicted;
  // Issue #28: the brief with contents, which needs a print that lays it out first, within 1.5× of one print.
  const overFloor = pairedRatio(fifty.briefpress, fifty.floor);
  rows.push({
    measure: 'Brief of 1×, 10×, 50× the seed',
    ours: ours.map(seconds).join(' / '),
    reference: `floor ${floors.map(seconds).join(' / ')}`,
    ratio: `50× is ${growth.toFixed(2)}× the linear extrapolation; ${overFloor.toFixed(2)}× the floor`,
    target: 'linear (≤ 1.25×); 50× ≤ 1.5× the floor',
    verdict: [
      `linear: ${verdict(growth <= 1.25, `${((growth / 1.25 - 1) * 100).toFixed(0)} % over`)}`,
      `50×: ${verdict(overFloor <= 1.5, `${((overFloor / 1.5 - 1) * 100).toFixed(0)} % over`)}`,
    ].join('; '),
  });
}

/**
 * The parse and summary alone (no browser), in this process, on a document of every shape that once took
 * them the square of its length (tests/fuzz/slow-shapes.ts), at 100 KB, 300 KB and 1 MB: the time per MB
 * must not grow with the size.
 */
async function parse(): Promise<void> {
  const sizes = [100_000, 300_000, 1_000_000];
  const shapes = Object.values(slowShapes);
  const documentOf = (size: number) =>
    shapes
      .map((shape, i) =>
        i ? shape(size / shapes.length).replace(/^---[\s\S]*?---\n/, '') : shape(size / shapes.length),
      )
      .join('\n\n');
  /** Wall and CPU time of one parse: the CPU time is the steadier measure on a shared machine. */
  const once = async (value: string) => {
    const start = performance.now();
    const cpu = process.cpuUsage();
    const result = await parseDocument({ path: path.join(work, 'shapes.md'), value, allowNet: false });
    if (!result.document)
      throw new Error(`the shapes did not parse: ${result.messages.map((m) => m.reason).join('; ')}`);
    const used = process.cpuUsage(cpu);
    return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
  };
  await once(documentOf(sizes[0]!)); // warm-up: the first parse loads the stemmers and compiles the code
  const walls: number[] = [];
  const perMb: number[] = [];
  for (const size of sizes) {
    const value = documentOf(size);
    const all: Array<{ wall: number; cpu: number }> = [];
    for (let i = 0; i < Math.min(runs, 3); i++) all.push(await once(value));
    walls.push(median(all.map((time) => time.wall)));
    perMb.push(median(all.map((time) => time.cpu)) / (Buffer.byteLength(value) / 1024 / 1024));
  }
  const growth = perMb.at(-1)! / perMb[0]!;
  rows.push({
    measure: 'Parse + summary of slow-looking text (tests/fuzz/slow-shapes.ts), 100 KB / 300 KB / 1 MB',
    ours: walls.map(seconds).join(' / '),
    reference: `CPU ${perMb.map((ms) => seconds(ms)).join(' / ')} per MB`,
    ratio: `1 MB takes ${growth.toFixed(2)}× the CPU time per MB of 100 KB`,
    target: 'linear (≤ 1.25×), 1 MB < 10 s',
    verdict: verdict(growth <= 1.25 && walls.at(-1)! < 10_000, `${growth.toFixed(2)}×, ${seconds(walls.at(-1)!)}`),
  });
}

async function watch(): Promise<void> {
  const dir = await fresh(path.join(work, 'watch'));
  const input = path.join(dir, 'seed.md');
  await writeFile(input, seed);
  const out = path.join(dir, 'out');
  const pdf = path.join(out, 'seed.brief.pdf');
  const child = spawn(process.execPath, [cli, 'watch', dir, '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
  try {
    await until(() => existsSync(pdf), 30_000, child);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const times: number[] = [];
    for (let i = 0; i < runs * 2; i++) {
      const before = (await stat(pdf)).mtimeMs;
      const written = lines.length;
      const start = performance.now();
      await writeFile(input, seed.replace('landed in New Delhi', `landed in New Delhi (edit ${i + 1})`));
      await until(() => existsSync(pdf) && lines.length > written && statMtime(pdf) > before, 30_000, child);
      times.push(performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const ms = median(times);
    const warm = await warmFloor(await finalHtml([input], path.join(dir, 'html')), times.length);
    rows.push({
      measure: 'watch: file write → new PDFs on disk (seed)',
      ours: seconds(ms),
      reference: `warm floor ${seconds(warm)} (${times.length} edits)`,
      ratio: `${(ms / warm).toFixed(2)}×`,
      target: '≤ 300 ms median',
      verdict: verdict(ms <= 300, `${((ms / 300 - 1) * 100).toFixed(0)} % over`),
    });
  } finally {
    child.kill('SIGINT');
    await new Promise((resolve) => child.on('close', resolve));
  }
}

/**
 * What a rebuild costs Chromium alone: the same final HTML printed in a browser already running,
 * on pages already used once, both PDFs at the same time (as watch prints them); the median of `count`.
 */
async function warmFloor(html: string[], count: number): Promise<number> {
  const chromium = await puppeteer.launch({ executablePath: browser, pipe: true, args: floorFlags });
  try {
    const contents = await Promise.all(html.map((file) => readFile(file, 'utf8')));
    const pages = await Promise.all(contents.map(() => chromium.newPage()));
    const print = () =>
      Promise.all(
        pages.map(async (page, i) => {
          await page.setContent(contents[i]!, { waitUntil: 'load' });
          await page.pdf({ preferCSSPageSize: true, printBackground: true });
        }),
      );
    await print();
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const start = performance.now();
      await print();
      times.push(performance.now() - start);
    }
    return median(times);
  } finally {
    await chromium.close();
  }
}

function statMtime(file: string): number {
  return statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;
}

async function until(done: () => boolean, timeout: number, child: ChildProcess): Promise<void> {
  const start = performance.now();
  while (!done()) {
    if (child.exitCode !== null) throw new Error(`watch exited ${child.exitCode}`);
    if (performance.now() - start > timeout) throw new Error('watch: no rebuild within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

// ---- the report ------------------------------------------------------------------------------

function machine(): string {
  const chromium = execFileSync(browser, ['--version'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${cpu}, ${os.availableParallelism()} cores, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB; ${os.type()} ${os.release()}; Node ${process.version}; ${chromium}`;
}

async function report(started: Date, load: number[], unmeasured: string[]): Promise<void> {
  const table = [
    '| Measure | briefpress | Reference | Ratio | Target | Verdict |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (row) => `| ${row.measure} | ${row.ours} | ${row.reference} | ${row.ratio} | ${row.target} | ${row.verdict} |`,
    ),
  ].join('\n');
  const text = `# Benchmarks

Written by \`npm run bench\` (scripts/bench.ts) on ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC.

Machine: ${machine()}. Load average ${load.map((value) => value.toFixed(2)).join(', ')} at the start and ${os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(
      ', ',
    )} at the end (a shared machine: ratios from the same rounds are the figures to trust, absolute times less so).

The **floor** is scripts/floor.mjs: bare Puppeteer launching the same Chromium over a pipe, printing the final HTML that
\`briefpress build --html\` wrote with \`setContent\` and \`page.pdf\` in a pool of reused tabs, then killing the browser.
The reference of every row but the watch and the long briefs is that floor serving the fonts from memory as briefpress does
(\`--serve-fonts\`): that HTML stands alone, its fonts inlined as \`data:\` URLs, which Chromium would otherwise decode
again for every document. What is left between briefpress and it is the rest of the pipeline. The bare floor (fonts
inlined) is given beside it. "CPU/doc" is the CPU time of a run over its documents: Node's (every thread, the parsing
workers included) and the browser's, read as each process exits (scripts/cpu-report.mjs).
briefpress runs as a user runs it: \`node dist/cli.js build …\`, a fresh process each time. Times are wall-clock medians of
${runs} rounds (${heavy} for 100 documents and the long briefs, fewer for the slow tools, as noted); each round runs every contender once, in a rotating order, and a
ratio is the median of the per-round ratios.

${table}
${notes.length ? `\n${notes.map((note) => `- ${note}`).join('\n')}\n` : ''}${unmeasured.length ? `\nNot measured in this run (cut short): ${unmeasured.join(', ')}.\n` : ''}`;
  await mkdir(path.join(root, 'docs'), { recursive: true });
  // The sections after the table (the soak's) are written by other scripts: keep them.
  const target = path.join(root, 'docs', 'benchmarks.md');
  const previous = await readFile(target, 'utf8').catch(() => '');
  const kept = previous.indexOf('\n## ');
  await writeFile(target, kept === -1 ? text : `${text}${previous.slice(kept)}`);
  process.stdout.write(
    unmeasured.length
      ? `${rows.at(-1) ? Object.values(rows.at(-1)!).join(' | ') : ''}\n`
      : `\n${table}\n${notes.join('\n')}\nwritten to docs/benchmarks.md\n`,
  );
}

const started = new Date();
const load = os.loadavg();
// In order of importance: the report is written after each measure, so a run cut short still says what it found.
const steps = [
  ['cold', cold],
  ['watch', watch],
  ['20 documents', () => batch(20)],
  ['length', length],
  ['100 documents', () => batch(100)],
  ['linearity', async () => linearity()],
  ['parse', parse],
] as const;
const pending: string[] = steps.map(([name]) => name).filter((name) => !only || only.includes(name));
try {
  await fresh(temp);
  for (const [name, step] of steps) {
    if (only && !only.includes(name)) continue;
    process.stderr.write(`bench: ${name}…\n`);
    await step();
    pending.shift();
    await report(started, load, pending);
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
