// The main window's security baseline (design §9): the options field by field, navigation and window.open
// denied (only allow-listed help sites go to the system browser), webviews refused, permissions denied,
// the main session fetching nothing remote, and the tillbridge:// scheme serving only dist/renderer with CSP.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../shared/ports';
import { APP_INDEX_URL } from '../../electron/shell/app-url';
import { createMainWindow } from '../../electron/shell/main-window.electron';
import { ELECTRON_RENDERER_CSP } from '../../electron/shell/renderer-csp';
import { rendererFileFor, serveRendererRequest } from '../../electron/shell/renderer-protocol';
import { denyAllPermissions, hardenMainSession, isMainSessionRequestAllowed } from '../../electron/shell/session-hardening.electron';
import { loginPopupOptions, mainWindowOptions } from '../../electron/shell/window-options';
import { FakeSession, navEvent, resetFakeElectron, type FakeBrowserWindow } from './support/fake-electron';

vi.mock('electron', async () => (await import('./support/fake-electron')).electronMockFactory());

let fake: ReturnType<typeof resetFakeElectron>;
beforeEach(() => {
  fake = resetFakeElectron();
});

describe('main window options', () => {
  it('sets every field of the security baseline', () => {
    const options = mainWindowOptions({ preloadPath: '/app/dist/electron/preload.cjs', isPackaged: true });
    const web = options.webPreferences;
    expect(web.preload).toBe('/app/dist/electron/preload.cjs');
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
    expect(web.devTools).toBe(false);
    // Nothing else may slip in (e.g. enableRemoteModule, a partition, additionalArguments).
    expect(Object.keys(web).sort()).toEqual(
      ['allowRunningInsecureContent', 'contextIsolation', 'devTools', 'experimentalFeatures', 'navigateOnDragDrop', 'nodeIntegration', 'nodeIntegrationInSubFrames', 'nodeIntegrationInWorker', 'preload', 'safeDialogs', 'sandbox', 'spellcheck', 'webSecurity', 'webviewTag'],
    );
    expect(options.show).toBe(false);
  });

  it('has developer tools only in an unpackaged run', () => {
    expect(mainWindowOptions({ preloadPath: 'p', isPackaged: false }).webPreferences.devTools).toBe(true);
    expect(mainWindowOptions({ preloadPath: 'p', isPackaged: true }).webPreferences.devTools).toBe(false);
  });

  it('gives the login popup no preload, its own partition and no developer tools', () => {
    const web = loginPopupOptions({ partition: 'tillbridge-login-x' }).webPreferences;
    expect(web).not.toHaveProperty('preload');
    expect(web.partition).toBe('tillbridge-login-x');
    expect(web.partition.startsWith('persist:')).toBe(false);
    expect([web.contextIsolation, web.sandbox, web.webSecurity, web.nodeIntegration, web.devTools, web.webviewTag]).toEqual([true, true, true, false, false, false]);
  });
});

