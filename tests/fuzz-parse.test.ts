import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ParseMessage, parseDocument } from '../src/markdown/parse-document.js';
import { anyText, markdown, runs } from './fuzz/arbitraries.js';

/** A message a reader can act on: one line, its own words, not a library's. */
function expectReadable(message: ParseMessage) {
  expect(message.reason).not.toBe('');
  expect(message.reason).not.toMatch(
    /\n|^(TypeError|RangeError|Error):|Cannot read properties|is not a function|undefined is not/,
  );
}

async function parsesCleanly(value: string) {
  const result = await parseDocument({ path: '/fuzz/doc.md', value, allowNet: false });
  for (const message of result.messages) expectReadable(message);
  const fatal = result.messages.filter((message) => message.fatal);
  // A parse either gives a document or says why not, placed in the file when the reason is in its text.
  expect(Boolean(result.document)).toBe(fatal.length === 0);
  for (const message of fatal) if (message.ruleId !== 'parse') expect(message.place, message.reason).toBeDefined();
}

describe('fuzzing the parse stage', () => {
  it('should never throw on arbitrary text, and give each error a place and a readable reason', async () => {
    await fc.assert(fc.asyncProperty(anyText, parsesCleanly), { numRuns: runs(150) });
  }, 60_000);

  it('should never throw on generated Markdown: nesting, tables, HTML, front matter', async () => {
    await fc.assert(fc.asyncProperty(markdown, parsesCleanly), { numRuns: runs(150) });
  }, 60_000);
});
