import { describe, expect, it } from 'vitest';
import { wordCount } from '../src/summary/sentences.js';

/** Words as `Intl.Segmenter` counts them over the whole text at once: right, but slow for long texts. */
function segmenterCount(text: string, lang = 'en'): number {
  return [...new Intl.Segmenter(lang, { granularity: 'word' }).segment(text)].filter((segment) => segment.isWordLike)
    .length;
}

describe('wordCount', () => {
  it('should count words as the segmenter does, leaving out punctuation, numbers’ separators and spaces', () => {
    const text = 'India and Russia — “special and privileged” partners — signed 16 agreements in 2025, worth $2.5 bn.';
    expect(wordCount(text)).toBe(segmenterCount(text));
    expect(wordCount('')).toBe(0);
    expect(wordCount('  \n ')).toBe(0);
  });

  it('should count a long text, cut into pieces, as the segmenter counts it whole', () => {
    const paragraph =
      'The summit renewed a partnership that has lasted seven decades, and its “roadmap to 2030” names trade, energy and defence. ';
    const text = `${paragraph.repeat(40)}${'x'.repeat(2500)} tail\n${'word '.repeat(300)}`;
    expect(text.length).toBeGreaterThan(8000);
    expect(wordCount(text)).toBe(segmenterCount(text));
  });

  it('should count a word longer than a piece once, wherever it falls', () => {
    for (const before of [0, 1, 998, 999, 1000, 1500]) {
      const text = `${'a '.repeat(before / 2)}${'y'.repeat(1200 + before)} end`;
      expect(wordCount(text)).toBe(segmenterCount(text));
    }
    expect(wordCount('z'.repeat(5000))).toBe(1);
  });

  it('should count words in a language without spaces between them', () => {
    const text = 'นายกรัฐมนตรีอินเดียต้อนรับประธานาธิบดีรัสเซีย'.repeat(60);
    expect(wordCount(text, 'th')).toBe(segmenterCount(text, 'th'));
    expect(wordCount(text, 'th')).toBeGreaterThan(60);
  });

  it('should count a long run without spaces, cut into pieces, as the segmenter counts it whole', () => {
    const runs: Array<[string, string]> = [
      ['th', 'ประเทศไทยมีประชากรประมาณหกสิบหกล้านคนและเศรษฐกิจเติบโต'],
      ['ja', '東京都は日本の首都であり政治経済文化の中心地です'],
      ['zh', '印度总理在新德里欢迎俄罗斯总统普京进行国事访问'],
      ['km', 'ប្រទេសកម្ពុជាមានប្រជាជនប្រហែលដប់ប្រាំមួយលាននាក់'],
    ];
    for (const [lang, run] of runs) {
      const text = run.repeat(150);
      expect(text.length, lang).toBeGreaterThan(3000);
      expect(wordCount(text, lang), lang).toBe(segmenterCount(text, lang));
    }
    // A single "word" longer than a piece (digits) is still one.
    expect(wordCount('7'.repeat(5000))).toBe(segmenterCount('7'.repeat(5000)));
  });

  it('should count Greek, Cyrillic, accented and mixed words, marks, digits and symbols as the segmenter does', () => {
    const text =
      'Η Ελλάδα και η Россия, naïve café ŝi e\u0301te, don’t U.S. 3.14 1,000 x² ϶ ℕ ⅻ ﬁne ʰa e-mail 新德里 नई दिल्ली (word) “quoted,” — _ __init__ word_ «guillemets» ¿qué? ‘single’ ... !?';
    expect(wordCount(text)).toBe(segmenterCount(text));
    for (const lang of ['de', 'ru', 'el', 'hi']) expect(wordCount(text, lang)).toBe(segmenterCount(text, lang));
  });
});
