import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, pageCount, pdfText, pdfTextItems, runCli, seed, tempDir } from './helpers.js';

interface Report {
  documents: Array<{
    input: string;
    messages: Array<{ severity: string; reason: string; line?: number; column?: number }>;
  }>;
}

const tiny = fixture('summary-tiny', 'water-rates.md');
const marked = fixture('summary-takeaways', 'port-strategy.md');
const flat = (text: string) => text.replace(/\s+/g, ' ');
/** Lists under headings of one long word, in English and German, which the summary's left rail labels. */
const railed = [fixture('summary-rail', 'recommendations.md'), fixture('summary-rail', 'empfehlungen.md')];

describe('the one-page summary', () => {
  let dir: string;
  let overfull: string;
  let report: Report;
  const summaryOf = (input: string) => path.join(dir, 'out', `${path.basename(input, '.md')}.summary.pdf`);
  const warningsOf = (input: string) =>
    report.documents
      .find((document) => document.input === input)!
      .messages.filter((message) => message.severity === 'warning')
      .map((message) => message.reason);

  beforeAll(async () => {
    dir = await tempDir('briefpress-summary-');
    // The seed's body ten times under its front matter: sixty sections, forty risks.
    const source = await readFile(seed, 'utf8');
    const end = source.indexOf('\n---\n', 4) + 5;
    overfull = path.join(dir, 'overfull.md');
    await writeFile(overfull, source.slice(0, end) + source.slice(end).repeat(10));
    const result = await runCli([
      'build',
      seed,
      tiny,
      marked,
      overfull,
      ...railed,
      '--only',
      'summary',
      '--json',
      '--html',
      '--out',
      path.join(dir, 'out'),
    ]);
    expect(result.code, result.stderr).toBe(0);
    report = JSON.parse(result.stdout) as Report;
  });

  it('should make the seed one page with no warning, reading as a summary', async () => {
    expect(warningsOf(seed)).toEqual([]);
    expect(await pageCount(summaryOf(seed))).toBe(1);
    const text = flat(await pdfText(summaryOf(seed)));
    expect(text.toLowerCase()).toContain('bottom line');
    // The bottom line comes from the closing section, the key points from the others' leads.
    expect(text).toContain('It’s a statement — by both countries');
    expect(text).toContain('For India, hosting Putin now');
    expect(text).toContain('Trade imbalance and economic risk. Historically');
    expect(text).toContain('is in india-russia-summit-2025.brief.pdf');
  });

  it('should set a label too long for the left rail tighter and smaller, never broken inside a word', async () => {
    for (const [input, label, first] of [
      [railed[0]!, 'RECOMMENDATIONS', 'Plan now.'],
      // German lists are recognised by their word, and a compound breaks with a hyphen before it.
      [railed[1]!, 'EMPFEHLUNGEN', 'Jetzt planen.'],
    ] as const) {
      expect(warningsOf(input)).toEqual([]);
      const { items } = await pdfTextItems(summaryOf(input), 1);
      const word = items.find((item) => item.text === label);
      expect(word, `${label} is one word in ${path.basename(input)}`).toBeDefined();
      // The rail's label ends before the list it labels begins.
      const list = items.find((item) => item.text === first);
      expect(list, first).toBeDefined();
      expect(word!.x + word!.width).toBeLessThan(list!.x);
    }
    expect(await pdfText(summaryOf(railed[1]!))).toContain('HANDLUNGS\u00adEMPFEHLUNGEN\n');
  });

  it('should keep the type of a three-line note at the maximum size, with whitespace at the bottom', async () => {
    expect(warningsOf(tiny)).toEqual([]);
    expect(await pageCount(summaryOf(tiny))).toBe(1);
    const { height, items } = await pdfTextItems(summaryOf(tiny));
    // Key points are set at 1rem, the root size the fit chose: the template's --fit-max, 11pt.
    const point = items.find((item) => item.text.includes('Most mains are older'));
    expect(point?.size).toBeCloseTo(11, 1);
    expect(Math.min(...items.map((item) => item.y))).toBeGreaterThan(height / 2);
    // --html writes the page as printed, with the size the fit set.
    expect(await readFile(summaryOf(tiny).replace(/\.pdf$/, '.html'), 'utf8')).toContain(
      '<html lang="en" style="font-size: 11pt;">',
    );
  });

  it('should use the front matter takeaways verbatim and in order', async () => {
    const text = flat(await pdfText(summaryOf(marked)));
    const source = await readFile(marked, 'utf8');
    const takeaways = [...source.matchAll(/^ {2}- (.+)$/gm)].map((match) => match[1]!);
    expect(takeaways).toHaveLength(3);
    const at = takeaways.map((takeaway) => text.indexOf(takeaway));
    expect(at.every((index) => index >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(text).not.toContain('Forecasts from three independent studies');
    // A list item's bold lead-in becomes its label; the text after it starts a sentence.
    expect(text).toContain('Double the rail line. Start the planning process this year.');
  });

  it('should fit ten seeds on one page at the minimum size, warning what it left out', async () => {
    expect(await pageCount(summaryOf(overfull))).toBe(1);
    const [warning, ...others] = warningsOf(overfull);
    expect(others).toEqual([]);
    expect(warning).toMatch(
      /^the summary does not fit on one page at 8pt, so it leaves out What Could Go Wrong: “[^”]+”, “[^”]+”, “[^”]+” and \d+ more$/,
    );
    // It points at the first item it left out, in the Markdown.
    const { line, column } = report.documents.find((document) => document.input === overfull)!.messages[0]!;
    const item = (await readFile(overfull, 'utf8')).split('\n')[line! - 1]!.slice(column! - 1);
    expect(item).toMatch(/^[-*] \*\*.+\*\*/);
    expect(warning).toContain(`“${/\*\*(.+?)[.:]?\*\*/.exec(item)![1]}”`);
    const { items } = await pdfTextItems(summaryOf(overfull));
    expect(items.find((item) => item.text.includes('For India, hosting Putin now'))?.size).toBeCloseTo(8, 1);
    const text = flat(await pdfText(summaryOf(overfull)));
    expect(text).toContain('Putin in New Delhi');
    const risks = text.split('Trade imbalance and economic risk').length - 1;
    expect(risks).toBeGreaterThanOrEqual(1);
    expect(risks).toBeLessThan(10);
    const html = await readFile(summaryOf(overfull).replace(/\.pdf$/, '.html'), 'utf8');
    expect(html).toContain('style="font-size: 8pt;"');
    expect(html.split('>Trade imbalance and economic risk.</strong>').length - 1).toBe(risks);
  });

  it('should set no text below 8pt in any summary', async () => {
    for (const input of [seed, tiny, marked, overfull]) {
      const { items } = await pdfTextItems(summaryOf(input));
      const smallest = items.reduce((a, b) => (b.size < a.size ? b : a));
      expect(smallest.size, `${input}: “${smallest.text}”`).toBeGreaterThanOrEqual(7.99);
    }
  });

  it('should exit 1 and write nothing with --strict when content must be left out, or when the takeaways alone overflow', async () => {
    const out = path.join(dir, 'strict');
    // Takeaways are never dropped: two hundred of them cannot make a one-page summary.
    const sentence =
      'Every one of these marked takeaways is a long sentence that the author insists on keeping in the summary.';
    const crowded = path.join(dir, 'crowded.md');
    await writeFile(crowded, `---\ntitle: Crowded\ntakeaways:\n${`  - ${sentence}\n`.repeat(200)}---\n\nBody.\n`);
    const result = await runCli(['build', overfull, crowded, '--strict', '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /overfull\.md:\d+:\d+: error: the summary does not fit on one page at 8pt, so it leaves out .+--strict/,
    );
    expect(result.stderr).toMatch(
      /crowded\.md: error: the summary does not fit on one page at 8pt: shorten the takeaways/,
    );
    expect(await readdir(out).catch(() => [])).toEqual([]);
  });
});
