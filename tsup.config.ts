import { defineConfig } from 'tsup';

// Type declarations are built by `npm run build`/`prepare` only (`--dts`): `npm start` stays fast.
export default defineConfig({
  // parse-worker.ts runs in worker threads (see parse-pool.ts), so it is an entry of its own.
  entry: ['src/index.ts', 'src/cli.ts', 'src/parse-worker.ts'],
  format: ['esm'],
  target: 'node20',
  clean: true,
  sourcemap: false,
  splitting: true,
});
