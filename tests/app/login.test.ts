// The Visma login coordinator through the core: PKCE S256 + state in the authorize URL, both response modes,
// refusal, a forged state, expiry on the injected clock, cancel, the popup opener, and a store that can only
// keep tokens in plaintext (refused: nothing is stored).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LoginWindowOpener } from '../../electron/app/app-core.types';
import { createEncryptedFileTokenStore } from '../../electron/auth/encrypted-file.token-store';
import { createMemoryTokenStore } from '../../electron/auth/token-store';
import { fakeCipher } from '../support/fake-cipher';
import { startAppHarness, TEST_REDIRECT_URI, type AppHarness } from '../support/app-harness';

let h: AppHarness;
afterEach(async () => h?.close());

const tokenCalls = () => h.sandbox.sandbox.requestLog().filter((e) => e.path === '/connect/token').length;

describe('login coordinator', () => {
  it('starts with PKCE S256, state and the configured redirect URI, and opens the popup through the shell', async () => {
    const opened: Array<[string, string]> = [];
    const closed: string[] = [];
    const loginWindow: LoginWindowOpener = { open: (url, id) => void opened.push([url, id]), close: (id) => void closed.push(id) };
    h = await startAppHarness({ core: { loginWindow } });
    const { authorizeUrl, loginId } = await h.call('auth.startLogin', {});
    const url = new URL(authorizeUrl);
    expect(url.origin + url.pathname).toBe(`${h.sandbox.sandbox.url}/connect/authorize`);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('state')!.length).toBeGreaterThanOrEqual(32);
    expect(url.searchParams.get('redirect_uri')).toBe(TEST_REDIRECT_URI);
    expect(url.searchParams.get('scope')).toContain('dineropublicapi:write offline_access');
    expect(opened).toEqual([[authorizeUrl, loginId]]);
    expect(await h.call('auth.loginStatus', { loginId })).toEqual({ state: 'pending' });

    // A second start replaces the first (its popup is closed).
    const second = await h.call('auth.startLogin', {});
    expect(closed).toEqual([loginId]);
    expect(await h.call('auth.loginStatus', { loginId })).toEqual({ state: 'cancelled' });
    expect(second.loginId).not.toBe(loginId);
  });

  it('completes a form_post login and exchanges the code exactly once even if the redirect comes twice', async () => {
    h = await startAppHarness({ responseMode: 'form_post' });
    const result = await h.login();
    expect(result.ok).toBe(true);
    expect(await h.call('auth.loginStatus', { loginId: result.loginId! })).toEqual({ state: 'connected' });
    expect(await h.tokenStore.load()).not.toBeNull();
    expect(await h.core.completeLogin(result.redirect)).toEqual({ ok: true, loginId: result.loginId });
    expect(tokenCalls()).toBe(1);
  });

  it('a refused login (Cancel at Visma) fails with access_denied and stores nothing', async () => {
    h = await startAppHarness();
    const result = await h.login({ decision: 'cancel' });
    expect(result).toMatchObject({ ok: false });
    expect(await h.call('auth.loginStatus', { loginId: result.loginId! })).toMatchObject({ state: 'failed', reason: 'access_denied' });
    expect(await h.tokenStore.load()).toBeNull();
    expect(tokenCalls()).toBe(0);
  });

  it('a redirect with a forged state is refused, exchanges nothing, and does not end the waiting login', async () => {
    h = await startAppHarness();
    const result = await h.login({ tamperState: true });
    expect(result).toMatchObject({ ok: false, loginId: null });
    expect(await h.tokenStore.load()).toBeNull();
    expect(tokenCalls()).toBe(0);
    // The real answer that follows still completes the login.
    const real = await h.core.completeLogin(result.realRedirect);
    expect(real.ok).toBe(true);
    expect(await h.tokenStore.load()).not.toBeNull();
    // With nothing waiting, an unknown redirect names no login at all.
    expect(await h.core.completeLogin({ url: `${TEST_REDIRECT_URI}?code=x&state=y` })).toEqual({ ok: false, loginId: null });
  });

  it('expires after ten minutes on the injected clock; a late redirect stores nothing', async () => {
    h = await startAppHarness();
    const { authorizeUrl, loginId } = await h.call('auth.startLogin', {});
    h.scheduler.advance(10 * 60_000);
    expect(await h.call('auth.loginStatus', { loginId })).toMatchObject({ state: 'failed', reason: 'expired' });
    const state = new URL(authorizeUrl).searchParams.get('state');
    expect(await h.core.completeLogin({ url: `${TEST_REDIRECT_URI}?code=abc&state=${state}` })).toEqual({ ok: false, loginId });
    expect(await h.tokenStore.load()).toBeNull();
  });

  it('cancel forgets a pending login; unknown login ids are not_found', async () => {
    h = await startAppHarness();
    const { loginId } = await h.call('auth.startLogin', {});
    expect(await h.call('auth.cancelLogin', { loginId })).toEqual({ state: 'cancelled' });
    expect(await h.call('auth.loginStatus', { loginId })).toEqual({ state: 'cancelled' });
    expect((await h.failure('auth.loginStatus', { loginId: 'nope' })).code).toBe('not_found');
    expect((await h.failure('auth.cancelLogin', { loginId: 'nope' })).code).toBe('not_found');
  });

  it('refuses to keep tokens when only plaintext storage is possible (secure_storage_unavailable)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tb-app-vault-'));
    const file = join(dir, 'secrets', 'dinero-tokens.bin');
    try {
      h = await startAppHarness({ tokenStore: createEncryptedFileTokenStore({ file, cipher: fakeCipher(false) }) });
      const result = await h.login();
      expect(result.ok).toBe(false);
      expect(await h.call('auth.loginStatus', { loginId: result.loginId! })).toMatchObject({ state: 'failed', reason: 'secure_storage_unavailable' });
      expect(existsSync(file)).toBe(false);
      expect((await h.call('auth.status', {})).connected).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a failed code exchange (code already used) ends as token_exchange_failed', async () => {
    h = await startAppHarness({ tokenStore: createMemoryTokenStore() });
    const { authorizeUrl, loginId } = await h.call('auth.startLogin', {});
    const state = new URL(authorizeUrl).searchParams.get('state');
    expect(await h.core.completeLogin({ url: `${TEST_REDIRECT_URI}?code=not-a-real-code&state=${state}` })).toEqual({ ok: false, loginId });
    expect(await h.call('auth.loginStatus', { loginId })).toMatchObject({ state: 'failed', reason: 'token_exchange_failed' });
  });
});
