import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, pdfFonts, pdfText, runCli, seed, tempDir } from './helpers.js';

const scripts = fixture('quality-scripts', 'many-scripts.md');
const shipped = /^[A-Z]{6}\+(SourceSerif4|SourceSans3|SourceCodePro|NotoSerifDevanagari|NotoSansDevanagari|NotoEmoji)/;

describe('fonts and file sizes', () => {
  let out: string;
  const pdf = (name: string) => path.join(out, name);

  beforeAll(async () => {
    out = await tempDir();
    const result = await runCli(['build', seed, scripts, '--out', out], { timeout: 170_000 });
    expect(result.stderr).toBe('');
  }, 180_000);

  it('should embed and subset every font of every PDF, all of them shipped with briefpress', async () => {
    for (const name of [
      'india-russia-summit-2025.brief.pdf',
      'india-russia-summit-2025.summary.pdf',
      'many-scripts.brief.pdf',
      'many-scripts.summary.pdf',
    ]) {
      const fonts = await pdfFonts(pdf(name));
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) {
        expect(font, `${name}: ${font.name}`).toMatchObject({ embedded: true, subset: true });
        expect(font.name).toMatch(shipped);
      }
    }
  });

  it('should print Cyrillic, Devanagari and Greek as real, extractable text', async () => {
    const text = (await pdfText(pdf('many-scripts.brief.pdf'))).replace(/\s+/g, ' ');
    expect(text).toContain('Москва ценит стратегическое партнёрство с Нью-Дели');
    expect(text).toContain('भारत और रूस की मित्रता समय की कसौटी पर खरी उतरी है।');
    expect(text).toContain('Η συνεργασία είναι στρατηγική');
    const names = (await pdfFonts(pdf('many-scripts.brief.pdf'))).map((font) => font.name).join(' ');
    expect(names).toContain('NotoSerifDevanagari');
    expect(names).toContain('NotoSansDevanagari');
  });

  it("should warn once, at the first of them, about characters no shipped font has (they would print with the machine's fonts)", async () => {
    const dir = await tempDir();
    const input = path.join(dir, 'tokyo.md');
    await writeFile(
      input,
      '---\ntitle: Tokyo and Delhi\n---\n\nThe summit in Delhi.\n\n## Asia\n\nJapan calls it the 日本 view, and Ethiopia ሰላም.\n',
    );
    const result = await runCli(['build', input, '--out', dir], { timeout: 170_000 });
    expect(result.code, result.stderr).toBe(0);
    const warnings = result.stderr.trim().split('\n');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /tokyo\.md:9:42: warning: no font briefpress embeds has ሰ \(U\+1230\), ላ \(U\+120B\), ም \(U\+121D\): they print in this machine's own fonts, if any/,
    );
  }, 180_000);

  it('should print emoji with the shipped emoji font rather than as empty boxes', async () => {
    const text = await pdfText(pdf('many-scripts.brief.pdf'));
    expect(text).toContain('🚀');
    expect(text).toContain('✅');
    expect((await pdfFonts(pdf('many-scripts.brief.pdf'))).some((font) => font.name.includes('NotoEmoji'))).toBe(true);
  });

  it('should keep the seed email-sized: the brief under 250 KB, the summary under 150 KB', async () => {
    expect((await stat(pdf('india-russia-summit-2025.brief.pdf'))).size).toBeLessThan(250 * 1024);
    expect((await stat(pdf('india-russia-summit-2025.summary.pdf'))).size).toBeLessThan(150 * 1024);
  });
});
