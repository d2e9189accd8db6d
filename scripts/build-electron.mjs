#!/usr/bin/env node
// Bundles the Electron main process and the preload with esbuild into dist/electron/:
//   main.js     ESM (package.json says "type": "module"; Electron 45 loads ESM mains), everything bundled but
//               electron (provided by the runtime) and better-sqlite3 (a native module, shipped unpacked);
//   preload.cjs CommonJS, because a sandboxed preload cannot load ES modules; it may require only 'electron'.
// Usage: node scripts/build-electron.mjs [--out <dir>]   (the packaging test builds into a temp folder)
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outFlag = process.argv.indexOf('--out');
const outDir = outFlag > 0 ? resolve(process.argv[outFlag + 1]) : join(root, 'dist', 'electron');
mkdirSync(outDir, { recursive: true });

// Electron 45 ships Node 22; bundled CommonJS dependencies still call require(), which an ES module lacks.
const requireShim = "import { createRequire as __tbCreateRequire } from 'node:module'; const require = __tbCreateRequire(import.meta.url);";

const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: false, legalComments: 'none', logLevel: 'warning', absWorkingDir: root };

await build({
  ...common,
  entryPoints: [join(root, 'electron', 'main.electron.ts')],
  outfile: join(outDir, 'main.js'),
  format: 'esm',
  external: ['electron', 'better-sqlite3'],
  banner: { js: requireShim },
});

await build({
  ...common,
  entryPoints: [join(root, 'electron', 'shell', 'preload.electron.ts')],
  outfile: join(outDir, 'preload.cjs'),
  format: 'cjs',
  external: ['electron'],
});

console.log(`electron bundles written to ${outDir}`);
