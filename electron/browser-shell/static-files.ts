// Serves the built renderer (dist/renderer) to the browser. index.html gets the per-run secret in place of
// the placeholder meta tag and is never cached (a cached copy would carry a dead secret after a restart);
// the hashed files under assets/ never change and may be cached for good.
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { SECRET_META_NAME, SECRET_META_PLACEHOLDER } from '../../shared/ipc/transport';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

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
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
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
 * Maps a URL path to a file inside rootDir, or null when it would leave it (../, encoded or not), holds a NUL
 * or cannot be decoded. '/' is index.html.
 */
export function resolveStaticPath(rootDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const root = resolve(rootDir);
  const file = resolve(root, '.' + (decoded === '/' ? '/index.html' : decoded));
  return file.startsWith(root + sep) ? file : null;
}

export async function serveStatic(req: IncomingMessage, res: ServerResponse, rootDir: string, secret: string, urlPath: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('Method not allowed');
    return;
  }
  const file = resolveStaticPath(rootDir, urlPath);
  if (file === null) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad path');
    return;
  }
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    // Browsers ask for a favicon by themselves; the build has none, and a 404 would be a console error.
    if (urlPath === '/favicon.ico') {
      res.writeHead(204, { 'cache-control': 'no-cache' }).end();
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  const isIndex = file === resolve(rootDir, 'index.html');
  const body = isIndex ? Buffer.from(injectSecret(await readFile(file, 'utf8'), secret), 'utf8') : await readFile(file);
  const immutable = file.startsWith(resolve(rootDir, 'assets') + sep);
  res.writeHead(200, {
    'content-type': contentTypeFor(file),
    'content-length': body.length,
    'cache-control': isIndex ? 'no-store' : immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...(isIndex ? { 'content-security-policy': RENDERER_CSP } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
