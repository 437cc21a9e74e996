import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };
import { cli, runCli } from './helpers.js';

describe('briefpress --help and --version', () => {
  it('should print the version of the package', async () => {
    const result = await runCli(['--version']);
    expect(result.stdout.trim()).toBe(pkg.version);
  });

  it.each(['build', 'watch', 'check', 'init'])('should explain `%s` with examples', async (command) => {
    const result = await runCli([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: briefpress ${command}`);
    expect(result.stdout).toMatch(/Examples:\n {2}briefpress /);
  });

  it('should stop quietly when the reader closes the pipe early', async () => {
    // `true` never reads: the CLI's write meets a closed pipe (EPIPE).
    const { stderr } = await promisify(execFile)('bash', [
      '-o',
      'pipefail',
      '-c',
      `"${process.execPath}" "${cli}" build --help | true`,
    ]);
    expect(stderr).toBe('');
  });
});
