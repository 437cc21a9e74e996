import { copyFile, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shardFiles } from '../src/cli/shard.js';
import { fixture, runCli, tempDir } from './helpers.js';

const names = ['alpha', 'bravo', 'charlie', 'delta', 'echo'];

describe('briefpress build --shard', () => {
  let content: string;
  const built: string[][] = [];

  beforeAll(async () => {
    const dir = await tempDir();
    content = path.join(dir, 'content');
    await mkdir(content);
    await Promise.all(names.map((name) => copyFile(fixture('speed', 'note.md'), path.join(content, `${name}.md`))));
    for (const index of [1, 2, 3]) {
      const out = path.join(dir, `out-${index}`);
      const result = await runCli(['build', 'content', '--shard', `${index}/3`, '--only', 'brief', '--out', out], {
        cwd: dir,
      });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      built.push((await readdir(out).catch(() => [])).filter((file) => file.endsWith('.pdf')));
    }
  }, 180_000);

  it('should build disjoint shares that together are every document, none of them empty', () => {
    for (const [index, share] of built.entries()) expect(share.length, `shard ${index + 1}/3`).toBeGreaterThan(0);
    const all = built.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual(names.map((name) => `${name}.brief.pdf`).sort());
  });

  it('should spread a realistic batch over every share, none with most of it', () => {
    const files = Array.from({ length: 24 }, (_, i) => `content/2025-${String(i + 1).padStart(2, '0')}-brief.md`);
    for (const count of [2, 3, 4]) {
      const shares = Array.from({ length: count }, (_, i) => shardFiles(files, { index: i + 1, count }));
      expect(shares.flat().sort(), `${count} shares`).toEqual([...files].sort());
      for (const share of shares) {
        expect(share.length, `${count} shares`).toBeGreaterThan(0);
        expect(share.length, `${count} shares`).toBeLessThan((2 * files.length) / count);
      }
    }
  });

  it('should give every file the same share whatever else is in the batch', () => {
    const files = names.map((name) => `content/${name}.md`);
    const share = (list: string[], index: number) => shardFiles(list, { index, count: 3 });
    for (const index of [1, 2, 3]) {
      expect(
        share([...files, 'content/foxtrot.md', 'content/golf.md'], index).filter((file) => files.includes(file)),
      ).toEqual(share(files, index));
      expect(
        share(
          files.map((file) => `./${file}`),
          index,
        ).map((file) => file.slice(2)),
      ).toEqual(share(files, index));
    }
  });

  it('should refuse a share that does not exist, with exit code 2', async () => {
    const result = await runCli(['build', content, '--shard', '4/3']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--shard.*expected i\/n/);
  });
});
