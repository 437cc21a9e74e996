import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { build, createRenderer } from '../src/index.js';
import { pdfText, root, tempDir } from './helpers.js';

const markdown = '---\ntitle: Notes on Tides\n---\n\nTides matter.\n\n## Why\n\nThe moon pulls the sea.\n';

// The README's "Library API" example, through the package's entry point (src/index.ts is dist/index.js).
describe('the library API', () => {
  // Each launches a browser and a parse worker of its own: slow on a loaded machine.
  it('should render a Markdown string to a brief and a summary as PDF bytes', { timeout: 180_000 }, async () => {
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

  it('should do the same through the built dist/index.js, which the package ships', { timeout: 180_000 }, async () => {
    // global-setup.ts built it: what `import 'briefpress'` loads, bundled, not the sources.
    const shipped = (await import(pathToFileURL(path.join(root, 'dist', 'index.js')).href)) as typeof api;
    expect(Object.keys(shipped).sort()).toEqual(Object.keys(api).sort());
    const renderer = await shipped.createRenderer();
    try {
      const [result] = await shipped.build([{ path: 'tides.md', value: markdown }], { renderer });
      expect(result!.error).toBeUndefined();
      const file = path.join(await tempDir(), 'tides.brief.pdf');
      await writeFile(file, result!.outputs[0]!.pdf);
      expect(await pdfText(file)).toContain('The moon pulls the sea.');
    } finally {
      await renderer.close();
    }
  });
});
