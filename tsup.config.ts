import { defineConfig } from 'tsup';

// Type declarations are built by `npm run build`/`prepare` only (`--dts`): `npm start` stays fast.
export default defineConfig({
  entry: ['src/index.ts', 'src/cli.ts'],
  format: ['esm'],
  target: 'node20',
  clean: true,
  sourcemap: false,
  splitting: true,
});
