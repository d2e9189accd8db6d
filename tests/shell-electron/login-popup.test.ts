// The Visma login popup against the real core and the real sandbox over HTTP: the core starts the login
// (PKCE, state) and opens the popup; the test plays Chromium's part (the sandbox's login form is submitted
// over HTTP) and fires the navigation / request events Electron would. Checked: a fresh in-memory session
// per login, navigation limited to Visma Connect, the redirect caught before it loads in both response
// modes, the tokens in the safeStorage vault, closing = cancel, and the refusal without a real keyring.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoginWindowOpener } from '../../electron/app/app-core.types';
import { createEncryptedFileTokenStore } from '../../electron/auth/encrypted-file.token-store';
import { createSafeStorageCipher } from '../../electron/auth/safe-storage.electron';
import { createLoginPopupOpener } from '../../electron/shell/login-popup.electron';
import { silentLogger } from '../../shared/ports';
import { startAppHarness, TEST_REDIRECT_URI, type AppHarness } from '../support/app-harness';
import { navEvent, resetFakeElectron, type FakeBrowserWindow, type FakeSession } from './support/fake-electron';

vi.mock('electron', async () => (await import('./support/fake-electron')).electronMockFactory());

let fake: ReturnType<typeof resetFakeElectron>;
let harness: AppHarness;
let tokenFile: string;
let completions: Array<Promise<unknown>>;
let cancels: string[];

async function start(responseMode: 'query' | 'form_post'): Promise<void> {
  tokenFile = join(mkdtempSync(join(tmpdir(), 'tb-vault-')), 'secrets', 'dinero-tokens.bin');
  const tokenStore = createEncryptedFileTokenStore({ file: tokenFile, cipher: createSafeStorageCipher('linux') });
  // The popup needs the sandbox's address, which exists only once the harness started: open() is forwarded.
  let popups: LoginWindowOpener | null = null;
  const forward: LoginWindowOpener = { open: (url, id) => popups!.open(url, id), close: (id) => popups!.close(id) };
  harness = await startAppHarness({ responseMode, tokenStore, core: { loginWindow: forward } });
  popups = createLoginPopupOpener({
    connectUrl: harness.sandbox.connection.connectUrl,
    redirectUri: TEST_REDIRECT_URI,
    parent: () => null,
    complete: (redirect) => {
      const done = harness.core.completeLogin(redirect);
      completions.push(done);
      return done;
    },
    cancel: async (loginId) => {
      cancels.push(loginId);
      return harness.core.dispatch('auth.cancelLogin', { loginId });
    },
    logger: silentLogger,
  });
}

/** auth.startLogin through the core; returns the popup it opened. */
async function startLogin(): Promise<{ loginId: string; authorizeUrl: string; popup: FakeBrowserWindow; session: FakeSession }> {
  const before = fake.windows.length;
  const { loginId, authorizeUrl } = await harness.call('auth.startLogin', {});
  expect(fake.windows).toHaveLength(before + 1);
  const popup = fake.windows.at(-1)!;
  const session = fake.sessions.get(popup.options.webPreferences.partition)!;
  return { loginId, authorizeUrl, popup, session };
}

/** What the sandbox answers to the submitted login form: the 302 target, or the form_post page's fields. */
async function submitSandboxLogin(authorizeUrl: string): Promise<{ location: string | null; formBody: string | null }> {
  const form = new URLSearchParams(new URL(authorizeUrl).searchParams);
  form.set('email', harness.sandbox.sandbox.demoUser.email);
  form.set('password', harness.sandbox.sandbox.demoUser.password);
  form.set('decision', 'allow');
  const res = await fetch(`${harness.sandbox.sandbox.url}/connect/authorize`, { method: 'POST', body: form, redirect: 'manual' });
  const html = await res.text();
  if (res.status === 302) return { location: res.headers.get('location'), formBody: null };
  const fields = new URLSearchParams();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) fields.set(m[1]!, m[2]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
  return { location: null, formBody: fields.toString() };
}

