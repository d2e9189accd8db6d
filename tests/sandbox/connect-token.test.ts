// Visma Connect token, revocation and userinfo endpoints of the sandbox, on an injected clock.
import { describe, expect, it } from 'vitest';
import {
  basic, call, exchangeCode, loginForCode, pkcePair, postForm, REDIRECT, refresh, startSandbox,
} from './sandbox.helpers';

type TokenJson = { access_token: string; token_type: string; expires_in: number; scope: string; refresh_token?: string };

async function login(opts: Parameters<typeof startSandbox>[0] = {}) {
  const started = await startSandbox(opts);
  const { verifier, challenge } = pkcePair();
  const code = await loginForCode(started.sb, challenge);
  const reply = await exchangeCode(started.sb, code, verifier);
  expect(reply.status).toBe(200);
  return { ...started, tokens: reply.json as TokenJson };
}

const orgsOk = async (sb: Awaited<ReturnType<typeof startSandbox>>['sb'], token: string) => (await call(sb, 'GET', '/v1/organizations', { token })).status;

describe('sandbox /connect/token authorization_code', () => {
  it('exchanges a code with the secret in the body for a working Bearer token and a refresh token', async () => {
    const { sb, tokens } = await login();
    expect(tokens.token_type).toBe('Bearer');
    expect(tokens.expires_in).toBe(3600);
    expect(tokens.scope).toBe('dineropublicapi:read dineropublicapi:write offline_access');
    expect(tokens.refresh_token).toBeTruthy();
    expect(await orgsOk(sb, tokens.access_token)).toBe(200);
  });

  it('accepts client authentication by HTTP Basic', async () => {
    const { sb } = await startSandbox();
    const { verifier, challenge } = pkcePair();
    const code = await loginForCode(sb, challenge);
    const reply = await postForm(sb, '/connect/token', { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier }, basic(sb.client.clientId, sb.client.clientSecret));
    expect(reply.status).toBe(200);
  });

  it('gives no refresh token without offline_access', async () => {
    const { sb } = await startSandbox();
    const { verifier, challenge } = pkcePair();
    const code = await loginForCode(sb, challenge, { scope: 'dineropublicapi:read dineropublicapi:write' });
    const json = (await exchangeCode(sb, code, verifier)).json as TokenJson;
    expect(json.refresh_token).toBeUndefined();
  });

  it.each<[string, Record<string, string>]>([
    ['wrong secret in the body', { client_secret: 'nope' }],
    ['unknown client', { client_id: 'isv_Other' }],
    ['no client at all', { client_id: '', client_secret: '' }],
  ])('bad client (%s) → 401 invalid_client', async (_n, override) => {
    const { sb } = await startSandbox();
    const { verifier, challenge } = pkcePair();
    const code = await loginForCode(sb, challenge);
    const reply = await postForm(sb, '/connect/token', {
      grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier,
      client_id: sb.client.clientId, client_secret: sb.client.clientSecret, ...override,
    });
    expect(reply.status).toBe(401);
    expect(reply.json).toEqual({ error: 'invalid_client' });
  });

  it('a wrong Basic secret → 401 with a Basic challenge', async () => {
    const { sb } = await startSandbox();
    const reply = await postForm(sb, '/connect/token', { grant_type: 'refresh_token', refresh_token: 'x' }, basic(sb.client.clientId, 'wrong'));
    expect(reply.status).toBe(401);
    expect(reply.headers.get('www-authenticate')).toMatch(/^Basic/);
  });

  it('rejects a wrong or missing PKCE verifier with invalid_grant, and the code is burnt afterwards', async () => {
    const { sb } = await startSandbox();
    const { verifier, challenge } = pkcePair();
    const code = await loginForCode(sb, challenge);
    const wrong = await exchangeCode(sb, code, pkcePair().verifier);
    expect(wrong.status).toBe(400);
    expect((wrong.json as { error: string }).error).toBe('invalid_grant');
    expect((await exchangeCode(sb, code, verifier)).status).toBe(400);
    const code2 = await loginForCode(sb, challenge);
    const missing = await postForm(sb, '/connect/token', { grant_type: 'authorization_code', code: code2, redirect_uri: REDIRECT, client_id: sb.client.clientId, client_secret: sb.client.clientSecret });
    expect((missing.json as { error: string }).error).toBe('invalid_grant');
  });

  it('rejects a reused code', async () => {
    const { sb } = await startSandbox();
    const { verifier, challenge } = pkcePair();
    const code = await loginForCode(sb, challenge);
    expect((await exchangeCode(sb, code, verifier)).status).toBe(200);
    const again = await exchangeCode(sb, code, verifier);
    expect(again.status).toBe(400);
    expect((again.json as { error: string }).error).toBe('invalid_grant');
  });

  it('rejects a redirect_uri that differs from the authorize request', async () => {
    const { sb } = await startSandbox();
    const other = 'http://127.0.0.1:9999/cb';
    sb.registerRedirectUri(other);
    const { verifier, challenge } = pkcePair();
    const code = await loginForCode(sb, challenge);
    const reply = await postForm(sb, '/connect/token', { grant_type: 'authorization_code', code, redirect_uri: other, code_verifier: verifier, client_id: sb.client.clientId, client_secret: sb.client.clientSecret });
    expect((reply.json as { error: string }).error).toBe('invalid_grant');
  });

  it('codes expire after about 5 minutes of clock time', async () => {
    const { sb, clock } = await startSandbox();
    const { verifier, challenge } = pkcePair();
    const code = await loginForCode(sb, challenge);
    clock.advance(5 * 60 * 1000 + 1);
    expect((await exchangeCode(sb, code, verifier)).status).toBe(400);
  });

  it('unknown grant type → 400 unsupported_grant_type; missing → invalid_request', async () => {
    const { sb } = await startSandbox();
    const creds = { client_id: sb.client.clientId, client_secret: sb.client.clientSecret };
    expect((await postForm(sb, '/connect/token', { grant_type: 'password', ...creds })).json).toEqual({ error: 'unsupported_grant_type' });
    expect((await postForm(sb, '/connect/token', creds)).json).toMatchObject({ error: 'invalid_request' });
  });
});

