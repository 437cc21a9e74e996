// `npm run previews`: the README's pictures, made by the CLI's own `--png` from the demo brief,
// so that they always show what the current templates print.
import { execFileSync } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const name = 'india-russia-summit-2025';
const pictures: Array<[made: string, shown: string]> = [
  [`${name}.brief-1.png`, 'brief-page-1.png'],
  [`${name}.brief-2.png`, 'brief-page-2.png'],
  [`${name}.summary-1.png`, 'summary.png'],
];

const work = await mkdtemp(path.join(os.tmpdir(), 'briefpress-previews-'));
try {
  execFileSync(
    process.execPath,
    [
      path.join(root, 'dist', 'cli.js'),
      'build',
      path.join(root, 'content', `${name}.md`),
      '--out',
      work,
      '--png',
      '--quiet',
    ],
    { stdio: 'inherit' },
  );
  for (const [made, shown] of pictures) {
    await copyFile(path.join(work, made), path.join(root, 'docs', shown));
    console.log(`docs/${shown}`);
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
