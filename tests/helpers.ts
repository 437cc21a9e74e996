import { type ExecFileException, execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { catalogue } from '../src/labels/catalogue.js';

const run = promisify(execFile);

export const root = fileURLToPath(new URL('..', import.meta.url));
export const cli = path.join(root, 'dist', 'cli.js');
export const seed = path.join(root, 'content', 'india-russia-summit-2025.md');
export const fixture = (...parts: string[]) => path.join(root, 'tests', 'fixtures', ...parts);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Run the built CLI as a user would; resolves with its exit code, whatever it is. A CLI that did not
 * exit by itself (killed at `timeout`, or by a signal) or could not start is no exit code: the
 * promise rejects, naming what happened, so that a hang never passes for "exit 1".
 */
export function runCli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {},
): Promise<CliResult> {
  const timeout = options.timeout ?? 60_000;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [cli, ...args],
      {
        cwd: options.cwd ?? root,
        env: { ...process.env, NO_COLOR: '1', ...options.env },
        timeout,
        killSignal: 'SIGKILL',
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const said = `briefpress ${args.join(' ')}\nstdout: ${stdout}\nstderr: ${stderr}`;
        if (!error) return resolve({ code: 0, stdout, stderr });
        const failure = error as ExecFileException;
        if (typeof failure.code === 'number' && failure.signal == null)
          return resolve({ code: failure.code, stdout, stderr });
        if (failure.killed)
          return reject(new Error(`the CLI did not exit within ${timeout / 1000} s and was killed\n${said}`));
        if (failure.signal) return reject(new Error(`the CLI was killed by ${failure.signal}\n${said}`));
        reject(new Error(`the CLI could not run (${failure.code ?? failure.message})\n${said}`));
      },
    );
  });
}

/** A new folder in the test run's temporary folder (removed after the run; see global-setup.ts). */
export function tempDir(prefix = 'briefpress-'): Promise<string> {
  return mkdtemp(path.join(process.env.BRIEFPRESS_TEST_TMP ?? tmpdir(), prefix));
}

/**
 * The seed and the quality fixtures that several files check (conformance, contents, endnotes), built
 * once: `sharedBuild(commonBuild)`; each file reads the outputs it checks.
 */
export const commonBuild = [
  'build',
  seed,
  fixture('quality-long', 'long-brief.md'),
  fixture('quality-scripts', 'many-scripts.md'),
  fixture('quality-figures', 'figures.md'),
  fixture('quality-table', 'trade-table.md'),
  fixture('quality-table', 'empty-cells.md'),
  fixture('quality-notes', 'notes.md'),
];

/**
 * The corpus of real documents built once, briefs and summaries with their HTML and the JSON report:
 * `sharedBuild(corpusBuild)` in real-corpus.test.ts and summary-corpus.test.ts.
 */
export const corpusBuild = ['build', fixture('real'), '--json', '--html', '--timeout', '300'];

/** A document of the JSON report (`build --json`), as the tests read it. */
export interface ReportDocument {
  input: string;
  ok: boolean;
  error: string | null;
  messages: Array<{ severity: string; line?: number; column?: number; reason: string; rule?: string }>;
}

/**
 * The corpus's shared build, for a test of one of its documents: where the PDFs and HTML are
 * (`NAME.brief.pdf`), and each document's messages as the CLI prints them (`NAME.md:L:C: warning: …`).
 * A corpus document is built once per run, by whichever file asks first.
 */
export async function builtCorpus(): Promise<{ out: string; documents: ReportDocument[]; messages: string }> {
  const { out, result } = await sharedBuild(corpusBuild, { timeout: 1_190_000 });
  const { documents } = JSON.parse(result.stdout) as { documents: ReportDocument[] };
  const messages = documents
    .flatMap(({ input, messages }) =>
      messages.map(({ severity, line, column, reason }) =>
        [path.basename(input), ...(line ? [line, column ?? 1] : []), ` ${severity}`, ` ${reason}`].join(':'),
      ),
    )
    .join('\n');
  return { out, documents, messages };
}

const shared = new Map<string, Promise<{ out: string; result: CliResult }>>();