describe('main window behaviour', () => {
  function open(): FakeBrowserWindow {
    createMainWindow({ preloadPath: '/p/preload.cjs', isPackaged: true, logger: silentLogger });
    expect(fake.windows).toHaveLength(1);
    return fake.windows[0]!;
  }

  it('is built with the baseline options and loads only the app page', () => {
    const window = open();
    expect(window.options).toEqual(mainWindowOptions({ preloadPath: '/p/preload.cjs', isPackaged: true }));
    expect(window.loaded).toEqual([APP_INDEX_URL]);
    window.emit('ready-to-show');
    expect(window.calls).toContain('show');
  });

  it('refuses every navigation and redirect, including to its own page and to Visma', () => {
    const window = open();
    for (const url of [APP_INDEX_URL, 'https://evil.example/', 'file:///etc/passwd', 'https://connect.visma.com/', 'http://127.0.0.1:8765/callback?code=x']) {
      const navigate = navEvent(url);
      window.webContents.emit('will-navigate', navigate);
      expect(navigate.defaultPrevented, url).toBe(true);
      const redirect = navEvent(url);
      window.webContents.emit('will-redirect', redirect);
      expect(redirect.defaultPrevented, url).toBe(true);
    }
  });

  it('denies every window.open; allow-listed https help sites go to the system browser instead', () => {
    const window = open();
    const handler = window.webContents.windowOpenHandler!;
    const cases: Array<[string, boolean]> = [
      ['https://www.dinero.dk/hjaelp', true],
      ['https://connect.visma.com/', true],
      ['http://www.dinero.dk/', false], // not https
      ['https://www.dinero.dk.evil.example/', false],
      ['https://user:pw@www.dinero.dk/', false],
      ['https://www.dinero.dk:8443/', false],
      ['file:///etc/passwd', false],
      ['javascript:alert(1)', false],
      ['not a url', false],
    ];
    for (const [url] of cases) expect(handler({ url }), url).toEqual({ action: 'deny' });
    expect(fake.openedExternally).toEqual(cases.filter(([, ok]) => ok).map(([url]) => url));
  });

  it('refuses webview attachment', () => {
    const window = open();
    const event = navEvent('about:blank');
    window.webContents.emit('will-attach-webview', event);
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('session hardening', () => {
  it('denies every permission request and check', () => {
    const session = new FakeSession('x');
    denyAllPermissions(session as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid', 'serial', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      session.permissionRequest!({}, permission, callback, {});
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(session.permissionCheck!({}, permission, 'tillbridge://app', {}), permission).toBe(false);
    }
    expect(session.devicePermission!({})).toBe(false);
  });

  it('lets the main session load only the app scheme (no remote content)', async () => {
    const session = new FakeSession('(default)');
    hardenMainSession(session as never);
    expect(await session.webRequest.request({ url: APP_INDEX_URL })).toEqual({ cancel: false });
    expect(await session.webRequest.request({ url: 'tillbridge://app/assets/index.js' })).toEqual({ cancel: false });
    for (const url of ['https://cdn.example/x.js', 'http://127.0.0.1:4000/api/app.info', 'file:///etc/hosts', 'ws://127.0.0.1/', 'ftp://x/']) {
      expect(await session.webRequest.request({ url }), url).toEqual({ cancel: true });
    }
    expect(isMainSessionRequestAllowed('data:image/png;base64,AA==')).toBe(true);
    // The page's own blobs (a CSV or PDF it saves), and no one else's.
    expect(isMainSessionRequestAllowed('blob:tillbridge://app/5f0c6c1e-1111-4222-8333-944445555666')).toBe(true);
    for (const url of ['blob:https://evil.example/5f0c', 'blob:tillbridge://other/5f0c', 'blob:null/5f0c']) expect(isMainSessionRequestAllowed(url), url).toBe(false);
    expect(session.permissionRequest).not.toBeNull();
  });
});

describe('the tillbridge:// scheme', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tb-scheme-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>TillBridge</title>');
  writeFileSync(join(rendererDir, 'assets', 'index-1.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer folder');

  it('serves the renderer files with the CSP and the right content types', async () => {
    const page = await serveRendererRequest({ url: APP_INDEX_URL, method: 'GET' }, rendererDir);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(ELECTRON_RENDERER_CSP);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>TillBridge</title>');
    const script = await serveRendererRequest({ url: 'tillbridge://app/assets/index-1.js', method: 'GET' }, rendererDir);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
    expect((await serveRendererRequest({ url: 'tillbridge://app/', method: 'GET' }, rendererDir)).status).toBe(200);
  });

  it('refuses other hosts, other schemes, paths out of the folder, missing files and writes', async () => {
    for (const url of ['tillbridge://app/../secret.txt', 'tillbridge://app/%2e%2e/secret.txt', 'tillbridge://app/assets/..%2f..%2fsecret.txt', 'tillbridge://app/%2e%2e%5csecret.txt', 'tillbridge://other/index.html', 'https://app/index.html', 'tillbridge://app/missing.js', 'tillbridge://app/%00.html']) {
      const reply = await serveRendererRequest({ url, method: 'GET' }, rendererDir);
      expect(reply.status, url).toBe(404);
      expect(await reply.text(), url).not.toContain('outside the renderer folder');
    }
    expect((await serveRendererRequest({ url: APP_INDEX_URL, method: 'POST' }, rendererDir)).status).toBe(405);
    expect(rendererFileFor('tillbridge://app/assets/index-1.js', rendererDir)).toBe(join(rendererDir, 'assets', 'index-1.js'));
  });

  it('has a CSP without inline code, remote hosts or network access', () => {
    const directives = Object.fromEntries(ELECTRON_RENDERER_CSP.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives['default-src']).toBe("'none'");
    expect(directives['script-src']).toBe("'self'");
    expect(directives['connect-src']).toBe("'none'");
    expect(directives['object-src']).toBe("'none'");
    expect(directives['frame-ancestors']).toBe("'none'");
    expect(ELECTRON_RENDERER_CSP).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});
