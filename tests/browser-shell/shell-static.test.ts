// The browser shell serves the built renderer: index.html with the secret and a CSP, never cached; assets
// with their content types; nothing outside the renderer folder however the path is spelled. And the
// Visma callback: query and form_post reach the core, the popup gets a page that closes itself.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBrowserShell, type BrowserShell } from '../../electron/browser-shell/browser-shell.server';
import { RendererMissingError } from '../../electron/browser-shell/static-files';
import { SECRET_META_PLACEHOLDER } from '../../shared/ipc/transport';
import { fakeRenderer, rawRequest, stubCore, type StubCore } from './shell.helpers';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let shell: BrowserShell;
let core: StubCore;

beforeEach(async () => {
  shell = await startBrowserShell({ rendererDir: fakeRenderer().dir, port: 0 });
  core = stubCore();
  shell.attach(core);
});
afterEach(async () => {
  await shell.close();
});

const get = (path: string, headers: Record<string, string> = {}) => rawRequest(shell.port, { path, headers });

describe('browser shell static files', () => {
  it('serves index.html at / with the secret in place of the placeholder, a CSP and no caching', async () => {
    for (const path of ['/', '/index.html']) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.body).toContain(`<meta name="tillbridge-secret" content="${shell.secret}" />`);
      expect(res.body).not.toContain(SECRET_META_PLACEHOLDER);
    }
  });

  it('serves assets with their content types; hashed assets may be cached', async () => {
    const js = await get('/assets/app-1.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toContain('immutable');
    expect(js.body).toBe('console.log("app");');
    expect((await get('/assets/style-1.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await get('/icon.svg')).headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    const head = await rawRequest(shell.port, { method: 'HEAD', path: '/assets/app-1.js' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('answers 404 for a missing file and a folder, 405 for other methods', async () => {
    expect((await get('/nope.js')).status).toBe(404);
    expect((await get('/favicon.ico')).status).toBe(204);
    expect((await get('/assets')).status).toBe(404);
    expect((await rawRequest(shell.port, { method: 'DELETE', path: '/index.html' })).status).toBe(405);
  });

  it('never serves a file outside the renderer folder, however the path is written', async () => {
    const attempts = ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2F..%2Fsecret.txt', '/..%5csecret.txt', '/%00index.html', '/%E0%A4%A'];
    for (const path of attempts) {
      const res = await get(path);
      expect([400, 404], path).toContain(res.status);
      expect(res.body).not.toContain('outside the renderer');
    }
  });

  it('refuses to start without a built renderer or without the placeholder in it', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'tb-shell-empty-'));
    await expect(startBrowserShell({ rendererDir: empty, port: 0 })).rejects.toBeInstanceOf(RendererMissingError);
    writeFileSync(join(empty, 'index.html'), '<html><head></head></html>');
    await expect(startBrowserShell({ rendererDir: empty, port: 0 })).rejects.toThrow(/tillbridge-secret/);
  });
});

describe('browser shell login callback', () => {
  it('query mode: hands the full redirect URL to the core and answers a page that closes itself', async () => {
    const res = await get('/oauth/callback?code=c0de&state=st4te');
    expect(res.status).toBe(200);
    expect(core.redirects).toEqual([{ url: `${shell.url}/oauth/callback?code=c0de&state=st4te` }]);
    expect(res.body).toContain('data-outcome="connected"');
    expect(res.body).toContain('Du er logget ind');
    expect(res.body).toContain('You are logged in');
    expect(res.body).toContain('window.close()');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
    // The closing script runs only by its nonce.
    const nonce = /script-src 'nonce-([^']+)'/.exec(String(res.headers['content-security-policy']))?.[1];
    expect(res.body).toContain(`<script nonce="${nonce}">`);
  });

  it('form_post mode: hands the urlencoded body to the core, even from Visma\'s origin', async () => {
    const res = await rawRequest(shell.port, {
      method: 'POST',
      path: '/oauth/callback',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://connect.visma.com' },
      body: 'code=c0de&state=st4te',
    });
    expect(res.status).toBe(200);
    expect(core.redirects).toEqual([{ url: `${shell.url}/oauth/callback`, formBody: 'code=c0de&state=st4te' }]);
  });

  it('a failed login gets the failure page; a bad form or a foreign Host reaches nothing', async () => {
    const failing = stubCore(false);
    shell.attach(failing);
    expect((await get('/oauth/callback?error=access_denied&state=x')).body).toContain('data-outcome="failed"');
    const json = await rawRequest(shell.port, { method: 'POST', path: '/oauth/callback', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(415);
    const big = await rawRequest(shell.port, { method: 'POST', path: '/oauth/callback', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'code=' + 'x'.repeat(20_000) });
    expect(big.status).toBe(413);
    expect((await get('/oauth/callback?code=a&state=b', { host: 'evil.example' })).status).toBe(403);
    // Another page's <img>, frame or fetch aimed at the callback (Fetch Metadata says so) is not a login answer.
    for (const headers of [{ 'sec-fetch-dest': 'image', 'sec-fetch-mode': 'no-cors' }, { 'sec-fetch-dest': 'iframe', 'sec-fetch-mode': 'navigate' }, { 'sec-fetch-dest': 'empty', 'sec-fetch-mode': 'cors' }]) {
      expect((await get('/oauth/callback?code=a&state=b', headers)).status).toBe(403);
    }
    expect(failing.redirects).toHaveLength(1);
  });

  it('serves the callback at a configured path', async () => {
    const custom = await startBrowserShell({ rendererDir: fakeRenderer().dir, port: 0, callbackPath: '/callback' });
    const customCore = stubCore();
    custom.attach(customCore);
    expect(custom.redirectUri).toBe(`${custom.url}/callback`);
    await rawRequest(custom.port, { path: '/callback?code=1&state=2' });
    expect(customCore.redirects).toHaveLength(1);
    await custom.close();
  });
});
