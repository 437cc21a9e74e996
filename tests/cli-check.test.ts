import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { frontMatterSchema } from '../src/markdown/remark-front-matter.js';
import linkTargets from '../src/markdown/remark-link-targets.js';
import { fixture, runCli, tempDir } from './helpers.js';

describe('the linkTargets stage', () => {
  it('should record every link and link definition with its place, as written (images are left to the parse)', async () => {
    const file = new VFile({
      value:
        'See [the part](#part) and ![a map](maps/a.png).\n\n[ref]: https://example.com/x\n\n- [web](https://example.com)\n',
    });
    const stage = unified().use(remarkParse).use(remarkGfm).use(linkTargets);
    await stage.run(stage.parse(file), file);
    expect(file.data.linkTargets?.map(({ type, url, place }) => [type, url, place?.line, place?.column])).toEqual([
      ['link', '#part', 1, 5],
      ['definition', 'https://example.com/x', 3, 1],
      ['link', 'https://example.com', 5, 3],
    ]);
  });
});

describe('briefpress check', () => {
  it('should flag a broken front matter with file:line:col, write nothing and exit 1', async () => {
    const dir = await tempDir();
    await copyFile(fixture('pipeline', 'bad-date.md'), path.join(dir, 'bad.md'));
    const result = await runCli(['check', 'bad.md', '--no-fit'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^bad\.md:3:7: error: front matter `date`: not a real calendar date$/m);
    expect(result.stdout).toMatch(/^0 passed, 1 failed in \d+\.\d s$/m);
    expect(await readdir(dir)).toEqual(['bad.md']);
  });

  it('should flag #anchors that name no section and images that are not there, once each, as JSON with their places', async () => {
    // With and without printing the summary: the missing image is one error either way, not also the build's warning.
    for (const flags of [['--no-fit'], []]) {
      const result = await runCli(['check', fixture('cli', 'broken-links.md'), '--json', ...flags]);
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout) as {
        documents: Array<{
          ok: boolean;
          messages: Array<{ severity: string; line: number; column: number; rule: string; reason: string }>;
        }>;
      };
      expect(report.documents[0]!.ok).toBe(false);
      expect(
        report.documents[0]!.messages.map(({ severity, line, column, rule }) => ({ severity, line, column, rule })),
      ).toEqual([
        { severity: 'error', line: 6, column: 39, rule: 'link-anchor' },
        { severity: 'error', line: 10, column: 27, rule: 'image-path' },
      ]);
      expect(report.documents[0]!.messages[0]!.reason).toContain('#no-such-section');
    }
  });

  it('should warn, once and from the whole Markdown, about characters no shipped font has, with and without fit', async () => {
    const dir = await tempDir();
    // The brief's text only: the summary, which a fitting check prints, shows none of it.
    const body =
      'The summit in Delhi, and what it means.\n\n## Asia\n\nIt went well.\n\n## Notes\n\nJapan calls it the 日本 view, and Ethiopia ሰላም.\n';
    await writeFile(
      path.join(dir, 'tokyo.md'),
      `---\ntitle: Tokyo and Delhi\nsummary: The summit went well.\ntakeaways: [It went well.]\n---\n\n${body}`,
    );
    for (const fit of [[], ['--no-fit']]) {
      const result = await runCli(['check', 'tokyo.md', ...fit], { cwd: dir });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr.trim().split('\n'), fit.join()).toEqual([
        expect.stringMatching(
          /^tokyo\.md:15:42: warning: no font briefpress embeds has ሰ \(U\+1230\), ላ \(U\+120B\), ም \(U\+121D\): /,
        ),
      ]);
    }
  }, 60_000);

  it('should print what the summary chose with --summary, as text and in the JSON report', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'memo.md');
    await writeFile(
      file,
      [
        '---\ntitle: Water rates\n---',
        'Water rates will rise by a tenth next year to pay for the renewal of the oldest mains in the city.',
        '## Mains',
        'Most mains in the old town were laid before 1950 and leak a fifth of the water they carry.',
        '## Risks',
        '- **Arrears:** poorer households may fall behind on their bills. They need help.',
      ].join('\n\n'),
    );
    const text = await runCli(['check', file, '--summary', '--no-fit']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(
      '  Bottom line: Water rates will rise by a tenth next year to pay for the renewal of the oldest mains in the city.',
    );
    expect(text.stdout).toContain(
      '    1. Mains: Most mains in the old town were laid before 1950 and leak a fifth of the water they carry.',
    );
    expect(text.stdout).toContain('    - Arrears: Poorer households may fall behind on their bills.\n');
    const json = await runCli(['check', file, '--summary', '--no-fit', '--json']);
    const report = JSON.parse(json.stdout) as { documents: Array<{ summary: Record<string, unknown> }> };
    expect(report.documents[0]?.summary).toEqual({
      bottomLine: 'Water rates will rise by a tenth next year to pay for the renewal of the oldest mains in the city.',
      keyPoints: [
        {
          label: 'Mains',
          text: 'Most mains in the old town were laid before 1950 and leak a fifth of the water they carry.',
        },
      ],
      keyPointsMarked: false,
      lists: [
        { heading: 'Risks', items: [{ label: 'Arrears', text: 'Poorer households may fall behind on their bills.' }] },
      ],
    });
    const plain = await runCli(['check', file, '--no-fit', '--json']);
    expect(JSON.parse(plain.stdout).documents[0]).not.toHaveProperty('summary');
  });

  it('should exit 2 on a usage error', async () => {
    const result = await runCli(['check', '--no-such-flag']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--no-such-flag'");
  });
});

describe('briefpress init', () => {
  it('should write a brief showing every front-matter field that checks clean, summary fit included', async () => {
    const dir = await tempDir();
    const made = await runCli(['init', 'water-2026'], { cwd: dir });
    expect(made.code).toBe(0);
    const text = await readFile(path.join(dir, 'content', 'water-2026.md'), 'utf8');
    for (const field of Object.keys(frontMatterSchema.shape)) expect(text).toMatch(new RegExp(`^${field}:`, 'm'));
    const checked = await runCli(['check'], { cwd: dir });
    expect(checked.stderr).toBe('');
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(/✓ content\/water-2026\.md no problems/);
  });

  it('should refuse to overwrite a brief, and refuse a name that is a path', async () => {
    const dir = await tempDir();
    expect((await runCli(['init', 'memo'], { cwd: dir })).code).toBe(0);
    const again = await runCli(['init', 'memo'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('content/memo.md already exists');
    const escaping = await runCli(['init', '../memo'], { cwd: dir });
    expect(escaping.code).toBe(2);
  });
});