/**
 * `briefpress build ARGS --out DIR`, run once per test run for every test file that asks for the same
 * ARGS: what several files check on the same documents (the seed, the common fixtures, the corpus) is
 * built once instead of once a file. The first file to ask builds (a lock folder decides, across the
 * worker processes); the others wait for its `result.json`, bounded by `timeout`. The outputs are
 * shared: read them, never change them.
 */
export function sharedBuild(
  args: string[],
  options: { timeout?: number } = {},
): Promise<{ out: string; result: CliResult }> {
  const key = createHash('sha256').update(JSON.stringify(args)).digest('hex').slice(0, 16);
  let build = shared.get(key);
  if (!build) {
    build = buildOnce(key, args, options.timeout ?? 300_000);
    shared.set(key, build);
  }
  return build;
}

async function buildOnce(key: string, args: string[], timeout: number): Promise<{ out: string; result: CliResult }> {
  const dir = path.join(process.env.BRIEFPRESS_TEST_TMP ?? tmpdir(), `shared-${key}`);
  const out = path.join(dir, 'out');
  const done = path.join(dir, 'result.json');
  try {
    await mkdir(`${dir}.lock`);
  } catch {
    // Another file is building it: wait for the result it writes last (renamed into place whole).
    const deadline = Date.now() + timeout;
    for (;;) {
      const written = await readFile(done, 'utf8').then(
        (text) => JSON.parse(text) as CliResult | { error: string },
        () => undefined,
      );
      if (written && 'error' in written) throw new Error(`the shared build failed in another file: ${written.error}`);
      if (written) return { out, result: written };
      if (Date.now() > deadline)
        throw new Error(`the shared build \`briefpress ${args.join(' ')}\` did not finish within ${timeout / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  await mkdir(dir, { recursive: true });
  const settle = async (written: CliResult | { error: string }) => {
    await writeFile(`${done}.tmp`, JSON.stringify(written));
    await rename(`${done}.tmp`, done);
  };
  try {
    const result = await runCli([...args, '--out', out], { timeout });
    await settle(result);
    return { out, result };
  } catch (error) {
    // A CLI that hung or could not start: the waiting files fail with its reason, not at their deadline.
    await settle({ error: (error as Error).message });
    throw error;
  }
}

/**
 * The text of a PDF as `pdftotext` extracts it (layout off, so words join in reading order). Kept for
 * the file as it is (its size and time): several tests read the same shared outputs.
 */
export async function pdfText(file: string, options: { first?: number; last?: number } = {}): Promise<string> {
  const range = [
    ...(options.first ? ['-f', String(options.first)] : []),
    ...(options.last ? ['-l', String(options.last)] : []),
  ];
  const { size, mtimeMs } = await stat(file);
  const key = JSON.stringify([file, size, mtimeMs, range]);
  let text = texts.get(key);
  if (!text) {
    text = run('pdftotext', [...range, file, '-'], { maxBuffer: 64 * 1024 * 1024 }).then(({ stdout }) => stdout);
    texts.set(key, text);
    text.catch(() => texts.delete(key));
  }
  return text;
}
const texts = new Map<string, Promise<string>>();

/**
 * `pdfinfo` as a record: `Pages`, `Title`, `Tagged`, … Dates are ISO 8601 with their offset
 * (`-isodates`): parse them with `Date.parse`, never match their text, which is in local time.
 */
export async function pdfInfo(file: string): Promise<Record<string, string>> {
  const { stdout } = await run('pdfinfo', ['-isodates', file]);
  return Object.fromEntries(
    stdout
      .split('\n')
      .filter((line) => line.includes(':'))
      .map((line) => {
        const at = line.indexOf(':');
        return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
      }),
  );
}

/** `pdffonts` rows: name, embedded, subset. */
export async function pdfFonts(file: string): Promise<Array<{ name: string; embedded: boolean; subset: boolean }>> {
  const { stdout } = await run('pdffonts', [file]);
  return stdout
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => {
      const cells = line.trim().split(/\s+/);
      const [emb, sub] = cells.slice(-5, -3);
      return { name: cells[0]!, embedded: emb === 'yes', subset: sub === 'yes' };
    });
}

export async function pageCount(file: string): Promise<number> {
  return (await PDFDocument.load(await readFile(file), { updateMetadata: false })).getPageCount();
}

/**
 * The height of the first tinted block on a PDF's first page (the brief's takeaways box), as a share
 * of the page's: rows mostly of a light tint, from the first such row through gaps of text lines.
 */
export async function tintedBlockShare(file: string, dir: string): Promise<number> {
  const root = path.join(dir, path.basename(file, '.pdf'));
  await run('pdftoppm', ['-r', '30', '-gray', '-f', '1', '-l', '1', '-singlefile', file, root]);
  const pgm = await readFile(`${root}.pgm`);
  // Binary PGM: "P5\n<width> <height>\n<max>\n" then one byte a pixel.
  const [, width, height, max] = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.toString('latin1', 0, 40))!;
  const [w, h] = [Number(width), Number(height)];
  const start = pgm.length - w * h;
  const tinted = (y: number) => {
    let count = 0;
    for (let x = 0; x < w; x++) {
      const value = (pgm[start + y * w + x]! * 255) / Number(max);
      if (value >= 225 && value <= 250) count++;
    }
    return count > w * 0.3;
  };
  let first = -1;
  let last = -1;
  for (let y = 0, gap = 0; y < h && gap <= 4; y++) {
    if (tinted(y)) [first, last, gap] = [first < 0 ? y : first, y, 0];
    else if (first >= 0) gap++;
  }
  return first < 0 ? 0 : (last - first + 1) / h;
}

export interface PdfTextItem {
  text: string;
  /** The size the text is set in, in pt, as pdf.js computes it from the text and page matrices. */
  size: number;
  /** Baseline, in pt from the bottom of the page. */
  y: number;
  /** Start of the run, in pt from the left of the page. */
  x: number;
  /** Its width, in pt. */
  width: number;
}

/** The text runs of one page with their font size and position, read by pdf.js. */
export async function pdfTextItems(
  file: string,
  pageNumber = 1,
): Promise<{ height: number; width: number; items: PdfTextItem[] }> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await getDocument({ data: new Uint8Array(await readFile(file)), verbosity: 0 }).promise;
  try {
    const page = await document.getPage(pageNumber);
    const { items } = await page.getTextContent();
    return {
      height: page.view[3]! - page.view[1]!,
      width: page.view[2]! - page.view[0]!,
      items: items.flatMap((item) =>
        'str' in item && item.str.trim()
          ? [
              {
                text: item.str,
                size: Math.hypot(item.transform[2], item.transform[3]),
                y: item.transform[5] as number,
                x: item.transform[4] as number,
                width: item.width,
              },
            ]
          : [],
      ),
    };
  } finally {
    await document.destroy();
  }
}

/** A bookmark and the bookmarks under it. */
export interface OutlineItem {
  title: string;
  kids: OutlineItem[];
}

/** The bookmarks of a PDF as a tree, in reading order, as qpdf reads them. */
export async function pdfOutline(file: string): Promise<OutlineItem[]> {
  const { stdout } = await run('qpdf', ['--json', '--json-key=outlines', file], { maxBuffer: 16 * 1024 * 1024 });
  const tree = (items: OutlineItem[]): OutlineItem[] =>
    items.map((item) => ({ title: item.title, kids: tree(item.kids) }));
  return tree((JSON.parse(stdout) as { outlines: OutlineItem[] }).outlines);
}

/**
 * The outline a brief should have, from its Markdown: the title, holding the key takeaways, the
 * contents (when the brief has them), each `##` section numbered with its `###` subsections under
 * it, and `Sources` for a `## References` section.
 */
export function expectedOutline(markdown: string, options: { contents?: boolean } = {}): OutlineItem[] {
  const title = /^title: "?(.+?)"?$/m.exec(markdown)![1]!;
  const leaf = (text: string): OutlineItem => ({ title: text, kids: [] });
  const sections: OutlineItem[] = [];
  let sources = false;
  for (const [, level, heading] of markdown.matchAll(/^(##|###) (.+)$/gm)) {
    if (level === '##' && heading === 'References') sources = true;
    else if (level === '##') sections.push(leaf(`${sections.length + 1} ${heading}`));
    else sections.at(-1)!.kids.push(leaf(heading!));
  }
  const kids = [leaf('Key takeaways'), ...(options.contents ? [leaf('Contents')] : []), ...sections];
  return [{ title, kids: sources ? [...kids, leaf('Sources')] : kids }];
}

export interface Word {
  page: number;
  width: number;
  height: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** Every word of a PDF with its box, from `pdftotext -bbox`. */
export async function pdfWords(file: string): Promise<Word[]> {
  const { stdout } = await run('pdftotext', ['-bbox', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  const found: Word[] = [];
  let page = { page: 0, width: 0, height: 0 };
  for (const line of stdout.split('\n')) {
    const size = /<page width="([\d.]+)" height="([\d.]+)"/.exec(line);
    if (size) page = { page: page.page + 1, width: Number(size[1]), height: Number(size[2]) };
    const word = /xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (word)
      found.push({
        ...page,
        xMin: Number(word[1]),
        yMin: Number(word[2]),
        xMax: Number(word[3]),
        yMax: Number(word[4]),
        text: word[5]!,
      });
  }
  return found;
}

/**
 * The tables of a tagged PDF as its structure tree holds them: for each Table element, in reading
 * order, each TR's count of TH and TD elements. A cell Chromium did not tag is missing here.
 */
export async function pdfTableRows(file: string): Promise<number[][]> {
  const doc = await PDFDocument.load(await readFile(file), { updateMetadata: false });
  const kidsOf = (element: PDFDict): PDFDict[] => {
    const kids = doc.context.lookup(element.get(PDFName.of('K')));
    const list = kids instanceof PDFArray ? kids.asArray().map((kid) => doc.context.lookup(kid)) : [kids];
    return list.filter((kid): kid is PDFDict => kid instanceof PDFDict && kid.has(PDFName.of('S')));
  };
  const role = (element: PDFDict) => element.get(PDFName.of('S'))?.toString().slice(1);
  const tables: number[][] = [];
  const rowsOf = (element: PDFDict, rows: number[]) => {
    for (const kid of kidsOf(element)) {
      if (role(kid) === 'TR') rows.push(kidsOf(kid).filter((cell) => ['TH', 'TD'].includes(role(cell)!)).length);
      else if (role(kid) !== 'Table') rowsOf(kid, rows);
    }
  };
  const walk = (element: PDFDict) => {
    for (const kid of kidsOf(element)) {
      if (role(kid) === 'Table') {
        const rows: number[] = [];
        tables.push(rows);
        rowsOf(kid, rows);
      }
      walk(kid);
    }
  };
  walk(doc.context.lookup(doc.catalog.get(PDFName.of('StructTreeRoot')), PDFDict));
  return tables;
}

/**
 * The words a brief's last page holds above its colophon (its "Suggested citation:" line, in any
 * language of the labels' catalogue), running header and footer left out (they sit in the 24 mm and
 * 22 mm page margins). None: the colophon is alone there.
 */
export async function lastPageAboveColophon(file: string): Promise<Word[]> {
  const all = await pdfWords(file);
  const last = Math.max(...all.map((word) => word.page));
  const mm = 2.835;
  const body = all.filter((word) => word.page === last && word.yMin > 24 * mm && word.yMax < word.height - 22 * mm);
  const labels = Object.values(catalogue).flatMap((labels) => labels.suggestedCitation?.split(/\s+/) ?? []);
  const bare = (text: string) => text.replace(/[:：]$/, '');
  const citation = body.findIndex((_, at) =>
    Object.values(catalogue).some((labels) => {
      const words = labels.suggestedCitation?.split(/\s+/);
      return words?.every((word, offset) => bare(body[at + offset]?.text ?? '') === word);
    }),
  );
  if (citation < 0)
    throw new Error(`${file}: no suggested citation (${labels.slice(0, 2).join(' ')} …) on its last page`);
  return body.filter((word) => word.yMax <= body[citation]!.yMin);
}
