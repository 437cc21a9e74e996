import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Integration tests run the built CLI, as users do: build it once before any test file. Every
 * temporary folder the tests make (see `tempDir`) goes into one, removed when they are done.
 */
export default function setup(): () => void {
  execFileSync('npx', ['tsup', '--silent'], { stdio: 'inherit' });
  const root = mkdtempSync(path.join(tmpdir(), 'bp-tests-'));
  process.env.BRIEFPRESS_TEST_TMP = root;
  return () => rmSync(root, { recursive: true, force: true });
}
