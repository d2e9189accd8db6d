// The checks in front of every Dinero API call (token → scope → org → Pro → rate limit), casing and the
// reference-data endpoints.
import { describe, expect, it } from 'vitest';
import { call, startSandbox } from './sandbox.helpers';

describe('sandbox Dinero API guard', () => {
  it('401 with an empty body for a missing, unknown or expired token', async () => {
    const { sb, clock } = await startSandbox();
    const path = `/v1/${sb.orgs.pro}/accounts/entry`;
    for (const token of [undefined, 'not-a-token']) {
      const reply = await call(sb, 'GET', path, { token });
      expect(reply.status).toBe(401);
      expect(reply.text).toBe('');
    }
    const t = sb.issueTokensForTest();
    clock.advance(3600_000);
    expect((await call(sb, 'GET', path, { token: t.accessToken })).status).toBe(401);
  });

  it('403 code 41 when the token lacks the read or write scope for the method', async () => {
    const { sb } = await startSandbox();
    const readOnly = sb.issueTokensForTest({ scopes: ['dineropublicapi:read'] });
    expect((await call(sb, 'GET', `/v1/${sb.orgs.pro}/accounts/entry`, { token: readOnly.accessToken })).status).toBe(200);
    const write = await call(sb, 'POST', `/v1.2/${sb.orgs.pro}/ledgeritems`, { token: readOnly.accessToken, body: [] });
    expect(write.status).toBe(403);
    expect(write.json).toMatchObject({ code: 41 });
    const writeOnly = sb.issueTokensForTest({ scopes: ['dineropublicapi:write'] });
    expect((await call(sb, 'GET', `/v1/${sb.orgs.pro}/vatTypes`, { token: writeOnly.accessToken })).json).toMatchObject({ code: 41 });
  });

  it('403 code 41 for an org the user cannot access (another user\'s, unknown, or outside the token\'s orgs)', async () => {
    const { sb } = await startSandbox();
    const t = sb.issueTokensForTest();
    for (const org of [sb.orgs.foreign, 999999]) {
      const reply = await call(sb, 'GET', `/v1/${org}/accounts/entry`, { token: t.accessToken });
      expect(reply.status).toBe(403);
      expect(reply.json).toMatchObject({ code: 41, validationErrors: null, errorMessageList: [] });
    }
    const narrowed = sb.issueTokensForTest({ orgIds: [sb.orgs.nonPro] });
    expect((await call(sb, 'GET', `/v1/${sb.orgs.pro}/accounts/entry`, { token: narrowed.accessToken })).json).toMatchObject({ code: 41 });
  });

  it('403 code 90 for the non-Pro company, after the scope and access checks', async () => {
    const { sb } = await startSandbox();
    const t = sb.issueTokensForTest();
    const reply = await call(sb, 'GET', `/v1/${sb.orgs.nonPro}/accounts/entry`, { token: t.accessToken });
    expect(reply.status).toBe(403);
    expect(reply.json).toMatchObject({ code: 90 });
    expect((reply.json as { message: string }).message).toMatch(/Pro/);
    const readOnly = sb.issueTokensForTest({ scopes: ['dineropublicapi:read'] });
    expect((await call(sb, 'POST', `/v1.2/${sb.orgs.nonPro}/ledgeritems`, { token: readOnly.accessToken, body: [] })).json).toMatchObject({ code: 41 });
  });

  it('429 with the plain-text quota body after 100 calls a minute per client and org; the window slides on the clock', async () => {
    const { sb, clock } = await startSandbox();
    const t = sb.issueTokensForTest();
    const path = `/v1/${sb.orgs.pro}/vatTypes`;
    for (let i = 0; i < 100; i += 1) {
      expect((await call(sb, 'GET', path, { token: t.accessToken })).status).toBe(200);
      if (i === 49) clock.advance(30_000);
    }
    const limited = await call(sb, 'GET', path, { token: t.accessToken });
    expect(limited.status).toBe(429);
    expect(limited.text.startsWith('API calls quota exceeded!')).toBe(true);
    expect(limited.headers.get('content-type')).toContain('text/plain');
    expect(limited.headers.get('retry-after')).toBeNull();
    // Listing organizations has no org, so it is not counted against the org's quota.
    expect((await call(sb, 'GET', '/v1/organizations', { token: t.accessToken })).status).toBe(200);
    clock.advance(30_000); // the first 50 calls leave the window
    expect((await call(sb, 'GET', path, { token: t.accessToken })).status).toBe(200);
  });

  it('sends Retry-After when configured, and honours a lower limit', async () => {
    const { sb } = await startSandbox({ rateLimitPerMinute: 60, retryAfterSeconds: 42 });
    const t = sb.issueTokensForTest();
    for (let i = 0; i < 60; i += 1) await call(sb, 'GET', `/v1/${sb.orgs.pro}/vatTypes`, { token: t.accessToken });
    const limited = await call(sb, 'GET', `/v1/${sb.orgs.pro}/vatTypes`, { token: t.accessToken });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('42');
  });

  it('404 code 40 for unknown API paths', async () => {
    const { sb } = await startSandbox();
    const t = sb.issueTokensForTest();
    expect((await call(sb, 'GET', `/v1/${sb.orgs.pro}/nothing`, { token: t.accessToken })).json).toMatchObject({ code: 40 });
    expect((await call(sb, 'GET', '/v9/whatever', { token: t.accessToken })).status).toBe(404);
  });
});