describe('sandbox /connect/token refresh_token', () => {
  it('one-time mode rotates: the new token works, the old one fails after the grace period and kills the grant', async () => {
    const { sb, clock, tokens } = await login({ refreshGraceSeconds: 5 });
    const first = await refresh(sb, tokens.refresh_token!);
    expect(first.status).toBe(200);
    const rotated = first.json as TokenJson;
    expect(rotated.refresh_token).toBeTruthy();
    expect(rotated.refresh_token).not.toBe(tokens.refresh_token);
    expect(await orgsOk(sb, rotated.access_token)).toBe(200);
    clock.advance(5001);
    const replay = await refresh(sb, tokens.refresh_token!);
    expect(replay.status).toBe(400);
    expect((replay.json as { error: string }).error).toBe('invalid_grant');
    // Replay detection revoked the grant, so the rotated token is dead too.
    expect((await refresh(sb, rotated.refresh_token!)).status).toBe(400);
  });

  it('within the grace period a used one-time token still yields a (fresh) pair', async () => {
    const { sb, clock, tokens } = await login({ refreshGraceSeconds: 5 });
    const first = (await refresh(sb, tokens.refresh_token!)).json as TokenJson;
    clock.advance(4000);
    const second = await refresh(sb, tokens.refresh_token!);
    expect(second.status).toBe(200);
    const pair = second.json as TokenJson;
    expect(pair.refresh_token).not.toBe(first.refresh_token);
    expect((await refresh(sb, first.refresh_token!)).status).toBe(200);
    expect((await refresh(sb, pair.refresh_token!)).status).toBe(200);
  });

  it('with revokeGrantOnRefreshReplay off a late replay fails alone', async () => {
    const { sb, clock, tokens } = await login({ refreshGraceSeconds: 0, revokeGrantOnRefreshReplay: false });
    const first = (await refresh(sb, tokens.refresh_token!)).json as TokenJson;
    clock.advance(1);
    expect((await refresh(sb, tokens.refresh_token!)).status).toBe(400);
    expect((await refresh(sb, first.refresh_token!)).status).toBe(200);
  });

  it('re-use mode returns the same refresh token every time until it expires', async () => {
    const { sb, clock, tokens } = await login({ refreshTokenMode: 'reuse', refreshTokenLifetimeDays: 365 });
    for (let i = 0; i < 3; i += 1) {
      const reply = await refresh(sb, tokens.refresh_token!);
      expect(reply.status).toBe(200);
      expect((reply.json as TokenJson).refresh_token).toBe(tokens.refresh_token);
      clock.advance(86_400_000);
    }
    clock.advance(363 * 86_400_000);
    expect((await refresh(sb, tokens.refresh_token!)).status).toBe(400);
  });

  it('one-time tokens expire after refreshTokenLifetimeDays', async () => {
    const { sb, clock, tokens } = await login({ refreshTokenLifetimeDays: 30 });
    clock.advance(30 * 86_400_000);
    expect((await refresh(sb, tokens.refresh_token!)).json).toMatchObject({ error: 'invalid_grant' });
  });

  it('access tokens expire on the clock and expireAccessTokens() ends them at once', async () => {
    const { sb, clock, tokens } = await login({ accessTokenLifetimeSeconds: 600 });
    clock.advance(599_000);
    expect(await orgsOk(sb, tokens.access_token)).toBe(200);
    clock.advance(1000);
    expect(await orgsOk(sb, tokens.access_token)).toBe(401);
    const fresh = (await refresh(sb, tokens.refresh_token!)).json as TokenJson;
    expect(fresh.expires_in).toBe(600);
    sb.expireAccessTokens();
    expect(await orgsOk(sb, fresh.access_token)).toBe(401);
  });

  it('a refresh needs the client secret', async () => {
    const { sb, tokens } = await login();
    const reply = await postForm(sb, '/connect/token', { grant_type: 'refresh_token', refresh_token: tokens.refresh_token!, client_id: sb.client.clientId });
    expect(reply.status).toBe(401);
  });
});

