import { cp, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRenderer } from '../src/index.js';
import { fixture, pageCount, pdfFonts, pdfText, root, runCli, tempDir } from './helpers.js';

interface Report {
  documents: Array<{
    input: string;
    ok: boolean;
    files: Array<{ kind: string; path: string; bytes?: number; pages?: number }>;
    messages: unknown[];
  }>;
  built: number;
  failed: number;
}

describe('briefpress build in a branded project (config, custom template, --json, --eml, --html, --png)', () => {
  let dir: string;
  let result: Awaited<ReturnType<typeof runCli>>;
  let report: Report;
  let mail: ParsedMail;
  const briefs = () => path.join(dir, 'briefs');

  beforeAll(async () => {
    dir = await tempDir();
    await cp(fixture('cli', 'project'), dir, { recursive: true });
    // No --out: the config's "out" folder is used.
    result = await runCli(['build', 'content', '--json', '--eml', '--html', '--png'], { cwd: dir });
    report = JSON.parse(result.stdout) as Report;
    mail = await simpleParser(await readFile(path.join(briefs(), 'harbour.eml')));
  });

  it('should print only a JSON report that matches the files written', async () => {
    expect(result.code).toBe(0);
    expect(report).toMatchObject({ built: 1, failed: 0 });
    const [entry] = report.documents;
    expect(entry).toMatchObject({ input: 'content/harbour.md', ok: true, messages: [] });
    expect(
      entry!.files
        .map((file) => file.kind)
        .filter((kind) => kind !== 'png')
        .sort(),
    ).toEqual(['brief', 'eml', 'html', 'html', 'summary']);
    for (const file of entry!.files) {
      const info = await stat(path.resolve(dir, file.path));
      if (file.bytes !== undefined) expect(info.size).toBe(file.bytes);
      if (file.pages !== undefined) expect(await pageCount(path.resolve(dir, file.path))).toBe(file.pages);
    }
    const brief = entry!.files.find((file) => file.kind === 'brief')!;
    expect(path.resolve(dir, brief.path)).toBe(path.join(briefs(), 'harbour.brief.pdf'));
    expect(entry!.files.filter((file) => file.kind === 'png')).toHaveLength(brief.pages! + 1);
  });

  it('should write an email with the title as subject, the key points as body and both PDFs attached', async () => {
    expect(mail.subject).toBe('Dredging the Old Harbour');
    expect(mail.text).toContain('Dredging pays for itself within nine years.');
    expect(mail.text).toContain('The harbour silts up faster each year.');
    expect(mail.html).toContain('<li>Delay raises the cost by a fifth.</li>');
    expect(mail.attachments.map((attachment) => [attachment.contentType, attachment.filename])).toEqual([
      ['application/pdf', 'harbour.brief.pdf'],
      ['application/pdf', 'harbour.summary.pdf'],
    ]);
    for (const attachment of mail.attachments) {
      expect(Buffer.compare(attachment.content, await readFile(path.join(briefs(), attachment.filename!)))).toBe(0);
    }
  });

  it('should put the configured organisation, logo and accent colour into the HTML', async () => {
    const html = await readFile(path.join(briefs(), 'harbour.brief.html'), 'utf8');
    const logo = await readFile(path.join(dir, 'logo.svg'));
    // Handlebars escapes `=` in attributes; the browser reads the entity back.
    expect(html).toContain(`src="data:image/svg+xml;base64,${logo.toString('base64').replace(/=/g, '&#x3D;')}"`);
    expect(html).toContain('--accent: #1f6f5c');
    expect(html).toContain('Harbour Institute');
  });

  it('should write HTML that stands alone: the fonts the page loaded from memory are inlined, and print from any page', async () => {
    const html = await readFile(path.join(briefs(), 'harbour.brief.html'), 'utf8');
    expect(html).toContain('src: url(data:font/woff2;base64,');
    expect(html).not.toMatch(/url\(http:/);
    // Printed as a plain `setContent` would, with nothing served: the text is still set in the shipped fonts.
    const renderer = await createRenderer({ jobs: 1 });
    try {
      const file = path.join(dir, 'standalone.pdf');
      await writeFile(file, await renderer.print({ html }));
      const fonts = (await pdfFonts(file)).map((font) => font.name).join(' ');
      expect(fonts).toContain('SourceSerif4');
      expect(fonts).toContain('SourceSans3');
    } finally {
      await renderer.close();
    }
  }, 60_000);

  it("should warn, naming the CSP, when a custom template's CSP does not let the fonts load", async () => {
    const project = await tempDir();
    await cp(fixture('cli', 'project'), project, { recursive: true });
    const head = (await readFile(path.join(root, 'templates', 'partials', 'head.hbs'), 'utf8')).replace(
      /font-src [^;]+;/,
      'font-src data:;',
    );
    await mkdir(path.join(project, 'my-templates', 'partials'), { recursive: true });
    await writeFile(path.join(project, 'my-templates', 'partials', 'head.hbs'), head);
    const result = await runCli(['build', 'content', '--only', 'brief'], { cwd: project });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /harbour\.md: warning: refused to load http:\/\/briefpress\.invalid\/fonts\/[\da-f]+\.woff2: blocked by the page's Content Security Policy/,
    );
  });

  it('should use a partial from the custom templates folder and the defaults for the rest', async () => {
    const text = (await pdfText(path.join(briefs(), 'harbour.brief.pdf'))).replace(/\s+/g, ' ');
    expect(text.toLowerCase()).toContain('what to remember');
    expect(text.toLowerCase()).not.toContain('key takeaways');
    expect(text).toContain('Suggested citation');
    expect(text).toContain('Harbour Institute');
  });

  it('should name the file and the key of a bad config setting, and exit 2', async () => {
    await writeFile(path.join(dir, 'briefpress.config.json'), JSON.stringify({ organisation: 'X', acent: 'red' }));
    const bad = await runCli(['build', 'content'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/briefpress\.config\.json: `acent`: unknown setting/);
    await writeFile(
      path.join(dir, 'briefpress.config.json'),
      JSON.stringify({ accent: 'red; } body { display: none' }),
    );
    const colour = await runCli(['build', 'content'], { cwd: dir });
    expect(colour.code).toBe(2);
    expect(colour.stderr).toMatch(/briefpress\.config\.json: `accent`: expected a CSS colour/);
  });

  it('should say in one line which configured font is not installed and how to get it, in build and in check', async () => {
    const project = await tempDir();
    await cp(path.join(dir, 'content'), path.join(project, 'content'), { recursive: true });
    await writeFile(
      path.join(project, 'briefpress.config.json'),
      JSON.stringify({ fonts: [{ package: '@fontsource/not-installed', faces: ['400'] }] }),
    );
    const fix =
      'font @fontsource/not-installed, face 400: not found (400.css); install the package (npm install @fontsource/not-installed)';
    const built = await runCli(['build', 'content', '--only', 'brief'], { cwd: project });
    expect(built.code).toBe(1);
    expect(built.stderr.trim().split('\n')).toEqual([expect.stringContaining(`harbour.md: error: ${fix}`)]);
    const checked = await runCli(['check', 'content', '--no-fit'], { cwd: project });
    expect(checked.code).toBe(2);
    expect(checked.stderr.trim().split('\n')).toEqual([expect.stringContaining(fix)]);
  });

  it('should read the settings from a "briefpress" key in package.json', async () => {
    const project = await tempDir();
    await cp(path.join(dir, 'content'), path.join(project, 'content'), { recursive: true });
    await writeFile(
      path.join(project, 'package.json'),
      JSON.stringify({ name: 'x', briefpress: { format: 'letter', out: 'pdf' } }),
    );
    const checked = await runCli(['check', 'content', '--no-fit', '--verbose'], { cwd: project });
    expect(checked.code).toBe(0);
    expect(checked.stderr).toContain(`config: ${path.join(project, 'package.json')}`);
  });
});
