// Where the main window's page comes from: a privileged custom scheme served from dist/renderer by main
// (renderer-protocol.ts), not file://. Reasons: the CSP is a real response header set here rather than a
// meta tag someone can forget; the page gets its own origin instead of file://'s access to the whole disk;
// only files inside dist/renderer can ever be served; and the sender check has one exact URL to compare.
export const APP_SCHEME = 'tillbridge';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** Parses without throwing; null for anything that is not a URL. */
export function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/**
 * True only for our renderer's page itself (hash and query ignored: the app may use them for its own state).
 * Compared field by field because WHATWG URL gives custom schemes an opaque 'null' origin.
 */
export function isAppPageUrl(text: string): boolean {
  const url = parseUrl(text);
  return url !== null && url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.pathname === '/index.html' && url.username === '' && url.password === '';
}
