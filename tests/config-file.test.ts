import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { BriefpressError } from '../src/errors.js';
import { fixture, pdfInfo, runCli, tempDir } from './helpers.js';

/** A folder holding one config file, `name`, with `text`. */
async function project(name: string, text: string): Promise<{ dir: string; file: string }> {
  const dir = await tempDir('briefpress-config-');
  const file = path.join(dir, name);
  await writeFile(file, text);
  return { dir, file };
}

/** The message loadConfig throws for the config file, checked to be a BriefpressError naming the file. */
async function refusal(name: string, text: string): Promise<string> {
  const { dir, file } = await project(name, text);
  const error = await loadConfig({ cwd: dir }).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(BriefpressError);
  const message = (error as Error).message;
  expect(message.startsWith(`${file}: `), message).toBe(true);
  return message.slice(file.length + 2);
}

describe('the config file', () => {
  it('should read briefpress.config.yaml and .yml as YAML', async () => {
    for (const name of ['briefpress.config.yaml', 'briefpress.config.yml']) {
      const { dir, file } = await project(name, 'organisation: Water Desk\naccent: "#2e7d32"\nformat: letter\n');
      expect(await loadConfig({ cwd: dir })).toEqual({
        path: file,
        options: { organisation: 'Water Desk', accent: '#2e7d32', format: 'letter' },
      });
    }
  });

  it('should name the syntax error of a JSON or a YAML file', async () => {
    expect(await refusal('briefpress.config.json', '{ "accent": "#fff", }')).toMatch(/^not valid JSON: /);
    expect(await refusal('briefpress.config.yaml', 'accent: [unclosed\n')).toMatch(/^not valid YAML: .*line 2/);
  });

  it('should name the setting of a wrong type and the type it expects', async () => {
    expect(await refusal('briefpress.config.json', '{ "timeout": "3 s" }')).toMatch(/^`timeout`: .*expected number/);
    expect(await refusal('briefpress.config.yaml', 'strict: maybe\n')).toMatch(/^`strict`: .*expected boolean/);
    expect(await refusal('briefpress.config.yaml', 'accent: 12\n')).toMatch(/^`accent`: .*expected string/);
    expect(await refusal('briefpress.config.json', '{ "fonts": [{ "package": "x" }] }')).toMatch(
      /^`fonts\.0\.faces`: .*expected array/,
    );
    expect(await refusal('briefpress.config.json', '{ "acent": "red" }')).toMatch(/^`acent`: unknown setting/);
  });

  it('should name a logo or templates folder that does not exist, with its absolute path', async () => {
    const logo = await project('briefpress.config.json', '{ "logo": "brand/logo.svg" }');
    expect(await refusal('briefpress.config.json', '{ "logo": "brand/logo.svg" }')).toMatch(
      /^`logo`: no such file \/.*\/brand\/logo\.svg$/,
    );
    expect(await refusal('briefpress.config.yaml', 'templates: mine\n')).toMatch(
      /^`templates`: no such folder \/.*\/mine$/,
    );
    // Present, they are read, relative to the file.
    await mkdir(path.join(logo.dir, 'brand'));
    await writeFile(path.join(logo.dir, 'brand', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect((await loadConfig({ cwd: logo.dir })).options.logo).toBe(path.join(logo.dir, 'brand', 'logo.svg'));
  });

  it('should stop the CLI with exit 2 and the one-line message', async () => {
    const { dir, file } = await project('briefpress.config.yaml', 'accent: [unclosed\n');
    const result = await runCli(['build', fixture('pipeline', 'small.md'), '--out', 'out'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(`${file}: not valid YAML: `);
  });

  it('should build with the settings of a YAML config', async () => {
    const { dir } = await project('briefpress.config.yml', 'format: letter\n');
    const result = await runCli(['build', fixture('pipeline', 'small.md'), '--only', 'summary', '--out', 'out'], {
      cwd: dir,
    });
    expect(result.code, result.stderr).toBe(0);
    expect((await pdfInfo(path.join(dir, 'out', 'small.summary.pdf')))['Page size']).toMatch(
      /^612 x 792 pts \(letter\)/,
    );
  });
});
