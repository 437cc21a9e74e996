import { execFile } from 'node:child_process';
import { copyFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, pageCount, pdfText, root, tempDir } from './helpers.js';

const run = promisify(execFile);

/**
 * The package as npm ships it: packed (which runs `prepare`, the build with type declarations),
 * installed from the tarball into a project of its own, and used as a user would. Not part of
 * `npm test` (packing and installing take one to two minutes): `npm run test:pack`.
 */
describe('the packed package', () => {
  let project: string;
  let files: string[];

  beforeAll(async () => {
    const packs = await tempDir('briefpress-pack-');
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', packs], {
      cwd: root,
      maxBuffer: 16 * 1024 * 1024,
    });
    const [packed] = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{
      filename: string;
      files: Array<{ path: string }>;
    }>;
    files = packed!.files.map((file) => file.path);
    project = await tempDir('briefpress-project-');
    await writeFile(path.join(project, 'package.json'), JSON.stringify({ name: 'uses-briefpress', private: true }));
    // Scripts off: Puppeteer's would download a browser; the system's is found as a user's would be.
    await run(
      'npm',
      [
        'install',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        path.join(packs, packed!.filename),
      ],
      { cwd: project, maxBuffer: 16 * 1024 * 1024 },
    );
  }, 280_000);

  it('should ship the build, its types and the templates, and neither sources nor tests', () => {
    for (const file of ['dist/index.js', 'dist/index.d.ts', 'dist/cli.js', 'dist/parse-worker.js', 'package.json'])
      expect(files).toContain(file);
    expect(files.some((file) => file.startsWith('templates/') && file.endsWith('.hbs'))).toBe(true);
    expect(files.filter((file) => /^(src|tests|scripts|content)\//.test(file))).toEqual([]);
  });

  it('should build a brief with the installed CLI', async () => {
    const bin = path.join(project, 'node_modules', '.bin', 'briefpress');
    await copyFile(fixture('speed', 'note.md'), path.join(project, 'note.md'));
    const { stderr } = await run(bin, ['build', 'note.md', '--out', 'out'], {
      cwd: project,
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(stderr).toBe('');
    expect((await readdir(path.join(project, 'out'))).sort()).toEqual(['note.brief.pdf', 'note.summary.pdf']);
    expect(await pageCount(path.join(project, 'out', 'note.brief.pdf'))).toBeGreaterThanOrEqual(1);
    expect(await pdfText(path.join(project, 'out', 'note.brief.pdf'))).toContain('Borewells went from one');
  }, 120_000);

  it("should build PDF bytes through `import { build } from 'briefpress'`", async () => {
    const script = path.join(project, 'use.mjs');
    await writeFile(
      script,
      `import { writeFile } from 'node:fs/promises';
import { build, createRenderer, version } from 'briefpress';
const renderer = await createRenderer();
try {
  const [result] = await build([{ path: 'tides.md', value: '---\\ntitle: Notes on Tides\\n---\\n\\nTides matter.\\n\\n## Why\\n\\nThe moon pulls the sea.\\n' }], { renderer });
  if (result.error) throw new Error(result.error);
  for (const output of result.outputs) await writeFile(output.fileName, output.pdf);
  console.log(version, result.outputs.map((output) => output.fileName).join(' '));
} finally {
  await renderer.close();
}
`,
    );
    const { stdout } = await run(process.execPath, [script], { cwd: project });
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+ tides\.brief\.pdf tides\.summary\.pdf$/);
    expect(await pdfText(path.join(project, 'tides.brief.pdf'))).toContain('The moon pulls the sea.');
  }, 120_000);
});
