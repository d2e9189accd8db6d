// Login, refresh and reconnect against the sandbox's Visma Connect over real HTTP.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryTokenStore, type StoredTokens, type TokenStore } from '../../electron/auth/token-store';
import { createDineroClient } from '../../electron/dinero/client/dinero.client';
import { createAuthorizationRequest, createVismaConnectClient } from '../../electron/dinero/client/visma-connect.client';
import { errorOf } from './support/errors';
import { startHarness, type Harness } from '../support/sandbox-harness';

let h: Harness;
afterEach(() => h.close());

/** Plays the user in the sandbox's login page: posts the authorize parameters with the demo credentials. */
async function loginAsDemoUser(authorizeUrl: string): Promise<URL> {
  const url = new URL(authorizeUrl);
  const form = new URLSearchParams(url.searchParams);
  form.set('decision', 'allow');
  form.set('email', h.sandbox.demoUser.email);
  form.set('password', h.sandbox.demoUser.password);
  const res = await fetch(`${url.origin}${url.pathname}`, { method: 'POST', body: form, redirect: 'manual' });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location') ?? '');
}

const tokenCalls = () => h.calls(/^\/connect\/token$/).length;
const apiCalls = () => h.calls(/^\/v1/);

describe('Visma Connect login', () => {
  it('authorization code + PKCE: state comes back, the code exchanges for tokens that work on the API', async () => {
    h = await startHarness();
    const request = createAuthorizationRequest(h.connection, { responseMode: 'query', uiLocales: 'da-DK' });
    const redirect = await loginAsDemoUser(request.url);
    expect(redirect.searchParams.get('state')).toBe(request.state);
    const oauth = createVismaConnectClient({ connection: h.connection, clock: h.scheduler, logger: h.logger });
    const tokens = await oauth.exchangeCode(redirect.searchParams.get('code') ?? '', request.codeVerifier);
    expect(tokens.refreshToken).toEqual(expect.any(String));
    expect(tokens.expiresAt).toBe(h.scheduler.now() + 3600 * 1000);
    expect(tokens.scope).toContain('dineropublicapi:write');
    const store = createMemoryTokenStore(tokens);
    const client = createDineroClient({ connection: h.connection, tokens: store, scheduler: h.scheduler, logger: h.logger });
    expect((await client.getOrganizations()).length).toBeGreaterThan(0);
    expect(h.logger.text()).not.toContain(tokens.accessToken);
    expect(h.logger.text()).not.toContain(tokens.refreshToken!);
  });

  it('a wrong PKCE verifier or a reused code → reconnect_needed', async () => {
    h = await startHarness();
    const oauth = createVismaConnectClient({ connection: h.connection, clock: h.scheduler, logger: h.logger });
    const request = createAuthorizationRequest(h.connection, { responseMode: 'query' });
    const code = (await loginAsDemoUser(request.url)).searchParams.get('code') ?? '';
    const other = createAuthorizationRequest(h.connection, { responseMode: 'query' });
    expect((await errorOf(oauth.exchangeCode(code, other.codeVerifier))).kind).toBe('reconnect_needed');
    expect((await errorOf(oauth.exchangeCode(code, request.codeVerifier))).kind).toBe('reconnect_needed');
  });

  it('a wrong client secret → unauthorized (not reconnect: logging in again would not help)', async () => {
    h = await startHarness();
    const oauth = createVismaConnectClient({ connection: { ...h.connection, clientSecret: 'wrong' }, clock: h.scheduler, logger: h.logger });
    expect((await errorOf(oauth.refresh(h.tokens.refreshToken!))).kind).toBe('unauthorized');
  });

  it('revoke (HTTP Basic) kills the refresh token: the next refresh says reconnect_needed', async () => {
    h = await startHarness();
    const oauth = createVismaConnectClient({ connection: h.connection, clock: h.scheduler, logger: h.logger });
    await oauth.revoke(h.tokens.refreshToken!);
    expect((await errorOf(oauth.refresh(h.tokens.refreshToken!))).kind).toBe('reconnect_needed');
  });

  it('without a client secret (a token broker adds it), revoke posts to the revocation URL with the client id and no credentials', async () => {
    h = await startHarness();
    const seen: Array<{ url: string; authorization: string | undefined; body: string }> = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        seen.push({ url: req.url ?? '', authorization: req.headers.authorization, body });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const connection = { ...h.connection, clientSecret: '', revocationUrl: `http://127.0.0.1:${port}/broker/revoke` };
      await createVismaConnectClient({ connection, clock: h.scheduler, logger: h.logger }).revoke('rt-123');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toBe('/broker/revoke');
    expect(seen[0]!.authorization).toBeUndefined();
    expect(Object.fromEntries(new URLSearchParams(seen[0]!.body))).toEqual({ token: 'rt-123', token_type_hint: 'refresh_token', client_id: h.connection.clientId });
  });
});

