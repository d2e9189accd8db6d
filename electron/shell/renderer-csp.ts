// The main window's Content-Security-Policy. Stricter than the browser shell's: in Electron the page talks to
// main only over IPC, so it needs no network at all (connect-src 'none'); scripts and styles come only from
// the app's own files; nothing inline, no frames, no plugins, no forms posting anywhere.
export const ELECTRON_RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');