describe('sandbox reference data', () => {
  it('organizations: default projection Id, Name, IsPro; fields are case-insensitive', async () => {
    const { sb } = await startSandbox();
    const t = sb.issueTokensForTest();
    const all = await call(sb, 'GET', '/v1/organizations', { token: t.accessToken });
    expect(all.json).toEqual([
      { Id: sb.orgs.pro, Name: 'Demo Butik ApS', IsPro: true },
      { Id: sb.orgs.nonPro, Name: 'Hobby Starter ApS', IsPro: false },
    ]);
    const some = await call(sb, 'GET', '/v1/organizations?fields=name,vatNUMBER,bogus', { token: t.accessToken });
    expect(Object.keys((some.json as object[])[0]!)).toEqual(['Name', 'VatNumber']);
  });

  it('entry accounts carry the standard chart, the article\'s 58000, payment-type accounts and one hidden account', async () => {
    const { sb } = await startSandbox();
    const t = sb.issueTokensForTest();
    const accounts = (await call(sb, 'GET', `/v1/${sb.orgs.pro}/accounts/entry`, { token: t.accessToken })).json as Array<Record<string, unknown>>;
    const byNumber = new Map(accounts.map((a) => [a.AccountNumber, a]));
    for (const n of [1000, 1050, 55000, 55040, 7380, 7400, 7420, 63080, 63100, 64000, 64060, 64100, 53000, 63000, 99999, 58000, 56100, 56200]) {
      expect(byNumber.get(n)?.IsHidden, `account ${n}`).toBe(false);
    }
    expect(byNumber.get(1000)).toEqual({ AccountNumber: 1000, Name: 'Salg af varer/ydelser m/moms', VatCode: 'U25', Category: 'Income', IsHidden: false, IsDefaultSalesAccount: true });
    expect(byNumber.get(58000)?.Name).toBe('Kassebeholdning');
    expect(accounts.filter((a) => a.IsHidden)).toHaveLength(1);
  });

  it('deposit accounts, vatTypes and the camelCase switch', async () => {
    const { sb } = await startSandbox({ casing: 'camel', vatRateFormat: 'percent' });
    const t = sb.issueTokensForTest();
    const deposit = (await call(sb, 'GET', `/v1/${sb.orgs.pro}/accounts/deposit`, { token: t.accessToken })).json;
    expect(deposit).toContainEqual({ accountNumber: 55000, name: 'Bank' });
    const vat = (await call(sb, 'GET', `/v1/${sb.orgs.pro}/vatTypes`, { token: t.accessToken })).json;
    expect(vat).toContainEqual({ vatCode: 'U25', name: 'Salgsmoms 25%', vatRate: 25 });
    const err = await call(sb, 'GET', `/v1/${sb.orgs.nonPro}/vatTypes`, { token: t.accessToken });
    expect(err.json).toMatchObject({ code: 90, validationErrors: null, errorMessageList: [] });
  });

  it('setAccountHidden changes what accounts/entry reports', async () => {
    const { sb } = await startSandbox();
    const t = sb.issueTokensForTest();
    sb.setAccountHidden(sb.orgs.pro, 56100, true);
    const accounts = (await call(sb, 'GET', `/v1/${sb.orgs.pro}/accounts/entry?fields=AccountNumber,IsHidden`, { token: t.accessToken })).json;
    expect(accounts).toContainEqual({ AccountNumber: 56100, IsHidden: true });
    expect(() => sb.setAccountHidden(sb.orgs.pro, 12345, true)).toThrow(/No account/);
  });
});