async function settle(): Promise<void> {
  await Promise.all(completions);
  await new Promise((resolve) => setImmediate(resolve)); // the popup closes in the completion's finally
}

beforeEach(() => {
  fake = resetFakeElectron();
  completions = [];
  cancels = [];
});
afterEach(async () => {
  await harness?.close();
});

describe('login popup', () => {
  it('opens Visma on a fresh in-memory session with permissions denied and windows refused', async () => {
    await start('query');
    const first = await startLogin();
    expect(first.popup.loaded).toEqual([first.authorizeUrl]);
    expect(first.authorizeUrl.startsWith(harness.sandbox.connection.connectUrl)).toBe(true);
    const partition = first.popup.options.webPreferences.partition as string;
    expect(partition.startsWith('persist:')).toBe(false);
    expect(first.session.options).toEqual({ cache: false });
    expect(first.popup.options.webPreferences).not.toHaveProperty('preload');
    const callback = vi.fn();
    first.session.permissionRequest!({}, 'media', callback, {});
    expect(callback).toHaveBeenCalledWith(false);
    expect(first.popup.webContents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    // A new login replaces the pending one: its popup closes (no cancel from us: the core ended it) and the
    // next one gets a session of its own.
    const second = await startLogin();
    expect(first.popup.destroyed).toBe(true);
    expect(cancels).toEqual([]);
    expect(second.popup.options.webPreferences.partition).not.toBe(partition);
  });

  it('follows Visma Connect and https sign-in providers; plain-http hosts, credentials and files are blocked', async () => {
    await start('query');
    const { popup } = await startLogin();
    const connect = harness.sandbox.connection.connectUrl;
    const allowed = navEvent(`${connect}/connect/authorize?x=1`);
    popup.webContents.emit('will-navigate', allowed);
    expect(allowed.defaultPrevented).toBe(false);
    const port = Number(new URL(connect).port);
    for (const url of ['https://login.microsoftonline.com/common/oauth2/v2.0/authorize', 'https://accounts.google.com/o/oauth2/auth']) {
      const federated = navEvent(url);
      popup.webContents.emit('will-navigate', federated);
      expect(federated.defaultPrevented, url).toBe(false);
    }
    for (const url of ['http://evil.example/connect/authorize', 'https://u:p@evil.example/', `http://user:pw@127.0.0.1:${port}/`, 'file:///etc/passwd', 'data:text/html,x']) {
      for (const kind of ['will-navigate', 'will-redirect']) {
        const event = navEvent(url);
        popup.webContents.emit(kind, event);
        expect(event.defaultPrevented, `${kind} ${url}`).toBe(true);
      }
    }
    // The sandbox (Visma Connect on loopback) bounces a federated login through another loopback port.
    const bounce = navEvent(`http://127.0.0.1:${port + 1}/idp/signin`);
    popup.webContents.emit('will-redirect', bounce);
    expect(bounce.defaultPrevented).toBe(false);
    // Visma's own sub-frames are not the popup's navigation.
    const subFrame = navEvent('https://captcha.example/', false);
    popup.webContents.emit('will-navigate', subFrame);
    expect(subFrame.defaultPrevented).toBe(false);
    expect(completions).toEqual([]);
    expect((await harness.call('auth.status', {})).connected).toBe(false);
  });

  it('query mode: the redirect is caught on will-redirect, never loads, and logs in', async () => {
    await start('query');
    const { popup, session, authorizeUrl, loginId } = await startLogin();
    const { location } = await submitSandboxLogin(authorizeUrl);
    expect(location!.startsWith(`${TEST_REDIRECT_URI}?`)).toBe(true);
    const redirect = navEvent(location!);
    popup.webContents.emit('will-redirect', redirect);
    expect(redirect.defaultPrevented).toBe(true);
    // Should the request still reach the network layer, it is cancelled and not completed twice.
    expect(await session.webRequest.request({ url: location! })).toEqual({ cancel: true });
    await settle();
    expect(completions).toHaveLength(1);
    expect(await harness.call('auth.loginStatus', { loginId })).toEqual({ state: 'connected' });
    expect(popup.destroyed).toBe(true);
    expect(cancels).toEqual([]);
    // The vault holds ciphertext only.
    const stored = (await harness.tokenStore.load())!;
    const file = readFileSync(tokenFile);
    expect(file.includes(stored.accessToken)).toBe(false);
    expect(file.includes(stored.refreshToken!)).toBe(false);
  });

  it('form_post mode: the POST to the redirect URI is cancelled in onBeforeRequest and its body completes the login', async () => {
    await start('form_post');
    const { popup, session, authorizeUrl, loginId } = await startLogin();
    const { formBody } = await submitSandboxLogin(authorizeUrl);
    expect(formBody).toContain('code=');
    // The auto-submitting form navigates to the bare redirect URI: let it through to the request layer.
    const navigation = navEvent(TEST_REDIRECT_URI);
    popup.webContents.emit('will-navigate', navigation);
    expect(navigation.defaultPrevented).toBe(false);
    // Requests to Visma pass untouched; the one to the redirect URI is cancelled before anything loads.
    expect(await session.webRequest.request({ url: `${harness.sandbox.connection.connectUrl}/connect/authorize` })).toEqual({});
    const answer = await session.webRequest.request({ url: TEST_REDIRECT_URI, method: 'POST', uploadData: [{ bytes: Buffer.from(formBody!) }] });
    expect(answer).toEqual({ cancel: true });
    await settle();
    expect(await harness.call('auth.loginStatus', { loginId })).toEqual({ state: 'connected' });
    expect(popup.destroyed).toBe(true);
    expect((await harness.call('auth.status', {})).connected).toBe(true);
  });

  it('closing the popup cancels the login; nothing is stored', async () => {
    await start('query');
    const { popup, loginId } = await startLogin();
    popup.close();
    await Promise.resolve();
    expect(cancels).toEqual([loginId]);
    await vi.waitFor(async () => expect(await harness.call('auth.loginStatus', { loginId })).toEqual({ state: 'cancelled' }));
    expect(existsSync(tokenFile)).toBe(false);
  });

  it('refuses to save the login without a real keyring (Linux basic_text): failed, no token file', async () => {
    await start('query');
    fake.safeStorage.backend = 'basic_text';
    const { popup, authorizeUrl, loginId } = await startLogin();
    const { location } = await submitSandboxLogin(authorizeUrl);
    popup.webContents.emit('will-redirect', navEvent(location!));
    await settle();
    expect(await harness.call('auth.loginStatus', { loginId })).toMatchObject({ state: 'failed', reason: 'secure_storage_unavailable' });
    expect(existsSync(tokenFile)).toBe(false);
    expect((await harness.call('auth.status', {})).connected).toBe(false);
  });
});

describe('safeStorage cipher', () => {
  it('is unavailable when encryption is, or when Linux would fall back to basic_text or does not know yet', async () => {
    fake = resetFakeElectron();
    fake.safeStorage.available = false;
    expect(await createSafeStorageCipher('win32').isAvailable()).toBe(false);
    fake.safeStorage.available = true;
    expect(await createSafeStorageCipher('win32').isAvailable()).toBe(true);
    for (const backend of ['basic_text', 'unknown']) {
      fake.safeStorage.backend = backend;
      expect(await createSafeStorageCipher('linux').isAvailable(), backend).toBe(false);
    }
    fake.safeStorage.backend = 'kwallet5';
    expect(await createSafeStorageCipher('linux').isAvailable()).toBe(true);
  });

  it('makes the vault refuse to save, writing nothing', async () => {
    fake = resetFakeElectron();
    fake.safeStorage.available = false;
    const file = join(mkdtempSync(join(tmpdir(), 'tb-vault-')), 'tokens.bin');
    const vault = createEncryptedFileTokenStore({ file, cipher: createSafeStorageCipher('darwin') });
    await expect(vault.save({ accessToken: 'at-1', refreshToken: 'rt-1', expiresAt: 1, scope: 's' })).rejects.toMatchObject({ code: 'secure_storage_unavailable' });
    expect(existsSync(file)).toBe(false);
  });
});
