import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Integration tests drive a real Chromium; two cores are shared by all files.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
