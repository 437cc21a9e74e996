import { defineConfig } from 'vitest/config';

// `npm run test:pack`: the package packed and installed in a project of its own (tests/pack.test.ts).
export default defineConfig({
  test: {
    include: ['tests/pack.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
