// Builds the renderer for the browser shell's dev commands (npm run demo / npm run shell) with Vite, unless
// the build is newer than every source file it comes from. Vite is a dev dependency; only these commands use
// this file, never the packaged app.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in electron/browser-shell/). */
export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
export const DEFAULT_RENDERER_DIR = join(REPO_ROOT, 'dist', 'renderer');

/** The renderer bundles renderer/ and the shared/ code it imports; the config decides how. */
const SOURCES = ['renderer', 'shared', 'vite.config.ts', 'package.json'];

function newestMtime(path: string): number {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

export function rendererUpToDate(outDir: string, root = REPO_ROOT): boolean {
  const built = statSync(join(outDir, 'index.html'), { throwIfNoEntry: false });
  if (!built) return false;
  return SOURCES.every((source) => newestMtime(join(root, source)) <= built.mtimeMs);
}

/** Returns true when it built, false when the existing build was up to date. */
export async function ensureRendererBuilt(outDir: string = DEFAULT_RENDERER_DIR): Promise<boolean> {
  if (rendererUpToDate(outDir)) return false;
  // Imported here so the shell server itself never loads Vite.
  const { build } = await import('vite');
  await build({
    configFile: join(REPO_ROOT, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
  return true;
}
