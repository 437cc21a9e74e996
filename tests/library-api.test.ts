import { describe, expect, it } from 'vitest';
import { build, createRenderer } from '../src/index.js';

// The README's "Library API" example, through the package's entry point (src/index.ts is dist/index.js).
describe('the library API', () => {
  it('should render a Markdown string to a brief and a summary as PDF bytes', async () => {
    const markdown = '---\ntitle: Notes on Tides\n---\n\nTides matter.\n\n## Why\n\nThe moon pulls the sea.\n';
    const renderer = await createRenderer();
    try {
      const [result] = await build([{ path: 'tides.md', value: markdown }], { renderer, format: 'letter' });
      expect(result!.error).toBeUndefined();
      expect(result!.outputs.map((output) => [output.fileName, output.pages])).toEqual([
        ['tides.brief.pdf', 1],
        ['tides.summary.pdf', 1],
      ]);
      expect(Buffer.from(result!.outputs[0]!.pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    } finally {
      await renderer.close();
    }
  });
});
