import { createHash } from 'node:crypto';
import path from 'node:path';

/** Share `index` (1-based) of `count`: `--shard 2/3`. */
export interface Shard {
  index: number;
  count: number;
}

/**
 * The files of one share of a deterministic partition into `count` shares. A file's share depends on
 * its path alone (relative to `cwd`, `/`-separated, hashed), so n CI jobs over the same checkout build
 * disjoint shares that together are the whole, and adding a file never moves the others.
 */
export function shardFiles(files: string[], shard: Shard, cwd = process.cwd()): string[] {
  return files.filter(
    (file) =>
      shareOf(path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join('/'), shard.count) === shard.index,
  );
}

function shareOf(key: string, count: number): number {
  return (createHash('sha256').update(key).digest().readUInt32BE(0) % count) + 1;
}
