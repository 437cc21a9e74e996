import { defineConfig } from 'tsup';
import { precompileTemplates } from './scripts/precompile-templates.js';

// Type declarations are built by `npm run build`/`prepare` only (`--dts`): `npm start` stays fast.
export default defineConfig({
  // markdown/parse-worker.ts runs in worker threads (see markdown/parse-pool.ts), so it is an entry of its own.
  entry: { index: 'src/index.ts', cli: 'src/cli/bin.ts', 'parse-worker': 'src/markdown/parse-worker.ts' },
  format: ['esm'],
  target: 'node20',
  clean: true,
  sourcemap: false,
  splitting: true,
  // The dependencies are bundled: Node then loads a few large files instead of some 400 small ones,
  // which halves the parsing worker's start (≈ 430 → 240 ms) and shortens every cold run. That
  // includes puppeteer-core, which drives the browser (≈ 160 → 100 ms to load). The `puppeteer`
  // package stays one of its own: it finds the browser it downloaded from its configuration files.
  noExternal: [/^(?!puppeteer$)/],
  // For the CommonJS among them (handlebars, nodemailer), which `require` Node's modules.
  banner: {
    js: "import { createRequire as __briefpressRequire } from 'node:module'; const require = __briefpressRequire(import.meta.url);",
  },
  // The shipped templates, compiled now rather than in every cold build (see src/render/templates.ts).
  onSuccess: () => precompileTemplates('templates', 'dist/templates.precompiled.json'),
});
