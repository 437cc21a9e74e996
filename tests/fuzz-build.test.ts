import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, createRenderer, type Renderer } from '../src/index.js';
import { anyBytes, anyText, runs } from './fuzz/arbitraries.js';

describe('fuzzing build()', () => {
  let renderer: Renderer;
  beforeAll(async () => {
    renderer = await createRenderer({ jobs: 1 });
  });
  afterAll(() => renderer.close());

  it('should never throw, and either print or fail with one line naming the file', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(anyText, anyBytes), { minLength: 1, maxLength: 3 }), async (values) => {
        const sources = values.map((value) => ({ path: `fuzz/doc-${n++}.md`, value }));
        const results = await build(sources, { renderer, outputs: ['summary'], timeout: 30_000 });
        expect(results).toHaveLength(sources.length);
        for (const [i, result] of results.entries()) {
          if (result.error === undefined) {
            expect(result.outputs).toHaveLength(1);
            continue;
          }
          const name = sources[i]!.path.replace('fuzz/', '');
          expect(result.error).toMatch(new RegExp(`${name}(:\\d+:\\d+)?: \\S`));
          expect(result.error).not.toMatch(/\n|TypeError|Cannot read properties|Protocol error|Timed out after/);
        }
      }),
      { numRuns: runs(4) },
    );
  }, 120_000);
});
