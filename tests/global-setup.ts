import { execFileSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveExecutable } from '../src/browser/launch.js';

/** The programs the tests run besides the CLI (see docs/testing.md), and where each comes from. */
const tools: Record<string, string> = {
  pdftotext: 'poppler-utils',
  pdfinfo: 'poppler-utils',
  pdffonts: 'poppler-utils',
  pdfimages: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  qpdf: 'qpdf',
  ps: 'procps',
};

function onPath(name: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Fail at once, in one message, when the machine lacks what the tests need; not in 40 tests later. */
async function checkMachine(): Promise<void> {
  const missing = Object.entries(tools)
    .filter(([name]) => !onPath(name))
    .map(([name, pkg]) => `${name} (${pkg})`);
  try {
    await resolveExecutable();
  } catch {
    missing.push('a Chromium or Chrome (chromium-headless-shell or chromium, or set BRIEFPRESS_BROWSER)');
  }
  if (missing.length) throw new Error(`the tests need ${missing.join(', ')} on this machine: see docs/testing.md`);
}

/**
 * Integration tests run the built CLI, as users do: build it once before any test file. Every
 * temporary folder the tests make (see `tempDir`) goes into one, removed when they are done.
 */
export default async function setup(): Promise<() => void> {
  await checkMachine();
  execFileSync('npx', ['tsup', '--silent'], { stdio: 'inherit' });
  const root = mkdtempSync(path.join(tmpdir(), 'bp-tests-'));
  process.env.BRIEFPRESS_TEST_TMP = root;
  return () => rmSync(root, { recursive: true, force: true });
}
