// [2.7] item 1, the token broker, over real HTTP against the sandbox's Visma Connect on 127.0.0.1: both grants
// and the revocation go through with the client secret added (the client never has it), every refusal the
// issue names, the request budgets, 200 concurrent requests, and no token, code or secret in its logs.
import { afterEach, describe, expect, it } from 'vitest';
import { brokerConfigFrom, BrokerConfigError, type BrokerConfig } from '../../electron/broker/broker.config';
import { createBrokerApp, MAX_BODY_BYTES } from '../../electron/broker/broker.routes';
import { startDineroSandbox, type DineroSandbox } from '../../electron/dinero/sandbox/sandbox';
import { listen, type RunningServer } from '../../electron/http/http-kit';
import { manualClock } from '../support/db-fixtures';
import { recordingLogger } from '../support/recording-logger';
import { authorizeParams, loginForCode, pkcePair, REDIRECT, submitLogin } from '../support/visma-login';

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function started(overrides: Partial<BrokerConfig> = {}) {
  const clock = manualClock();
  const sb: DineroSandbox = await startDineroSandbox({ clock });
  open.push(sb);
  const config: BrokerConfig = {
    ...brokerConfigFrom({
      BROKER_CLIENT_ID: sb.client.clientId,
      BROKER_CLIENT_SECRET: sb.client.clientSecret,
      BROKER_TOKEN_URL: `${sb.url}/connect/token`,
      BROKER_REVOCATION_URL: `${sb.url}/connect/revocation`,
      BROKER_REDIRECT_URIS: `${REDIRECT}, http://127.0.0.1:8766/callback`,
    }),
    ...overrides,
  };
  const logger = recordingLogger();
  const server: RunningServer = await listen(createBrokerApp({ config, clock, logger }), { port: 0 });
  open.push({ close: () => server.close() });
  const post = (path: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(server.url + path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(form) });
  /** A code from the sandbox's login, and its PKCE verifier: what the app has after the popup. */
  const code = async () => {
    const { verifier, challenge } = pkcePair();
    return { code: await loginForCode(sb, challenge), verifier };
  };
  return { sb, clock, config, logger, server, post, code };
}

const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as Record<string, unknown> });

