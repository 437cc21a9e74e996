import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { BriefpressError } from '../errors.js';
import { starterBrief } from './starter-brief.js';

export function initCommand(): Command {
  return new Command('init')
    .description('write a new brief, content/NAME.md, with every front-matter field shown and explained')
    .argument('[name]', 'file name without .md (letters, digits, - and _)', fileName, 'new-brief')
    .option('--dir <folder>', 'folder to write it in', 'content')
    .addHelpText(
      'after',
      `
Examples:
  briefpress init                      writes content/new-brief.md
  briefpress init water-policy-2026    writes content/water-policy-2026.md
  briefpress init memo --dir drafts    writes drafts/memo.md`,
    )
    .action(async (name: string, flags: { dir: string }) => {
      const file = path.join(flags.dir, `${name}.md`);
      await mkdir(flags.dir, { recursive: true });
      try {
        // `wx`: never overwrite a brief someone has written.
        await writeFile(file, starterBrief(new Date().toISOString().slice(0, 10)), { flag: 'wx' });
      } catch (error: unknown) {
        if ((error as { code?: unknown }).code === 'EEXIST')
          throw new BriefpressError(`${file} already exists: choose another name, or delete it first`, { exitCode: 1 });
        throw error;
      }
      process.stdout.write(`✓ wrote ${file}: edit it, then run \`briefpress build ${file}\`\n`);
    });
}

function fileName(value: string): string {
  if (!/^[\w-]+$/.test(value)) throw new InvalidArgumentError('use letters, digits, - and _ only (no folders, no .md)');
  return value;
}
