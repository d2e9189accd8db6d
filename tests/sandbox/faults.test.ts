// Fault injection and offline mode: each switch, its matching rules, and that it clears itself.
import { describe, expect, it } from 'vitest';
import { call, item, startSandbox } from './sandbox.helpers';

const ID = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';

async function setup() {
  const started = await startSandbox();
  const token = started.sb.issueTokensForTest().accessToken;
  const orgPath = (rest: string, v = 'v1') => `/${v}/${started.sb.orgs.pro}/${rest}`;
  return { ...started, token, orgPath };
}

describe('sandbox faults', () => {
  it('status500 hits the next matching request only, then clears itself', async () => {
    const { sb, token, orgPath } = await setup();
    sb.faults.inject({ kind: 'status500' });
    expect(sb.faults.pending()).toEqual([{ kind: 'status500', remaining: 1, method: null, path: null }]);
    expect((await call(sb, 'GET', orgPath('vatTypes'), { token })).status).toBe(500);
    expect(sb.faults.pending()).toEqual([]);
    expect((await call(sb, 'GET', orgPath('vatTypes'), { token })).status).toBe(200);
  });

  it('matches method and path, and counts `times`', async () => {
    const { sb, token, orgPath } = await setup();
    sb.faults.inject({ kind: 'brownout480', times: 2, method: 'post', path: /ledgeritems$/g });
    expect((await call(sb, 'GET', orgPath('vatTypes'), { token })).status).toBe(200);
    expect((await call(sb, 'POST', orgPath('ledgeritems', 'v1.2'), { token, body: [item()] })).status).toBe(480);
    expect((await call(sb, 'POST', orgPath('ledgeritems', 'v1.2'), { token, body: [item()] })).status).toBe(480);
    expect((await call(sb, 'POST', orgPath('ledgeritems', 'v1.2'), { token, body: [item()] })).status).toBe(200);
    expect(sb.kassekladde(sb.orgs.pro)).toHaveLength(1);
  });

  it('status429 answers like the rate limiter', async () => {
    const { sb, token, orgPath } = await setup();
    sb.faults.inject({ kind: 'status429', path: 'vatTypes' });
    const reply = await call(sb, 'GET', orgPath('vatTypes'), { token });
    expect(reply.status).toBe(429);
    expect(reply.text).toMatch(/^API calls quota exceeded!/);
  });

  it('dropBeforeCommit closes the connection without applying the write', async () => {
    const { sb, token, orgPath } = await setup();
    sb.faults.inject({ kind: 'dropBeforeCommit', method: 'POST' });
    await expect(call(sb, 'POST', orgPath('ledgeritems', 'v1.2'), { token, body: [item({ Id: ID })] })).rejects.toThrow();
    expect(sb.kassekladde(sb.orgs.pro)).toHaveLength(0);
    expect(sb.requestLog().at(-1)).toMatchObject({ method: 'POST', status: 0 });
  });

  it('dropAfterCommit applies the write, then closes the connection: a retry with the same Id gets 409', async () => {
    const { sb, token, orgPath } = await setup();
    sb.faults.inject({ kind: 'dropAfterCommit', method: 'POST', path: 'ledgeritems$' });
    await expect(call(sb, 'POST', orgPath('ledgeritems', 'v1.2'), { token, body: [item({ Id: ID })] })).rejects.toThrow();
    expect(sb.kassekladde(sb.orgs.pro).map((v) => v.id)).toEqual([ID]);
    const status = await call(sb, 'POST', orgPath('ledgeritems/status'), { token, body: [{ Id: ID }] });
    expect(status.json).toMatchObject([{ Id: ID, Status: 'Draft' }]);
    expect((await call(sb, 'POST', orgPath('ledgeritems', 'v1.2'), { token, body: [item({ Id: ID })] })).status).toBe(409);
  });

  it('slow delays, then answers normally; a client with a shorter timeout gives up', async () => {
    const { sb, token, orgPath } = await setup();
    sb.faults.inject({ kind: 'slow', delayMs: 20 });
    expect((await call(sb, 'GET', orgPath('vatTypes'), { token })).status).toBe(200);
    sb.faults.inject({ kind: 'slow', delayMs: 3000 });
    await expect(fetch(sb.url + orgPath('vatTypes'), { headers: { Authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(100) })).rejects.toThrow();
  });

  it('a slow write is applied at once although the client gives up waiting (an unknown outcome, not a lost write)', async () => {
    const { sb, token, orgPath } = await setup();
    sb.faults.inject({ kind: 'slow', delayMs: 5000, method: 'POST' });
    const request = fetch(sb.url + orgPath('ledgeritems', 'v1.2'), {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify([item({ Id: ID })]),
      signal: AbortSignal.timeout(300),
    });
    await expect(request).rejects.toThrow();
    expect(sb.kassekladde(sb.orgs.pro).map((v) => v.id)).toEqual([ID]);
  });

  it('offline closes every API and Connect connection; the control surface stays reachable', async () => {
    const { sb, token, orgPath } = await setup();
    sb.faults.setOffline(true);
    expect(sb.faults.offline).toBe(true);
    await expect(call(sb, 'GET', orgPath('vatTypes'), { token })).rejects.toThrow();
    await expect(call(sb, 'GET', '/.well-known/openid-configuration')).rejects.toThrow();
    expect((await call(sb, 'GET', '/sandbox/info')).status).toBe(200);
    sb.faults.setOffline(false);
    expect((await call(sb, 'GET', orgPath('vatTypes'), { token })).status).toBe(200);
  });

  it('clear() drops queued faults; bad specs are refused', async () => {
    const { sb, token, orgPath } = await setup();
    sb.faults.inject({ kind: 'status500', times: 5 });
    sb.faults.clear();
    expect((await call(sb, 'GET', orgPath('vatTypes'), { token })).status).toBe(200);
    expect(() => sb.faults.inject({ kind: 'status500', times: 0 })).toThrow();
    expect(() => sb.faults.inject({ kind: 'nope' as 'status500' })).toThrow(/Unknown fault/);
  });

  it('the request log records method, path, client, org and status', async () => {
    const { sb, token, orgPath } = await setup();
    await call(sb, 'GET', orgPath('vatTypes'), { token });
    await call(sb, 'GET', orgPath('vatTypes'), { token: 'bad' });
    await call(sb, 'GET', '/sandbox/info');
    expect(sb.requestLog().map((e) => [e.method, e.path, e.clientId, e.orgId, e.status])).toEqual([
      ['GET', orgPath('vatTypes'), sb.client.clientId, sb.orgs.pro, 200],
      ['GET', orgPath('vatTypes'), null, sb.orgs.pro, 401],
    ]);
  });
});
