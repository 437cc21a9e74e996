import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The packed package is tested on its own: `npm run test:pack` (vitest.pack.config.ts).
    exclude: [...configDefaults.exclude, 'tests/pack.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Integration tests drive a real Chromium; two cores are shared by all files.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
