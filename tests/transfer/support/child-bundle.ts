// Bundles a TypeScript entry into one .mjs that plain Node 20 runs. better-sqlite3 stays outside the bundle
// (it loads a native addon), imported from this checkout's node_modules by absolute file URL.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);

export async function bundleChild(entry: string, outDir: string): Promise<string> {
  const outfile = join(outDir, 'child.mjs');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
    minify: true,
    // CommonJS dependencies (axios's helpers) call require() for Node built-ins.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    plugins: [
      {
        name: 'native-sqlite-outside',
        setup(b) {
          b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: pathToFileURL(require.resolve('better-sqlite3')).href, external: true }));
        },
      },
    ],
  });
  return outfile;
}
