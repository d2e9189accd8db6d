// Serves the built renderer (dist/renderer) to the browser. index.html gets the per-run secret in place of
// the placeholder meta tag and is never cached (a cached copy would carry a dead secret after a restart);
// the hashed files under assets/ never change and may be cached for good.
import { Hono } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { SECRET_META_NAME, SECRET_META_PLACEHOLDER } from '../../shared/ipc/transport';
import { serveStatic, type NodeEnv } from '../http/http-kit';

/** The page loads only its own scripts, styles and API; nothing inline, no frames, no plugins. */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export class RendererMissingError extends Error {
  override readonly name = 'RendererMissingError';
}

export function contentTypeFor(file: string): string {
  return getMimeType(file.toLowerCase()) ?? 'application/octet-stream';
}

/** The built index.html with the secret put in. Fails loudly when the build lacks the placeholder. */
export function injectSecret(html: string, secret: string): string {
  if (!html.includes(SECRET_META_PLACEHOLDER)) {
    throw new RendererMissingError(`index.html has no ${SECRET_META_PLACEHOLDER} to put the secret in`);
  }
  return html.replace(SECRET_META_PLACEHOLDER, () => `<meta name="${SECRET_META_NAME}" content="${secret}" />`);
}

/** Checks at start that the renderer was built, so the shell does not serve 404s to a puzzled user. */
export async function checkRendererBuilt(rootDir: string): Promise<void> {
  let html: string;
  try {
    html = await readFile(resolve(rootDir, 'index.html'), 'utf8');
  } catch {
    throw new RendererMissingError(`No built renderer at ${rootDir} (run: npx vite build)`);
  }
  injectSecret(html, 'check');
}

/**
 * The built renderer: index.html (at / too) with the secret, everything else as files through the node
 * adapter's static handler, which refuses paths that leave the folder (../, encoded or not, backslashes,
 * doubled slashes). Only GET and HEAD.
 */
export function staticRoutes(rootDir: string, secret: string): Hono<NodeEnv> {
  const root = resolve(rootDir);
  const app = new Hono<NodeEnv>();
  const index = async () => {
    const html = injectSecret(await readFile(resolve(root, 'index.html'), 'utf8'), secret);
    return new Response(html, {
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': RENDERER_CSP },
    });
  };
  app.on(['GET', 'HEAD'], ['/', '/index.html'], index);
  app.on(['GET', 'HEAD'], '*', async (c, next) => {
    c.header('cache-control', c.req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    await next();
  }, serveStatic({ root }));
  // Browsers ask for a favicon by themselves; the build has none, and a 404 would be a console error.
  app.get('/favicon.ico', (c) => c.body(null, 204, { 'cache-control': 'no-cache' }));
  app.on(['GET', 'HEAD'], '*', (c) => c.text('Not found', 404));
  app.all('*', (c) => c.text('Method not allowed', 405, { allow: 'GET, HEAD' }));
  return app;
}
