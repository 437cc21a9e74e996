import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { fontSet } from '../src/fonts/font-set.js';
import { fontFacesFor, missingCharacters } from '../src/fonts/subsets.js';
import { woff2Characters } from '../src/fonts/woff2-cmap.js';

const require = createRequire(import.meta.url);

const faces = (css: string) => [...css.matchAll(/unicode-range:\s*([^;]+);/g)].map((match) => match[1]);

describe('fontFacesFor', () => {
  it('should keep only the Latin subsets for English text', async () => {
    const { css: all } = await fontSet();
    const kept = fontFacesFor(all, '<p>The summit — “deliverables” and 5 % growth</p>');
    expect(faces(kept).length).toBeGreaterThan(0);
    expect(faces(kept).length).toBeLessThan(faces(all).length);
    expect(kept).not.toContain('U+0400-045F');
    expect(kept.length).toBeLessThan(all.length / 2);
  });

  it('should keep the Cyrillic subset when the text has Cyrillic, also as a character reference', async () => {
    const { css: all } = await fontSet();
    expect(fontFacesFor(all, '<p>Москва</p>')).toContain('U+0400-045F');
    expect(fontFacesFor(all, '<p>&#x41c;</p>')).toContain('U+0400-045F');
    expect(fontFacesFor(all, '<p>&#1052;</p>')).toContain('U+0400-045F');
  });

  it('should keep a few slices of the CJK faces only for text in Korean, Japanese or Chinese', async () => {
    const { css: all } = await fontSet();
    expect(fontFacesFor(all, '<p>The summit in Seoul</p>')).not.toMatch(/Noto (Serif|Sans) (KR|JP|SC|TC)/);
    const korean = fontFacesFor(all, '<p>프로젝트를 위한 보안 모범 사례</p>');
    expect(korean).toContain("font-family: 'Noto Serif KR'");
    expect(korean).toContain("font-family: 'Noto Sans KR'");
    // A few slices of each weight, not the hundred-odd of the face.
    const slices = korean.match(
      /font-family: 'Noto Serif KR';\s*font-style: normal;\s*font-display: swap;\s*font-weight: 400;/g,
    );
    expect(slices?.length ?? 0).toBeGreaterThan(0);
    expect(slices?.length ?? 0).toBeLessThan(20);
    expect(missingCharacters(all, '日本 中国 한국 臺灣')).toEqual([]);
    expect(missingCharacters(all, 'ሰላም')).toEqual(['ሰ', 'ላ', 'ም']);
  });

  it("should keep only the slices of the CJK family the page's language draws Han characters with", async () => {
    const { css: all } = await fontSet();
    const families = (css: string) =>
      [
        ...new Set([...css.matchAll(/font-family: 'Noto (?:Serif|Sans) (JP|KR|SC|TC)'/g)].map((match) => match[1])),
      ].sort();
    const han = '开源项目的安全最佳实践，中国';
    // Chromium loads every family of the stack that covers a character, not only the first: given the
    // other families' slices, a Chinese page loaded all four.
    expect(families(fontFacesFor(all, `<html lang="zh-Hans"><p>${han}</p></html>`))).toEqual(['SC']);
    expect(families(fontFacesFor(all, `<html lang="zh-Hant"><p>開源專案</p></html>`))).toEqual(['TC']);
    expect(families(fontFacesFor(all, '<html lang="ja"><p>日本の安全</p></html>'))).toEqual(['JP']);
    // A Japanese quotation in a Chinese page keeps the Japanese forms of its characters.
    expect(families(fontFacesFor(all, `<html lang="zh-Hans"><p>${han}</p><q lang="ja">日本の安全</q></html>`))).toEqual(
      ['JP', 'SC'],
    );
  });

  it('should serve a character from the family whose file has its glyph, not one whose range only lists it', async () => {
    const { css, files } = await fontSet();
    // Noto Sans TC's slice 103 lists U+62A5 (报, Simplified) and has no glyph for it.
    const slice = require.resolve('@fontsource/noto-sans-tc/files/noto-sans-tc-103-700-normal.woff2');
    const drawn = woff2Characters(new Uint8Array(await readFile(slice)))!;
    expect(drawn.has(0x62a5)).toBe(false);
    expect(drawn.size).toBeGreaterThan(100);
    expect(css).toMatch(/font-family: 'Noto Sans TC';[^}]*U\+62a5[,;]/);
    // A Traditional Chinese page with the Simplified label 政策简报 gets 报 from a family that draws it.
    const page = '<html lang="zh-Hant"><p>開源專案 政策简报</p></html>';
    const families = (served: string) =>
      [...new Set([...served.matchAll(/font-family: 'Noto (?:Serif|Sans) (JP|KR|SC|TC)'/g)].map((m) => m[1]))].sort();
    expect(families(fontFacesFor(css, page))).toEqual(['TC']);
    expect(families(fontFacesFor(css, page, files))).toEqual(['SC', 'TC']);
    expect(woff2Characters(new Uint8Array([1, 2, 3]))).toBeUndefined();
  });

  it('should read a CJK slice only when a page asks for it', async () => {
    const { css, files } = await fontSet();
    const rule = css.split(/(?=@font-face)/).find((face) => face.includes("'Noto Sans TC'"));
    const url = /url\(([^)\s]+)\)/.exec(rule ?? '')?.[1];
    expect(url).toBeDefined();
    expect(files.has(url!)).toBe(true);
    expect([...files.keys()]).not.toContain(url);
    expect(files.get(url!)?.byteLength).toBeGreaterThan(1000);
    expect([...files.keys()]).toContain(url);
  });

  it('should keep the Devanagari faces only for text in Devanagari', async () => {
    const { css: all } = await fontSet();
    expect(fontFacesFor(all, '<p>The summit in New Delhi</p>')).not.toContain('Devanagari');
    const hindi = fontFacesFor(all, '<p>नई दिल्ली</p>');
    expect(hindi).toContain("font-family: 'Noto Serif Devanagari'");
    expect(hindi).toContain("font-family: 'Noto Sans Devanagari'");
  });

  it('should read wildcard ranges and keep rules that have no range', () => {
    const css =
      '@font-face{font-family:A;unicode-range:U+4??;}@font-face{font-family:B;}@font-face{font-family:C;unicode-range:U+0600-06FF;}';
    const kept = fontFacesFor(css, 'Ѐ');
    expect(kept).toContain('font-family:A');
    expect(kept).toContain('font-family:B');
    expect(kept).not.toContain('font-family:C');
  });

  it('should keep a rule for a character at either end of its range and drop it for one just outside', () => {
    const css = '@font-face{font-family:A;unicode-range:U+0100-017F, U+0300;}';
    for (const inside of ['\u0100', '\u017f', 'a\u0300', 'zz\u0150a'])
      expect(fontFacesFor(css, inside)).toContain('font-family:A');
    expect(fontFacesFor('@font-face{font-family:E;unicode-range:U+1F300-1F5FF;}', 'x 🌍 y')).toContain('font-family:E');
    for (const outside of ['\u00ff', '\u0180', '\u0301', '']) expect(fontFacesFor(css, outside)).toBe('');
  });

  it('should choose a face that covers only some of ASCII by the characters no text face has (no emoji font for digits or ©)', async () => {
    const { css: all } = await fontSet();
    const emoji = "font-family: 'Noto Emoji'";
    expect(all).toContain(emoji);
    expect(fontFacesFor(all, '<p style="width: 50%">Growth of 5 % in 2025, #1 * 3 © ®</p>')).not.toContain(emoji);
    expect(fontFacesFor(all, '<p>Launched 🚀</p>')).toContain(emoji);
    expect(fontFacesFor(all, '<p>Step 1\uFE0F\u20E3</p>')).toContain(emoji);
    expect(fontFacesFor(all, '<p>▪ marker</p>')).toContain(emoji);
  });

  it('should name the visible characters that no face covers, and none when a face has no range', async () => {
    const { css: all } = await fontSet();
    expect(missingCharacters(all, '<p>Москва, नई दिल्ली, Ελλάδα, © 🚀 ✅ ▪ — “quoted”</p>')).toEqual([]);
    // Joiners, variation selectors and spaces draw nothing: they are not missing.
    expect(missingCharacters(all, '<p>a\u200db\ufe0f\u3000c</p>')).toEqual([]);
    expect(missingCharacters(all, '<p>ሰላም and 日本の視点, 北京</p>')).toEqual(['ሰ', 'ላ', 'ም']);
    expect(missingCharacters(`${all}@font-face{font-family:Any;src:url(any.woff2)}`, '<p>ሰላም</p>')).toEqual([]);
  });
});