describe('the token broker', () => {
  it('exchanges a code and refreshes with the secret added, and revokes; the client sends no secret', async () => {
    const b = await started();
    const { code, verifier } = await b.code();
    const exchanged = await json(await b.post('/token', { grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: REDIRECT, client_id: b.sb.client.clientId }));
    expect(exchanged).toMatchObject({ status: 200, body: { token_type: 'Bearer', access_token: expect.any(String), refresh_token: expect.any(String) } });
    // The token works against the Dinero API: the broker passed Visma's answer on unchanged.
    const orgs = await fetch(`${b.sb.url}/v1/organizations`, { headers: { authorization: `Bearer ${String(exchanged.body.access_token)}` } });
    expect(orgs.status).toBe(200);

    const refreshed = await b.post('/token', { grant_type: 'refresh_token', refresh_token: String(exchanged.body.refresh_token) });
    expect(refreshed.headers.get('cache-control')).toBe('no-store');
    const next = await json(refreshed);
    expect(next).toMatchObject({ status: 200, body: { access_token: expect.any(String), refresh_token: expect.any(String) } });

    expect((await b.post('/revoke', { token: String(next.body.refresh_token), token_type_hint: 'refresh_token' })).status).toBe(200);
    // Revoked at Visma: it no longer refreshes, and Visma's own error comes back unchanged.
    expect(await json(await b.post('/token', { grant_type: 'refresh_token', refresh_token: String(next.body.refresh_token) }))).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('refuses other grants, unknown redirect URIs, a missing PKCE verifier, other clients, other content types, large bodies and other methods', async () => {
    const b = await started();
    const sent = () => b.sb.requestLog().filter((e) => e.path.startsWith('/connect/token')).length;
    const before = sent();
    expect(await json(await b.post('/token', { grant_type: 'client_credentials' }))).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
    expect(await json(await b.post('/token', { grant_type: 'password', username: 'a', password: 'b' }))).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
    expect(await json(await b.post('/token', { grant_type: 'authorization_code', code: 'c', code_verifier: 'v', redirect_uri: 'https://evil.example/cb' }))).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    expect(await json(await b.post('/token', { grant_type: 'authorization_code', code: 'c', redirect_uri: REDIRECT }))).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    expect(await json(await b.post('/token', { grant_type: 'refresh_token', refresh_token: 'r', client_id: 'someone-else' }))).toMatchObject({ status: 400, body: { error: 'invalid_client' } });
    expect(await json(await b.post('/token', { grant_type: 'refresh_token' }))).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    const asJson = await fetch(`${b.server.url}/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ grant_type: 'refresh_token', refresh_token: 'r' }) });
    expect(asJson.status).toBe(415);
    expect((await b.post('/token', { grant_type: 'refresh_token', refresh_token: 'x'.repeat(MAX_BODY_BYTES) })).status).toBe(413);
    expect((await fetch(`${b.server.url}/token`)).status).toBe(405);
    expect((await fetch(`${b.server.url}/authorize`)).status).toBe(404);
    expect(await json(await b.post('/revoke', {}))).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    // Nothing of that reached Visma Connect.
    expect(sent()).toBe(before);
  });

  it('limits requests per client address and per refresh token, and says when to try again', async () => {
    const b = await started({ ratePerAddress: 5, ratePerRefreshToken: 2 });
    const refresh = (token: string) => b.post('/token', { grant_type: 'refresh_token', refresh_token: token });
    expect((await refresh('same')).status).toBe(400); // Visma: invalid_grant, but it was forwarded
    expect((await refresh('same')).status).toBe(400);
    const limited = await refresh('same');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await refresh('other')).status).toBe(400);
    expect((await refresh('third')).status).toBe(400);
    expect(await json(await refresh('fourth'))).toMatchObject({ status: 429, body: { error: 'slow_down' } });
    // A minute later the budgets are full again.
    b.clock.advance(60_000);
    expect((await refresh('same')).status).toBe(400);
  });

  it('answers 200 concurrent requests correctly', async () => {
    const b = await started({ ratePerAddress: 1_000 });
    const replies = await Promise.all(Array.from({ length: 200 }, (_, i) =>
      i % 2 === 0
        ? b.post('/token', { grant_type: 'refresh_token', refresh_token: `unknown-${i}` }).then((r) => r.status)
        : fetch(`${b.server.url}/health`).then((r) => r.status)));
    expect(replies.filter((s) => s === 400)).toHaveLength(100);
    expect(replies.filter((s) => s === 200)).toHaveLength(100);
  });

  it('says when Visma Connect cannot be reached, and logs no token, code, verifier or secret', async () => {
    const b = await started();
    const { code, verifier } = await b.code();
    const reply = await json(await b.post('/token', { grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: REDIRECT }));
    await b.post('/token', { grant_type: 'refresh_token', refresh_token: String(reply.body.refresh_token) });
    await b.post('/revoke', { token: String(reply.body.refresh_token) });
    await b.sb.close();
    expect(await json(await b.post('/token', { grant_type: 'refresh_token', refresh_token: 'canary-refresh-token' }))).toMatchObject({ status: 502, body: { error: 'temporarily_unavailable' } });
    const logged = b.logger.text();
    expect(b.logger.lines.length).toBeGreaterThan(3);
    for (const secret of [code, verifier, String(reply.body.access_token), String(reply.body.refresh_token), b.config.clientSecret, 'canary-refresh-token']) {
      expect(logged).not.toContain(secret);
    }
  });

  it('refuses to start with wrong settings, naming the variable but not its value', () => {
    const ok = { BROKER_CLIENT_ID: 'id', BROKER_CLIENT_SECRET: 'shh-secret', BROKER_TOKEN_URL: 'https://connect.visma.com/connect/token', BROKER_REVOCATION_URL: 'https://connect.visma.com/connect/revocation', BROKER_REDIRECT_URIS: 'http://127.0.0.1:8765/callback' };
    expect(brokerConfigFrom(ok)).toMatchObject({ port: 8080, host: '0.0.0.0', redirectUris: ['http://127.0.0.1:8765/callback'], trustProxy: false });
    expect(() => brokerConfigFrom({ ...ok, BROKER_CLIENT_SECRET: undefined })).toThrow(/BROKER_CLIENT_SECRET is required/);
    expect(() => brokerConfigFrom({ ...ok, BROKER_TOKEN_URL: 'http://connect.visma.com/connect/token' })).toThrow(/must use https/);
    expect(() => brokerConfigFrom({ ...ok, BROKER_REDIRECT_URIS: ' , ' })).toThrow(BrokerConfigError);
    try {
      brokerConfigFrom({ ...ok, BROKER_TOKEN_URL: 'nope' });
    } catch (error) {
      expect((error as Error).message).not.toContain('shh-secret');
    }
  });

  it('with a trusted proxy, limits by the address the balancer appended, not one the client wrote', async () => {
    const b = await started({ ratePerAddress: 1, trustProxy: true });
    const via = (forwarded: string) => b.post('/token', { grant_type: 'refresh_token', refresh_token: `t-${forwarded}` }, { 'x-forwarded-for': forwarded });
    expect((await via('6.6.6.6, 10.0.0.1')).status).toBe(400);
    expect((await via('7.7.7.7, 10.0.0.1')).status).toBe(429); // same last hop
    expect((await via('10.0.0.2')).status).toBe(400);
    // The authorize page itself is not brokered: the app's popup talks to Visma Connect directly.
    expect((await submitLogin(b.sb, authorizeParams(b.sb, pkcePair().challenge), 'allow')).status).toBe(302);
  });
});
