// Answers the main window's requests for tillbridge://app/<file> from the built renderer folder (inside the
// asar when packaged; Electron's fs reads it). Plain Node (Response is global): the Electron adapter only
// hands requests in. Anything outside the folder, another host, or a non-GET is refused.
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { contentTypeFor } from '../browser-shell/static-files';
import { APP_HOST, APP_SCHEME, parseUrl } from './app-url';
import { ELECTRON_RENDERER_CSP } from './renderer-csp';

const COMMON_HEADERS = {
  'content-security-policy': ELECTRON_RENDERER_CSP,
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

function refuse(status: number): Response {
  return new Response(null, { status, headers: COMMON_HEADERS });
}

/** The file a request maps to, or null when it must not be served (other host, escapes the folder). */
export function rendererFileFor(requestUrl: string, rendererDir: string): string | null {
  const url = parseUrl(requestUrl);
  if (!url || url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const root = resolve(rendererDir);
  const file = resolve(root, '.' + (path === '/' ? '/index.html' : path));
  return file.startsWith(root + sep) ? file : null;
}

export async function serveRendererRequest(request: { url: string; method: string }, rendererDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
  const file = rendererFileFor(request.url, rendererDir);
  if (file === null) return refuse(404);
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return refuse(404);
  }
  const headers = { ...COMMON_HEADERS, 'content-type': contentTypeFor(file), 'cache-control': 'no-cache' };
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
}
