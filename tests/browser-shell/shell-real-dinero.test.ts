// `npm run shell` against a configured ("real") Dinero: the shell takes its port and callback path from
// DINERO_REDIRECT_URI, starts no sandbox and seeds nothing, and the Visma redirect to that URI completes the
// login. A standalone sandbox plays the real Dinero and Visma Connect here.
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { launchBrowserShell, type LaunchedShell } from '../../electron/browser-shell/shell-launch';
import { startDineroSandbox, type DineroSandbox } from '../../electron/dinero/sandbox/sandbox';
import { SECRET_HEADER } from '../../shared/ipc/transport';
import { fakeRenderer, rawRequest } from './shell.helpers';

let sb: DineroSandbox | null = null;
let launched: LaunchedShell | null = null;
afterEach(async () => {
  await launched?.stop();
  await sb?.close();
  launched = null;
  sb = null;
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function api(channel: string, input: unknown): Promise<{ ok: boolean; value?: Record<string, unknown> }> {
  const res = await fetch(`${launched!.shell.url}/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', [SECRET_HEADER]: launched!.shell.secret }, body: JSON.stringify(input) });
  return (await res.json()) as { ok: boolean; value?: Record<string, unknown> };
}

describe('browser shell with configured Dinero', () => {
  it('serves the configured redirect URI on its port and completes a login through it', async () => {
    sb = await startDineroSandbox({ port: 0 });
    const redirectUri = `http://127.0.0.1:${await freePort()}/visma/return`;
    sb.registerRedirectUri(redirectUri);
    const dataDir = mkdtempSync(join(tmpdir(), 'tb-shell-real-'));
    launched = await launchBrowserShell({
      env: {
        DINERO_API_URL: sb.url,
        VISMA_CONNECT_URL: sb.url,
        DINERO_CLIENT_ID: sb.client.clientId,
        DINERO_CLIENT_SECRET: sb.client.clientSecret,
        DINERO_REDIRECT_URI: redirectUri,
        TILLBRIDGE_DATA_DIR: dataDir,
      },
      demo: false,
      rendererDir: fakeRenderer().dir,
    });
    expect(launched.config.dinero.mode).toBe('real');
    expect(launched.sandbox).toBeNull();
    expect(launched.shell.redirectUri).toBe(redirectUri);
    expect(launched.core.redirectUri).toBe(redirectUri);
    expect((await api('auth.status', {})).value).toMatchObject({ connected: false, sandbox: false });
    expect((await api('reports.openPeriod', {})).value).toMatchObject({ saleCount: 0 });

    const start = await api('auth.startLogin', {});
    const authorizeUrl = String(start.value!.authorizeUrl);
    expect(authorizeUrl.startsWith(`${sb.url}/connect/authorize?`)).toBe(true);
    const form = new URLSearchParams(new URL(authorizeUrl).searchParams);
    form.set('email', sb.demoUser.email);
    form.set('password', sb.demoUser.password);
    form.set('decision', 'allow');
    const consent = await fetch(`${sb.url}/connect/authorize`, { method: 'POST', body: form, redirect: 'manual' });
    const location = consent.headers.get('location')!;
    expect(location.startsWith(`${redirectUri}?`)).toBe(true);

    // As the browser's navigation would (Node's fetch says sec-fetch-mode: cors, which the callback refuses).
    const target = new URL(location);
    const page = await rawRequest(Number(target.port), { path: target.pathname + target.search });
    expect(page.status).toBe(200);
    expect(page.body).toContain('data-outcome="connected"');
    expect((await api('auth.loginStatus', { loginId: start.value!.loginId })).value).toEqual({ state: 'connected' });
    expect((await api('auth.status', {})).value).toMatchObject({ connected: true });
  });
});
