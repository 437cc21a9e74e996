import fc from 'fast-check';

/** Runs of each property: few in `npm test`, as many as `FUZZ_RUNS` says in `npm run fuzz`. */
export const runs = (inTests: number) => Number(process.env.FUZZ_RUNS ?? inTests);

const word = fc.stringMatching(/^[A-Za-z0-9*_`~#>|\-[\]()!<>&;:.\\ ]{0,12}$/);
const line = fc.array(word, { maxLength: 8 }).map((words) => words.join(' '));

const yamlValue = fc.oneof(
  line,
  fc.integer().map(String),
  fc.constantFrom('[a, b]', '{x: 1}', '&a [*a]', '!!js/function "f"', '"unterminated', '2026-02-30', "''", '~'),
  fc.string({ maxLength: 40 }).map((text) => JSON.stringify(text)),
);
const key = fc.constantFrom(
  'title',
  'subtitle',
  'shortTitle',
  'date',
  'authors',
  'keywords',
  'lang',
  'summary',
  'takeaways',
  'format',
  'number',
  'series',
  'unknown',
  'title',
);
const frontMatter = fc
  .array(fc.tuple(key, yamlValue), { maxLength: 6 })
  .map((pairs) => `---\n${pairs.map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n`);

const block: fc.Memo<string> = fc.memo((depth) =>
  fc.oneof(
    { depthSize: 'small' },
    line,
    line.map((text) => `${'#'.repeat(1 + (text.length % 6))} ${text}`),
    fc
      .array(line, { minLength: 1, maxLength: 4 })
      .map((cells) => `| ${cells.join(' | ')} |\n|${cells.map(() => '---').join('|')}|\n| ${cells.join(' | ')} |`),
    fc.constantFrom(
      '<div><p>raw <b>html</b></div>',
      '<script>alert(1)</script>',
      '<img src="../../etc/passwd" alt="x">',
      '<table><tr><td><table><tr><td>x',
      ':::takeaways\n- one\n:::',
      '[^1]\n\n[^1]: note',
      '```js\ncode\n```',
      '<!-- comment',
      '![img](file:///etc/passwd)',
      '[link](#nowhere)',
      '&#0; &#xD800; &nbsp;',
    ),
    depth > 0 ? block(depth - 1).map((inner) => `> ${inner.replaceAll('\n', '\n> ')}`) : line,
    depth > 0 ? block(depth - 1).map((inner) => `- ${inner.replaceAll('\n', '\n  ')}`) : line,
    depth > 0 ? block(depth - 1).map((inner) => `1. ${inner.replaceAll('\n', '\n   ')}`) : line,
  ),
);

/** Markdown as a brief might be written, or broken: front matter (or none), then nested blocks. */
export const markdown = fc
  .tuple(fc.option(frontMatter, { nil: '' }), fc.array(block(4), { maxLength: 12 }))
  .map(([front, blocks]) => `${front}\n${blocks.join('\n\n')}\n`);

/** Anything: arbitrary text, text with a valid front matter, or raw bytes. */
export const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ maxLength: 400 }).map((text) => `---\ntitle: Fuzz\n---\n\n${text}`),
  markdown,
);
export const anyBytes = fc.uint8Array({ maxLength: 400 });
