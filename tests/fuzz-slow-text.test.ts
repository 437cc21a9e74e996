import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/markdown/parse-document.js';
import { runs } from './fuzz/arbitraries.js';
import { slowShapes } from './fuzz/slow-shapes.js';

const names = Object.keys(slowShapes);

/**
 * Documents of the shapes that once took the parse and summary the square of their length: one shape,
 * or several after one another, each of 20,000 to 300,000 characters. The examples are every shape at
 * 300,000: each took from 30 s to many minutes before (this file's timeout is the bound, not a measure).
 */
const shaped = fc
  .array(fc.tuple(fc.constantFrom(...names), fc.integer({ min: 20_000, max: 300_000 })), { minLength: 1, maxLength: 3 })
  .map((parts) =>
    parts
      .map(([name, size], i) =>
        i ? slowShapes[name]!(size).replace(/^---[\s\S]*?---\n/, '') : slowShapes[name]!(size),
      )
      .join('\n\n'),
  );

describe('fuzzing the parse and summary with text that once took quadratic time', () => {
  it('should parse and summarise each shape, alone or mixed, into a document', async () => {
    await fc.assert(
      fc.asyncProperty(shaped, async (value) => {
        const result = await parseDocument({ path: '/fuzz/slow.md', value, allowNet: false });
        const fatal = result.messages.filter((message) => message.fatal);
        expect(fatal.map((message) => message.reason)).toEqual([]);
        expect(result.document?.digest).toBeDefined();
        for (const message of result.messages) expect(message.reason).not.toMatch(/\n/);
      }),
      { numRuns: runs(4), examples: names.map((name) => [slowShapes[name]!(300_000)]) },
    );
  }, 300_000);
});
