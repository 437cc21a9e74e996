import { readFile } from 'node:fs/promises';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import type { BriefDocument } from '../src/markdown/document-model.js';
import { processor } from '../src/markdown/processor.js';
import { fixture, seed } from './helpers.js';

async function model(path: string): Promise<BriefDocument> {
  const file = new VFile({ path, value: await readFile(path, 'utf8') });
  return (await processor.process(file)).result as BriefDocument;
}

describe('the document model', () => {
  it('should number the sections of the seed and keep the references apart', async () => {
    const doc = await model(seed);
    expect(doc.sections.map((section) => section.number)).toEqual([1, 2, 3, 4, 5]);
    expect(doc.sections[1]?.heading).toBe('What It Means for India — Strategic Autonomy and a Multipolar Future');
    expect(doc.sections[1]?.id).toBe('what-it-means-for-india--strategic-autonomy-and-a-multipolar-future');
    expect(doc.sections.some((section) => /references/i.test(section.heading))).toBe(false);
    expect(doc.references).toHaveLength(5);
    expect(doc.references[0]).toContain('Reuters');
  });

  it('should find the risks list and derive key points from lead sentences', async () => {
    const doc = await model(seed);
    expect(doc.digest.lists.map((list) => list.heading)).toEqual(['What Could Go Wrong']);
    expect(doc.digest.lists[0]?.items).toHaveLength(4);
    expect(doc.keyPointsMarked).toBe(false);
    expect(doc.keyPoints.length).toBeGreaterThanOrEqual(3);
    for (const point of doc.keyPoints) expect(point).toMatch(/[.!?”"]$/);
  });

  it('should print no heading more than one level below the heading above it (PDF/UA 7.4.2)', async () => {
    const value =
      '---\ntitle: Levels\n---\n\n## One\n\nText.\n\n##### Deep\n\nText.\n\n##### Deep again\n\n###### Deeper\n\n### Back\n\n## Two\n\n#### Four\n';
    const doc = (await processor.process(new VFile({ path: 'levels.md', value }))).result as BriefDocument;
    const levels = doc.sections.map((section) =>
      [...section.html.matchAll(/<h(\d)/g)].map((match) => Number(match[1])),
    );
    // Siblings keep one level; a return to a shallower heading is one level below the section.
    expect(levels).toEqual([[3, 3, 4, 3], [3]]);
  });

  it('should carry the metadata, the opening paragraph and a word count', async () => {
    const doc = await model(fixture('pipeline', 'small.md'));
    expect(doc.meta.title).toBe('Water <b>Security</b> in the {{Sahel}}');
    expect(doc.meta.organisation).toBe('Test Institute');
    expect(doc.summary).toBe('Rivers are drying. Governments must act now.');
    expect(doc.wordCount).toBeGreaterThan(30);
    expect(doc.wordCount).toBeLessThan(60);
  });
});
