// `npm run corpus`: builds the real documents in tests/fixtures/real and writes docs/corpus.md (what
// each built into: warnings, pages, the summary's type size and choices) with contact sheets of every
// summary and every brief's first page under docs/corpus/, to be looked at as a reader would.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// The built library, as users run it (functions that run in the page are not to pass through tsx).
const dist = path.join(root, 'dist', 'index.js');
const { build } = (await import(dist)) as typeof import('../src/index.js');
const corpus = path.join(root, 'tests', 'fixtures', 'real');
const sheets = path.join(root, 'docs', 'corpus');
const names = (await readdir(corpus)).filter((name) => name.endsWith('.md') && name !== 'SOURCES.md').sort();
const work = await mkdtemp(path.join(os.tmpdir(), 'briefpress-corpus-'));

try {
  // Long documents on a busy machine: the corpus is about what they look like, not how fast.
  const results = await build(
    names.map((name) => ({ path: path.join(corpus, name) })),
    { timeout: 300_000 },
  );
  const pictures = { summary: [] as string[], brief: [] as string[] };
  const lines = [
    '# The corpus of real documents',
    '',
    `Made by \`npm run corpus\` from the ${names.length} documents in \`tests/fixtures/real/\` (see its SOURCES.md).`,
    'Contact sheets: [every summary](corpus/summaries.png), [every brief’s first page](corpus/briefs.png).',
    '',
    '| document | built | pages (brief, summary) | summary type | inferred | warnings |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  const details: string[] = [];
  for (const result of results) {
    const name = path.basename(result.path, '.md');
    const brief = result.outputs.find((output) => output.kind === 'brief');
    const summary = result.outputs.find((output) => output.kind === 'summary');
    const warnings = result.file.messages.filter((message) => !message.fatal);
    const inferred = result.document?.inferred;
    lines.push(
      `| ${name} | ${result.error ? `no: ${cell(result.error)}` : 'yes'} | ${brief?.pages ?? '–'}, ${summary?.pages ?? '–'} | ${
        summary?.fit
          ? `${summary.fit.fontSize.toFixed(1)} pt${summary.fit.dropped.length ? `, ${summary.fit.dropped.length} left out` : ''}`
          : '–'
      } | ${inferred ? `title: ${inferred.title}; sections: ${inferred.sectionsFrom} (${result.document?.sections.length})` : '–'} | ${warnings.length} |`,
    );
    details.push(`## ${name}`, '');
    if (result.document) {
      details.push(`**Title:** ${result.document.meta.title}`, '');
      const bottom = result.document.digest.bottomLine.map((sentence) => sentence.text).join(' ');
      details.push(`**Bottom line:** ${bottom || '(none)'}`, '', '**Key points:**', '');
      for (const point of result.document.digest.keyPoints)
        details.push(`- ${point.label ? `**${point.label}** ` : ''}${point.text}`);
      details.push('');
    }
    if (warnings.length > 0) {
      details.push('**Warnings:**', '');
      for (const message of warnings)
        details.push(`- ${message.line ?? ''}${message.line ? ':' : ''} ${message.reason}`);
      details.push('');
    }
    for (const output of result.outputs) {
      const pdf = path.join(work, output.fileName);
      await writeFile(pdf, output.pdf);
      const png = path.join(work, `${name}.${output.kind}`);
      execFileSync('pdftoppm', ['-r', '24', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, png]);
      pictures[output.kind as 'brief' | 'summary'].push(`${png}.png`);
    }
  }
  await mkdir(sheets, { recursive: true });
  for (const [kind, files] of Object.entries(pictures)) {
    if (files.length === 0) continue;
    const sheet = path.join(sheets, kind === 'summary' ? 'summaries.png' : 'briefs.png');
    execFileSync('montage', [
      ...files,
      '-tile',
      '6x',
      '-geometry',
      '+4+4',
      '-background',
      '#bbb',
      '-colors',
      '64',
      sheet,
    ]);
  }
  await writeFile(path.join(root, 'docs', 'corpus.md'), `${[...lines, '', ...details].join('\n').trimEnd()}\n`);
  const built = results.filter((result) => !result.error).length;
  console.log(`${built} of ${results.length} built; docs/corpus.md and docs/corpus/*.png written`);
} finally {
  await rm(work, { recursive: true, force: true });
}

/** Text safe in a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
