import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { defaultTemplates } from '../src/config/options.js';
import { labelsFor } from '../src/labels/labels.js';
import type { BriefDocument } from '../src/markdown/document-model.js';
import { processor } from '../src/markdown/processor.js';
import { loadTemplates, templateCode, templateKey } from '../src/render/templates.js';
import { fixture, root, tempDir } from './helpers.js';

async function render(kind: 'brief' | 'summary', markdown?: string): Promise<string> {
  const path = fixture('pipeline', 'small.md');
  const value = markdown ?? (await readFile(path, 'utf8'));
  const doc = (await processor.process(new VFile({ path, value }))).result as BriefDocument;
  const templates = await loadTemplates(defaultTemplates);
  return templates.render(kind, {
    doc,
    organisation: 'Test Institute',
    accent: '#114477',
    pageSize: 'A4',
    fontCss: '',
    fontOrigin: 'http://fonts.test',
    briefFile: 'small.brief.pdf',
    generator: 'briefpress test',
    labels: labelsFor(doc.meta.lang),
  });
}

describe('the templates', () => {
  it('should render numbered sections, the takeaways box and the citation in the brief', async () => {
    const html = await render('brief');
    expect(html).toMatch(/<span class="section__number">1<\/span> Background/);
    expect(html).toContain('Key takeaways');
    expect(html).toContain('Suggested citation');
    expect(html).toContain('--accent: #114477');
    expect(html).toContain('@page { size: A4; }');
  });

  it('should escape HTML and leave Handlebars syntax from the document as text', async () => {
    const html = await render('brief');
    expect(html).toContain('Water &lt;b&gt;Security&lt;/b&gt; in the {{Sahel}}');
    expect(html).not.toContain('<b>Security</b>');
  });

  it('should point the summary at the full brief by file name', async () => {
    const html = await render('summary');
    expect(html).toContain('small.brief.pdf');
    // A risk's bold lead-in is its label; the sentence after it keeps its own capital.
    expect(html).toContain('Migration.</strong> People move south.');
  });

  it('should end the summary’s labels and pointer line with the stop of their language, once', async () => {
    const risks =
      '## Risks\n\n- **Who pays?** — The ministry pays for the new wells.\n- **Costs:** Drilling costs rise every year.\n';
    const english = await render('summary', `---\ntitle: Wells\n---\n\nThe wells run dry.\n\n${risks}`);
    expect(english).toContain('Who pays?</strong> The ministry');
    expect(english).toContain('Costs.</strong> Drilling');
    expect(english).toMatch(/: 1 section, about 1 min to read\.<\/p>/);
    const japanese = await render(
      'summary',
      '---\ntitle: 井戸\nlang: ja\n---\n\n井戸が枯れています。\n\n## 費用\n\n掘削の費用は毎年上がります。\n\n## 対策\n\n省は新しい井戸の費用を払います。\n',
    );
    // Not "約 1 分で読めます." with a Latin stop after Japanese.
    expect(japanese).toMatch(/2 節、約 1 分で読めます。<\/p>/);
  });

  it('should name a custom template that does not parse, with its line, in a one-line error', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'summary'));
    await writeFile(path.join(dir, 'summary', 'layout.hbs'), '<html>\n{{#if doc}}unclosed</html>\n');
    const error = await loadTemplates(dir).then(
      () => undefined,
      (caught: unknown) => caught as Error,
    );
    expect(error?.message).toBe(
      `${path.join(dir, 'summary', 'layout.hbs')}: Parse error on line 3: Expecting 'OPEN_INVERSE_CHAIN', 'INVERSE', 'OPEN_ENDBLOCK', got 'EOF'`,
    );
  });

  it('should ship the code of every template compiled when dist/ is built, the same as compiled at run time', async () => {
    const shipped = JSON.parse(await readFile(path.join(root, 'dist', 'templates.precompiled.json'), 'utf8')) as Record<
      string,
      string
    >;
    const files = (await readdir(defaultTemplates, { recursive: true })).filter((name) => name.endsWith('.hbs'));
    const keys = new Set<string>();
    for (const file of files) {
      const source = await readFile(path.join(defaultTemplates, file), 'utf8');
      keys.add(templateKey(source));
      expect(shipped[templateKey(source)], file).toBe(templateCode(source));
    }
    expect(files.length).toBeGreaterThan(5);
    expect(Object.keys(shipped).sort()).toEqual([...keys].sort());
  });
});
