// The /sandbox/* control surface over HTTP (for separate-process e2e tests) and its loopback guard.
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { call, item, startSandbox } from './sandbox.helpers';

const control = (sb: { url: string }, method: string, path: string, body?: unknown) =>
  fetch(sb.url + path, { method, headers: body === undefined ? {} : { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

function rawGet(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { Host: host } }, (res) => { res.resume(); resolve(res.statusCode ?? 0); });
    req.on('error', reject);
    req.end();
  });
}

describe('sandbox control surface', () => {
  it('issues tokens, queues faults, clears them and toggles offline over HTTP', async () => {
    const { sb } = await startSandbox();
    const tokens = (await (await control(sb, 'POST', '/sandbox/tokens', {})).json()) as { accessToken: string };
    const path = `/v1/${sb.orgs.pro}/vatTypes`;
    expect((await call(sb, 'GET', path, { token: tokens.accessToken })).status).toBe(200);
    expect((await control(sb, 'POST', '/sandbox/faults', { kind: 'status500', times: 2, path: 'vatTypes' })).status).toBe(200);
    expect(await (await control(sb, 'GET', '/sandbox/faults')).json()).toEqual([{ kind: 'status500', remaining: 2, method: null, path: 'vatTypes' }]);
    expect((await call(sb, 'GET', path, { token: tokens.accessToken })).status).toBe(500);
    await control(sb, 'DELETE', '/sandbox/faults', {});
    expect((await call(sb, 'GET', path, { token: tokens.accessToken })).status).toBe(200);
    await control(sb, 'POST', '/sandbox/offline', { offline: true });
    await expect(call(sb, 'GET', path, { token: tokens.accessToken })).rejects.toThrow();
    await control(sb, 'POST', '/sandbox/offline', { offline: false });
    expect((await call(sb, 'GET', path, { token: tokens.accessToken })).status).toBe(200);
    const bad = await control(sb, 'POST', '/sandbox/faults', { kind: 'meteor' });
    expect(bad.status).toBe(400);
  });

  it('shows the kassekladde as JSON and as a Danish HTML page, and books and deletes as the accountant', async () => {
    const { sb } = await startSandbox({ bookingDelayMs: 5000 });
    const token = sb.issueTokensForTest().accessToken;
    const created = (await call(sb, 'POST', `/v1.2/${sb.orgs.pro}/ledgeritems`, { token, body: [item(), item({ VoucherDate: '2024-03-06' })] })).json as Array<{ Id: string; Version: string }>;
    const json = (await (await control(sb, 'GET', `/sandbox/kassekladde/${sb.orgs.pro}?format=json`)).json()) as Array<{ id: string; status: string }>;
    expect(json.map((i) => i.id)).toEqual(created.map((c) => c.Id));
    const html = await (await control(sb, 'GET', `/sandbox/kassekladde/${sb.orgs.pro}`)).text();
    expect(html).toContain('Demo Butik ApS');
    expect(html).toContain('12.500,25');
    expect(html).toContain('05-03-2024');
    expect(html).toContain('58000 Kassebeholdning');
    expect(html).toContain('1000 Salg af varer/ydelser m/moms <small>U25</small>');
    expect(html).toContain('Kladde');
    expect((await control(sb, 'POST', `/sandbox/kassekladde/${sb.orgs.pro}/${created[0]!.Id}/book`, {})).status).toBe(200);
    expect((await control(sb, 'POST', `/sandbox/kassekladde/${sb.orgs.pro}/${created[1]!.Id}/delete`, {})).status).toBe(200);
    expect(sb.kassekladde(sb.orgs.pro).map((v) => [v.status, v.voucherNumber])).toEqual([['Booked', 1]]);
    expect(await (await control(sb, 'GET', `/sandbox/kassekladde/${sb.orgs.pro}`)).text()).toContain('Bogført');
    expect((await control(sb, 'POST', `/sandbox/kassekladde/${sb.orgs.pro}/${created[0]!.Id}/book`, {})).status).toBe(400);
  });

  it('advances the clock, hides accounts and registers redirect URIs over HTTP', async () => {
    const { sb } = await startSandbox({ bookingDelayMs: 60_000 });
    const token = sb.issueTokensForTest().accessToken;
    const [ref] = (await call(sb, 'POST', `/v1.2/${sb.orgs.pro}/ledgeritems`, { token, body: [item()] })).json as Array<{ Id: string; Version: string }>;
    await call(sb, 'POST', `/v1/${sb.orgs.pro}/ledgeritems/book`, { token, body: [ref] });
    await control(sb, 'POST', '/sandbox/clock/advance', { ms: 60_000 });
    expect(sb.kassekladde(sb.orgs.pro)[0]!.status).toBe('Booked');
    await control(sb, 'POST', `/sandbox/accounts/${sb.orgs.pro}/58000`, { hidden: true });
    const rejected = await call(sb, 'POST', `/v1.2/${sb.orgs.pro}/ledgeritems`, { token, body: [item()] });
    expect(rejected.json).toMatchObject({ validationErrors: { '[0].Lines[0].AccountNumber': expect.stringMatching(/hidden/) } });
    await control(sb, 'POST', '/sandbox/redirect-uris', { uri: 'http://127.0.0.1:4000/cb' });
    expect(sb.client.redirectUris).toContain('http://127.0.0.1:4000/cb');
    const info = (await (await control(sb, 'GET', '/sandbox/info')).json()) as { orgs: object; client: { clientId: string } };
    expect(info.orgs).toEqual(sb.orgs);
    expect(info.client.clientId).toBe(sb.client.clientId);
    expect(await (await control(sb, 'GET', '/sandbox/requests')).json()).toHaveLength(3);
  });

  it('refuses non-JSON writes and non-loopback Host headers', async () => {
    const { sb } = await startSandbox();
    const form = await fetch(`${sb.url}/sandbox/offline`, { method: 'POST', body: new URLSearchParams({ offline: 'true' }) });
    expect(form.status).toBe(415);
    expect(sb.faults.offline).toBe(false);
    expect(await rawGet(`${sb.url}/sandbox/info`, 'evil.example')).toBe(403);
    expect(await rawGet(`${sb.url}/sandbox/info`, `localhost:${new URL(sb.url).port}`)).toBe(200);
  });

  it('serves an index page at / and /sandbox with the demo login', async () => {
    const { sb } = await startSandbox();
    for (const path of ['/', '/sandbox']) {
      const html = await (await fetch(sb.url + path)).text();
      expect(html).toContain(sb.demoUser.email);
      expect(html).toContain('Hobby Starter ApS');
    }
  });
});