describe('sandbox /connect/revocation and /connect/userinfo', () => {
  it('revoking a refresh token kills its grant; the access token lives on until expiry', async () => {
    const { sb, tokens } = await login();
    const reply = await postForm(sb, '/connect/revocation', { token: tokens.refresh_token!, token_type_hint: 'refresh_token' }, basic(sb.client.clientId, sb.client.clientSecret));
    expect(reply.status).toBe(200);
    expect((await refresh(sb, tokens.refresh_token!)).json).toMatchObject({ error: 'invalid_grant' });
    expect(await orgsOk(sb, tokens.access_token)).toBe(200);
  });

  it('revocation needs Basic client auth (400 without, 401 when wrong) and accepts access tokens as a no-op', async () => {
    const { sb, tokens } = await login();
    expect((await postForm(sb, '/connect/revocation', { token: tokens.refresh_token!, client_id: sb.client.clientId, client_secret: sb.client.clientSecret })).status).toBe(400);
    expect((await postForm(sb, '/connect/revocation', { token: tokens.refresh_token! }, basic(sb.client.clientId, 'bad'))).status).toBe(401);
    const access = await postForm(sb, '/connect/revocation', { token: tokens.access_token, token_type_hint: 'access_token' }, basic(sb.client.clientId, sb.client.clientSecret));
    expect(access.status).toBe(200);
    expect(await orgsOk(sb, tokens.access_token)).toBe(200);
    expect((await refresh(sb, tokens.refresh_token!)).status).toBe(200);
  });

  it('revokeRefreshToken() does the same from the test side', async () => {
    const { sb } = await startSandbox();
    const t = sb.issueTokensForTest();
    sb.revokeRefreshToken(t.refreshToken);
    expect((await refresh(sb, t.refreshToken)).status).toBe(400);
  });

  it('userinfo returns sub, name and email only with openid', async () => {
    const { sb } = await startSandbox();
    const withOpenId = sb.issueTokensForTest({ scopes: ['openid', 'dineropublicapi:read'] });
    const reply = await call(sb, 'GET', '/connect/userinfo', { token: withOpenId.accessToken });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ name: 'Demo Bruger', email: sb.demoUser.email });
    expect((reply.json as { sub: string }).sub).toBeTruthy();
    const without = sb.issueTokensForTest();
    expect((await call(sb, 'GET', '/connect/userinfo', { token: without.accessToken })).status).toBe(403);
    expect((await call(sb, 'GET', '/connect/userinfo', { token: 'bogus' })).status).toBe(401);
  });

  it('discovery lists the endpoints on the sandbox URL', async () => {
    const { sb } = await startSandbox();
    const json = (await call(sb, 'GET', '/.well-known/openid-configuration')).json as Record<string, unknown>;
    expect(json.token_endpoint).toBe(`${sb.url}/connect/token`);
    expect(json.authorization_endpoint).toBe(`${sb.url}/connect/authorize`);
    expect(json.revocation_endpoint).toBe(`${sb.url}/connect/revocation`);
    expect(json.code_challenge_methods_supported).toEqual(['S256']);
  });
});
