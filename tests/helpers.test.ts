import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers.js';

describe('the test helper runCli', () => {
  it('should give the exit code of a CLI that exits by itself', async () => {
    expect((await runCli(['--help'])).code).toBe(0);
    expect((await runCli(['build', 'x.md', '--format', 'a3'])).code).toBe(2);
  });

  it('should fail, naming the time limit, when the CLI is killed at its timeout rather than say exit 1', async () => {
    await expect(runCli(['--help'], { timeout: 1 })).rejects.toThrow(/did not exit within 0\.001 s and was killed/);
  });

  it('should fail, naming the cause, when the CLI cannot start', async () => {
    const missing = `${await tempDir()}/no-such-folder`;
    await expect(runCli(['--help'], { cwd: missing })).rejects.toThrow(/could not run \(ENOENT\)/);
  });
});
