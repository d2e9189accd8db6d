// The browser shell's API door: only the page it served (right Host, own Origin, the per-run secret, JSON)
// reaches the core; every refusal is a reply envelope and dispatches nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBrowserShell, type BrowserShell } from '../../electron/browser-shell/browser-shell.server';
import { SECRET_HEADER } from '../../shared/ipc/transport';
import { createStartupTracker } from '../../electron/app/startup-status';
import { fakeRenderer, rawRequest, stubCore, type StubCore } from './shell.helpers';

let shell: BrowserShell;
let core: StubCore;

beforeEach(async () => {
  shell = await startBrowserShell({ rendererDir: fakeRenderer().dir, port: 0, maxBodyBytes: 1024 });
  core = stubCore();
  shell.attach(core);
});
afterEach(async () => {
  await shell.close();
});

function api(channel: string, o: { headers?: Record<string, string>; body?: string | Buffer; method?: string } = {}) {
  return rawRequest(shell.port, {
    method: o.method ?? 'POST',
    path: `/api/${channel}`,
    headers: { 'content-type': 'application/json', [SECRET_HEADER]: shell.secret, ...o.headers },
    body: o.body ?? '{}',
  });
}

describe('browser shell API', () => {
  it('listens on 127.0.0.1 only, with a 64-hex-digit secret that differs per run', async () => {
    expect(shell.url).toBe(`http://127.0.0.1:${shell.port}`);
    expect(shell.redirectUri).toBe(`${shell.url}/oauth/callback`);
    expect(shell.secret).toMatch(/^[0-9a-f]{64}$/);
    const other = await startBrowserShell({ rendererDir: fakeRenderer().dir, port: 0 });
    expect(other.secret).not.toBe(shell.secret);
    await other.close();
  });

  it('dispatches a well-formed request and answers 200 with the envelope', async () => {
    const res = await api('settings.get', { headers: { origin: shell.url } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { echo: 'settings.get' } });
    expect(core.dispatched).toEqual([{ channel: 'settings.get', input: {} }]);
  });

  it('passes the parsed JSON input through, and accepts localhost as the same origin', async () => {
    const input = { loginId: 'abc' };
    const res = await rawRequest(shell.port, {
      method: 'POST',
      path: '/api/auth.loginStatus',
      headers: { host: `localhost:${shell.port}`, origin: `http://localhost:${shell.port}`, 'content-type': 'application/json; charset=utf-8', [SECRET_HEADER]: shell.secret },
      body: JSON.stringify(input),
    });
    expect(res.status).toBe(200);
    expect(core.dispatched).toEqual([{ channel: 'auth.loginStatus', input }]);
  });

  it.each([
    ['no secret', { [SECRET_HEADER]: '' }],
    ['a wrong secret of the same length', { [SECRET_HEADER]: 'f'.repeat(64) }],
    ['a prefix of the secret', { [SECRET_HEADER]: 'x' }],
  ])('refuses %s with 403 forbidden and dispatches nothing', async (_name, headers) => {
    const res = await api('settings.get', { headers });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(core.dispatched).toEqual([]);
  });

  it('refuses a foreign Origin even with the right secret', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${shell.port + 1}`, 'null']) {
      const res = await api('settings.update', { headers: { origin }, body: '{"language":"en"}' });
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body).error.code).toBe('forbidden');
    }
    expect(core.dispatched).toEqual([]);
  });

  it('refuses a Host that is not the shell itself (DNS rebinding), for the API and the page', async () => {
    for (const host of ['evil.example', `evil.example:${shell.port}`, `127.0.0.1:${shell.port + 1}`, '127.0.0.1']) {
      const refused = await api('settings.get', { headers: { host } });
      expect(refused.status).toBe(403);
      expect(JSON.parse(refused.body).error.code).toBe('forbidden');
      expect((await rawRequest(shell.port, { path: '/', headers: { host } })).status).toBe(403);
    }
    expect(core.dispatched).toEqual([]);
  });

  it('answers an unknown channel with 404 forbidden', async () => {
    for (const channel of ['no.such', 'constructor', '__proto__', '%E0%A4%A']) {
      const res = await api(channel);
      expect(res.status).toBe(404);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(core.dispatched).toEqual([]);
  });

  it('wants POST and application/json', async () => {
    const get = await api('settings.get', { method: 'GET', body: '' });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    const form = await api('settings.get', { headers: { 'content-type': 'text/plain' } });
    expect(form.status).toBe(415);
    expect(JSON.parse(form.body).error.code).toBe('invalid_input');
    const bad = await api('settings.get', { body: '{not json' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.code).toBe('invalid_input');
    expect(core.dispatched).toEqual([]);
  });

  it('refuses a body over the limit, declared or streamed, and still serves the next request', async () => {
    const big = JSON.stringify({ note: 'x'.repeat(2000) });
    const declared = await api('settings.update', { body: big });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error.code).toBe('invalid_input');
    // Chunked: no Content-Length, so the limit has to be enforced while reading.
    const streamed = await api('settings.update', { body: Buffer.from(big), headers: { 'transfer-encoding': 'chunked' } });
    expect(streamed.status).toBe(413);
    expect(core.dispatched).toEqual([]);
    expect((await api('settings.get')).status).toBe(200);
  });

  it('before a core is attached: app.startup says how far the start is, every other channel app_starting (503)', async () => {
    const startup = createStartupTracker();
    const early = await startBrowserShell({ rendererDir: fakeRenderer().dir, port: 0, startup });
    const ask = async (channel: string) => {
      const res = await rawRequest(early.port, { method: 'POST', path: `/api/${channel}`, headers: { 'content-type': 'application/json', [SECRET_HEADER]: early.secret }, body: '{}' });
      return { status: res.status, body: JSON.parse(res.body) as { ok: boolean; value?: unknown; error?: { code: string } } };
    };
    expect(await ask('settings.get')).toMatchObject({ status: 503, body: { ok: false, error: { code: 'app_starting' } } });
    expect(await ask('app.startup')).toEqual({ status: 200, body: { ok: true, value: { state: 'starting', progress: null, language: 'da' } } });
    startup.progress({ phase: 'backup', done: 2048, total: 4096, fromVersion: 130, toVersion: 140 });
    expect(await ask('app.startup')).toEqual({ status: 200, body: { ok: true, value: { state: 'migrating', progress: { phase: 'backup', done: 2048, total: 4096, fromVersion: 130, toVersion: 140 }, language: 'da' } } });
    // Once the core is attached it answers everything, app.startup included.
    const attached = stubCore();
    early.attach(attached);
    expect((await ask('settings.get')).status).toBe(200);
    await early.close();
  });

  it('refuses to start on a port already taken', async () => {
    await expect(startBrowserShell({ rendererDir: fakeRenderer().dir, port: shell.port })).rejects.toThrow(/EADDRINUSE/);
  });
});
