import { execFile } from 'node:child_process';
import { cp, readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { chartAlt } from '../src/markdown/chart-alt.js';
import { parseDocument } from '../src/markdown/parse-document.js';
import { fixture, pdfText, runCli, tempDir } from './helpers.js';
import { describeFailures, verapdf, verapdfAvailable } from './verapdf.js';

const run = promisify(execFile);

interface StructNode {
  role?: string;
  alt?: string;
  children?: StructNode[];
}

/** The Figure elements of a PDF's structure tree, with their /Alt, as pdf.js reads them. */
async function figures(file: string): Promise<Array<string | undefined>> {
  const doc = await getDocument({ data: new Uint8Array(await readFile(file)) }).promise;
  const found: Array<string | undefined> = [];
  for (let number = 1; number <= doc.numPages; number++) {
    const walk = (node: StructNode) => {
      if (node.role === 'Figure') found.push(node.alt);
      for (const child of node.children ?? []) walk(child);
    };
    walk(((await (await doc.getPage(number)).getStructTree()) ?? {}) as StructNode);
  }
  return found;
}

describe('chart alt text', () => {
  it('should prefer the spec’s description, else describe the encoding', () => {
    expect(chartAlt({ description: 'Exports rose.', mark: 'bar' })).toBe('Exports rose.');
    const spec = { mark: 'bar', encoding: { x: { field: 'year' }, y: { field: 'value', title: 'US$ billion' } } };
    expect(chartAlt(spec)).toBe('Bar chart of US$ billion by year');
    expect(chartAlt({ layer: [{ mark: { type: 'line' }, encoding: { x: { field: 't' }, y: { field: 'v' } } }] })).toBe(
      'Line chart of v by t',
    );
  });
});

describe('charts in the printed brief', () => {
  let out: string;
  let result: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    out = await tempDir();
    result = await runCli(['build', fixture('charts', 'brief.md'), '--out', out], { timeout: 170_000 });
  }, 180_000);

  it('should print each chart as a numbered figure with its caption and source line', async () => {
    expect(result.code, result.stderr).toBe(0);
    const text = (await pdfText(path.join(out, 'brief.brief.pdf'))).replace(/\s+/g, ' ');
    expect(text).toContain("Figure 1. India's trade with Russia, 2021–2024 (US$ billion)");
    expect(text).toContain('Source: Ministry of Commerce and Industry, Export Import Data Bank.');
    expect(text).toContain('Figure 2. Trade with Russia and the United States compared');
    // The axes and legend are text drawn from the data (the CSV beside the document for Figure 2).
    expect(text).toContain('United States');
    expect(text).toMatch(/2021 2022 2023 2024/);
    expect(text).not.toContain('vega-lite');
  });

  it('should draw the charts as vector graphics, with no raster image', async () => {
    const { stdout } = await run('pdfimages', ['-list', path.join(out, 'brief.brief.pdf')]);
    expect(stdout.trim().split('\n').slice(2)).toEqual([]);
  });

  it('should tag each chart a Figure with its alt text', async () => {
    expect(await figures(path.join(out, 'brief.brief.pdf'))).toEqual([
      "Bar chart of US$ billion by Year: India's trade with Russia, 2021–2024 (US$ billion)",
      "Line chart comparing India's trade with Russia and with the United States, 2021 to 2024.",
    ]);
  });

  it.runIf(verapdfAvailable())(
    'should keep a brief with charts PDF/UA-1 and PDF/A-2b valid',
    async () => {
      const file = path.join(out, 'brief.brief.pdf');
      for (const flavour of ['ua1', '2b'] as const) {
        const verdict = (await verapdf(flavour, [file])).get(file)!;
        expect(verdict.failed, describeFailures(verdict)).toEqual([]);
      }
    },
    300_000,
  );
});

describe('charts that cannot be drawn', () => {
  it('should fail a bad spec, a URL and data outside the folder, each at its block', async () => {
    const dir = await tempDir();
    const doc = path.join(dir, 'doc');
    await cp(fixture('charts-bad'), doc, { recursive: true });
    await cp(fixture('charts'), path.join(dir, 'charts'), { recursive: true });
    await symlink(path.join(dir, 'charts', 'trade.csv'), path.join(doc, 'linked.csv'));
    const linked = path.join(doc, 'linked.md');
    await cp(path.join(doc, 'outside.md'), linked);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(linked, (await readFile(linked, 'utf8')).replace('../charts/trade.csv', 'linked.csv'));
    const { code, stderr } = await runCli(['build', doc, '--out', dir], { timeout: 120_000 });
    expect(code).toBe(1);
    expect(stderr).toMatch(/bad-spec\.md:5:1: error: vega-lite chart: the spec is not valid JSON or YAML/);
    expect(stderr).toMatch(
      /remote\.md:3:1: error: vega-lite chart: data `https:\/\/example\.org\/data\.csv` is on the network and was not fetched/,
    );
    expect(stderr).toMatch(/outside\.md:3:1: error: vega-lite chart: data `\.\.\/charts\/trade\.csv` is outside/);
    expect(stderr).toMatch(/linked\.md:3:1: error: vega-lite chart: data `linked\.csv` is outside/);
  }, 130_000);
});

describe('charts and the network', () => {
  const spec = (url: string) =>
    `# Remote\n\n\`\`\`vega-lite\ndata: {url: "${url}"}\nmark: bar\nencoding:\n  x: {field: a, type: nominal}\n  y: {field: b, type: quantitative}\n\`\`\`\n`;

  it('should refuse a data URL offline, and let Vega fetch it (over http only) with the network allowed', async () => {
    const dir = await tempDir();
    const value = spec('http://127.0.0.1:9/data.csv');
    const offline = await parseDocument({ path: path.join(dir, 'a.md'), value, allowNet: false });
    expect(offline.messages.map((message) => message.reason)).toEqual([
      'vega-lite chart: data `http://127.0.0.1:9/data.csv` is on the network and was not fetched (allow the network with --allow-net)',
    ]);
    // Nothing listens on port 9 (discard): the fetch is tried, and its failure fails the document at the block.
    const online = await parseDocument({ path: path.join(dir, 'a.md'), value, allowNet: true });
    expect(online.document).toBeUndefined();
    expect(online.messages).toHaveLength(1);
    expect(online.messages[0]!.reason).not.toContain('was not fetched');
    expect(online.messages[0]!.place).toMatchObject({ start: { line: 3, column: 1 } });
    // A file URL is no way around the folder rule, network or not.
    const file = await parseDocument({
      path: path.join(dir, 'b.md'),
      value: spec('file:///etc/hostname'),
      allowNet: true,
    });
    expect(file.messages[0]!.reason).toContain('is a URL, not a file in the document’s folder');
  });
});
