// The two ways to reach main (shared/ipc/transport.ts describes both ends): Electron's preload bridge when
// it is there, else HTTP to the browser shell with the per-run secret it put in the page.
import { HTTP_API_PREFIX, SECRET_HEADER, SECRET_META_NAME, type PreloadApi } from '../../shared/ipc/transport';

/** Sends one request and resolves with the raw reply (checked by the api module). */
export type Transport = (channel: string, input: unknown) => Promise<unknown>;

export function electronTransport(bridge: PreloadApi): Transport {
  return (channel, input) => bridge.invoke(channel, input);
}

export function httpTransport(secret: string, fetchFn: typeof fetch = (...args) => fetch(...args)): Transport {
  return async (channel, input) => {
    const response = await fetchFn(HTTP_API_PREFIX + encodeURIComponent(channel), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SECRET_HEADER]: secret },
      body: JSON.stringify(input ?? {}),
    });
    // Error replies come with a JSON envelope too (e.g. 403 forbidden), so read the body whatever the status.
    try {
      return (await response.json()) as unknown;
    } catch {
      return { ok: false, error: { code: 'internal', message: `HTTP ${response.status} without a reply body` } };
    }
  };
}

export function readSecret(doc: Document): string {
  return doc.querySelector(`meta[name="${SECRET_META_NAME}"]`)?.getAttribute('content') ?? '';
}

export type ShellKind = 'electron' | 'browser';

export function detectTransport(win: Window & { api?: PreloadApi }): { transport: Transport; shell: ShellKind } {
  if (win.api && typeof win.api.invoke === 'function') return { transport: electronTransport(win.api), shell: 'electron' };
  return { transport: httpTransport(readSecret(win.document)), shell: 'browser' };
}
