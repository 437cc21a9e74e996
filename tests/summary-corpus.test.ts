import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BriefDocument } from '../src/markdown/document-model.js';
import { processor } from '../src/markdown/processor.js';
import { junkReason, leansOnContext } from '../src/summary/filters.js';
import { wordCount } from '../src/summary/sentences.js';
import { corpusBuild, fixture, sharedBuild } from './helpers.js';

const corpus = fixture('real');
// SOURCES.md says where each document came from: it is not one of them.
const names = (await readdir(corpus)).filter((name) => name.endsWith('.md') && name !== 'SOURCES.md').sort();

const words = (text: string) => wordCount(text, 'en');

describe('the summaries of the corpus of real documents', () => {
  const documents = new Map<string, BriefDocument>();

  beforeAll(async () => {
    for (const name of names) {
      const value = await readFile(path.join(corpus, name), 'utf8');
      const file = new VFile({ path: path.join(corpus, name), value });
      documents.set(name, (await processor.process(file)).result as BriefDocument);
    }
  }, 180_000);

  it.each(names)('should give %s a bottom line of 25–90 words, and never a quoted header or boilerplate', (name) => {
    const doc = documents.get(name)!;
    const bottomLine = doc.digest.bottomLine.map((item) => item.text);
    // What the author wrote in the front matter is the bottom line, verbatim, however long.
    if (doc.meta.summary) return expect(bottomLine.join(' ')).toBe(doc.meta.summary.replace(/\s+/g, ' ').trim());
    expect(bottomLine.length, name).toBeGreaterThan(0);
    expect(words(bottomLine.join(' '))).toBeLessThanOrEqual(90);
    expect(words(bottomLine.join(' '))).toBeGreaterThanOrEqual(25);
    for (const sentence of bottomLine) expect(junkReason(sentence), sentence).toBeUndefined();
    // Its reader has read nothing before it: "However, …", "The latter …" cannot open it.
    expect(leansOnContext(bottomLine[0]!), bottomLine[0]).toBe(false);
  });

  it.each(names)('should give %s key points of one sentence, 8–40 words, from different sections in order', (name) => {
    const { keyPoints } = documents.get(name)!.digest;
    expect(keyPoints.length).toBeLessThanOrEqual(5);
    for (const point of keyPoints) {
      expect(junkReason(point.text), point.text).toBeUndefined();
      expect(leansOnContext(point.text), point.text).toBe(false);
      // A key point says something; a question ("人們在使用你的專案嗎？") waits for its answer.
      expect(point.text).not.toMatch(/[?？؟]["”’»)」』）]*$/);
      expect(words(point.text), point.text).toBeGreaterThanOrEqual(8);
      expect(words(point.text), point.text).toBeLessThanOrEqual(40);
    }
    const labels = keyPoints.flatMap((point) => point.label ?? []);
    expect(new Set(labels).size).toBe(labels.length);
    const lines = keyPoints.map((point) => point.drop!.place!.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it.each(names)('should end what %s’s summary quotes with one stop, in the script of its text', (name) => {
    const { bottomLine, keyPoints, lists } = documents.get(name)!.digest;
    const texts = [...bottomLine, ...keyPoints, ...lists.flatMap((list) => list.items)].map((item) => item.text);
    // "…保驾护航。.": a Latin full stop added after a stop of another script, or after Chinese or Japanese.
    const latinAfter = /(?:[。！？｡؟۔।]|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])["”’»)\]」』）]*\./u;
    for (const text of texts) expect(text, text).not.toMatch(latinAfter);
  });

  it.each(names)('should quote no credits line or template blank of %s', (name) => {
    const { bottomLine, keyPoints, lists } = documents.get(name)!.digest;
    const texts = [...bottomLine, ...keyPoints, ...lists.flatMap((list) => list.items)].map((item) => item.text);
    for (const text of texts) {
      expect(text).not.toMatch(/\[\s*(INSERT|TODO|TBD|YOUR)\b|<\s*YOUR\b/i);
      // "이 가이드는 @nanzggits와 @xcorail이 작성했으며…" (this guide was written by …).
      if (/(^|\s)@\w/.test(text)) expect(text).not.toMatch(/written by|thanks to|작성|기여|撰写|撰寫|執筆|貢献/i);
    }
    const labels = keyPoints.flatMap((point) => point.label ?? []);
    for (const label of labels) expect(label).not.toMatch(/^(기여자|贡献者|الإسناد|attribution|contributors)$/i);
  });

  it.each(names)('should quote no sentence of %s twice, and cut its list items to 30 words', (name) => {
    const { bottomLine, keyPoints, lists } = documents.get(name)!.digest;
    const items = lists.flatMap((list) => list.items);
    const texts = [...bottomLine, ...keyPoints, ...items].map((item) => item.text);
    expect(new Set(texts).size).toBe(texts.length);
    for (const item of items) expect(words(item.text), item.text).toBeLessThanOrEqual(30);
  });

  it('should print every summary on one page, at 9.5pt or more for a document under 6,000 words', async () => {
    // The corpus as real-corpus.test.ts builds it (briefs too, and SOURCES.md): built once per run.
    const { out, result } = await sharedBuild(corpusBuild, { timeout: 590_000 });
    // A summary that came to more than one page is an error (exit 1): 0 says every one is one page.
    expect(result.code, result.stderr).toBe(0);
    for (const name of names) {
      const html = await readFile(path.join(out, `${path.basename(name, '.md')}.summary.html`), 'utf8');
      const size = Number(/<html[^>]* style="font-size: ([\d.]+)pt;?"/.exec(html)?.[1]);
      if (documents.get(name)!.wordCount < 6000) expect(size, name).toBeGreaterThanOrEqual(9.5);
      else expect(size, name).toBeGreaterThanOrEqual(8);
    }
  }, 600_000);
});
