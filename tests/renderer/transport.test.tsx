// @vitest-environment jsdom
// The api module's two transports: HTTP to the browser shell (path, JSON body, secret header from the
// page's meta tag; error envelopes read whatever the status) over a real server on 127.0.0.1, and
// Electron's preload bridge; plus the reply check that turns anything else into a clear error.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError, createApi } from '../../renderer/api/api';
import { checkReply } from '../../renderer/api/reply-check';
import { detectTransport, httpTransport, readSecret } from '../../renderer/api/transport';
import { SECRET_META_PLACEHOLDER } from '../../shared/ipc/transport';

interface Seen { method?: string; url?: string; headers: IncomingMessage['headers']; body: string }
let server: Server;
let base = '';
const seen: Seen[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      if (req.headers['x-tillbridge-secret'] !== 's3cret') {
        res.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error: { code: 'forbidden', message: 'bad secret' } }));
      } else if (req.url === '/api/broken') {
        res.writeHead(500).end('<html>oops</html>');
      } else {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, value: { echo: JSON.parse(body) as unknown } }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

// The page is served by the shell, so the transport uses a relative path; here we point it at the server.
const onServer: typeof fetch = (input, init) => fetch(`${base}${String(input)}`, init);

describe('HTTP transport', () => {
  it('POSTs JSON to /api/<channel> with the secret header and returns the reply', async () => {
    const api = createApi(httpTransport('s3cret', onServer), 'browser');
    const value = await api.call('reports.list', { offset: 25, limit: 25 });
    expect(value).toEqual({ echo: { offset: 25, limit: 25 } });
    const request = seen.at(-1);
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/api/reports.list');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['x-tillbridge-secret']).toBe('s3cret');
  });

  it('reads the error envelope of a refused request as a typed error', async () => {
    const api = createApi(httpTransport('wrong', onServer), 'browser');
    const error = await api.call('settings.get', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('forbidden');
  });

  it('a body that is not a reply becomes an internal error, not a crash', async () => {
    const transport = httpTransport('s3cret', onServer);
    expect(await transport('broken', {})).toEqual({ ok: false, error: { code: 'internal', message: 'HTTP 500 without a reply body' } });
  });

  it('takes the secret from the meta tag the browser shell fills in', () => {
    document.head.innerHTML = SECRET_META_PLACEHOLDER.replace('content=""', 'content="abc123"');
    expect(readSecret(document)).toBe('abc123');
    const { shell } = detectTransport(window);
    expect(shell).toBe('browser');
  });
});

describe('Electron transport', () => {
  it('uses window.api.invoke when the preload put it there', async () => {
    const invoke = vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } }));
    const win = Object.assign(Object.create(window) as Window, { api: { invoke } });
    const { transport, shell } = detectTransport(win);
    expect(shell).toBe('electron');
    const api = createApi(transport, shell);
    expect(await api.call('reports.get', { reportId: 'r1' })).toEqual({ channel: 'reports.get', input: { reportId: 'r1' } });
    expect(invoke).toHaveBeenCalledWith('reports.get', { reportId: 'r1' });
  });

  it('a bridge that throws becomes an internal ApiError', async () => {
    const api = createApi(() => Promise.reject(new Error('IPC closed')), 'electron');
    await expect(api.call('app.info', {})).rejects.toMatchObject({ code: 'internal' });
  });
});

describe('reply check', () => {
  it('accepts the two envelope shapes and nothing else', () => {
    expect(checkReply({ ok: true, value: 1 })).toEqual({ ok: true, value: 1 });
    expect(checkReply({ ok: false, error: { code: 'dinero_no_pro', message: 'x', details: { a: 1 } } })).toEqual({ ok: false, error: { code: 'dinero_no_pro', message: 'x', details: { a: 1 } } });
    for (const bad of [null, 'ok', { ok: true }, { ok: false, error: { code: 'made_up', message: 'x' } }, { ok: false, error: { code: 'busy' } }, [1]]) {
      expect(checkReply(bad)).toMatchObject({ ok: false, error: { code: 'internal' } });
    }
  });
});