describe('token refresh through the client', () => {
  it('a bad access token → 401, one refresh, the request repeated once, success', async () => {
    h = await startHarness();
    await h.store.save({ ...h.tokens, accessToken: 'not-a-real-token' });
    const orgs = await h.client.getEntryAccounts(h.pro);
    expect(orgs.length).toBeGreaterThan(0);
    expect(apiCalls().map((c) => c.status)).toEqual([401, 200]);
    expect(tokenCalls()).toBe(1);
    const saved = (await h.store.load())!;
    expect(saved.accessToken).not.toBe('not-a-real-token');
    expect(saved.refreshToken).not.toBe(h.tokens.refreshToken); // one-time mode rotated it
  });

  it('a write rejected with 401 is repeated once with the same Id and lands once', async () => {
    h = await startHarness();
    h.sandbox.expireAccessTokens();
    const { zReportItem } = await import('./support/ledger-fixtures');
    const item = zReportItem();
    await h.client.createLedgerItems(h.pro, [item]);
    expect(h.calls(/ledgeritems$/).map((c) => c.status)).toEqual([401, 200]);
    expect(h.sandbox.kassekladde(h.pro).map((i) => i.id)).toEqual([item.id]);
  });

  it('a revoked refresh token → reconnect_needed; tokens kept; Visma not asked again for the dead token', async () => {
    h = await startHarness();
    h.sandbox.revokeRefreshToken(h.tokens.refreshToken!);
    h.sandbox.expireAccessTokens();
    const err = await errorOf(h.client.getVatTypes(h.pro));
    expect(err.kind).toBe('reconnect_needed');
    expect(await h.store.load()).toEqual(h.tokens);
    expect((await errorOf(h.client.getVatTypes(h.pro))).kind).toBe('reconnect_needed');
    expect(tokenCalls()).toBe(1);
  });

  it('no tokens at all → reconnect_needed without any request', async () => {
    h = await startHarness();
    await h.store.clear();
    expect((await errorOf(h.client.getOrganizations())).kind).toBe('reconnect_needed');
    expect(h.sandbox.requestLog()).toHaveLength(0);
  });

  it('an access token about to expire is refreshed before use: no 401 ever', async () => {
    h = await startHarness();
    h.scheduler.advance(3600 * 1000 - 30_000); // 30 s left, inside the refresh margin
    await h.client.getVatTypes(h.pro);
    expect(h.sandbox.requestLog().map((e) => `${e.path} ${e.status}`)).toEqual(['/connect/token 200', `/v1/${h.pro}/vatTypes 200`]);
  });

  it('re-use mode: the same refresh token comes back and is kept', async () => {
    h = await startHarness({ refreshTokenMode: 'reuse' });
    h.sandbox.expireAccessTokens();
    await h.client.getVatTypes(h.pro);
    expect((await h.store.load())?.refreshToken).toBe(h.tokens.refreshToken);
  });
});

describe('concurrent refresh (single flight)', () => {
  it('20 calls with an expired token: ONE refresh reaches Visma, and the rotated token is saved before any use', async () => {
    h = await startHarness();
    h.scheduler.advance(3600 * 1000 + 1); // expired on both sides
    let releaseSave!: () => void;
    const saveGate = new Promise<void>((resolve) => (releaseSave = resolve));
    const inner = createMemoryTokenStore(h.tokens);
    let saves = 0;
    const gatedStore: TokenStore = {
      load: () => inner.load(),
      clear: () => inner.clear(),
      async save(tokens: StoredTokens) {
        saves += 1;
        await saveGate; // the client must not use the new access token while this is pending
        await inner.save(tokens);
      },
    };
    const client = h.newClient({ tokens: gatedStore });
    const all = Promise.all(Array.from({ length: 20 }, () => client.getVatTypes(h.pro)));
    await vi.waitFor(() => expect(saves).toBe(1));
    // A probe round-trip: anything the client sent before it has reached the sandbox by now.
    await fetch(`${h.sandbox.url}/v1/organizations`);
    expect(apiCalls().filter((c) => c.status === 200)).toHaveLength(0);
    releaseSave();
    const results = await all;
    expect(results).toHaveLength(20);
    expect(tokenCalls()).toBe(1);
    expect(saves).toBe(1);
    expect(apiCalls().filter((c) => c.path.endsWith('/vatTypes')).map((c) => c.status)).toEqual(Array(20).fill(200));
  });

  it('20 calls whose token the server already expired: twenty 401s, ONE refresh, twenty successes', async () => {
    h = await startHarness();
    h.sandbox.expireAccessTokens(); // the store still believes the token is good
    const results = await Promise.all(Array.from({ length: 20 }, () => h.client.getEntryAccounts(h.pro)));
    expect(results).toHaveLength(20);
    expect(tokenCalls()).toBe(1);
    const statuses = apiCalls().map((c) => c.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(20);
    expect(statuses.filter((s) => s === 200)).toHaveLength(20);
  });
});
