// State file: survives a restart, is written atomically, never contains a raw token or code, and a corrupt
// file is moved aside instead of crashing the demo.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDineroSandbox } from '../../electron/dinero/sandbox/sandbox';
import { call, exchangeCode, FakeClock, item, loginForCode, pkcePair, refresh, submitLogin, authorizeParams } from './sandbox.helpers';

function tempStateFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'tb-sandbox-')), 'dinero-sandbox.json');
}

describe('sandbox persistence', () => {
  it('ledger items, versions, booking state, tokens and consumed codes survive a restart', async () => {
    const stateFile = tempStateFile();
    const clock = new FakeClock();
    const first = await startDineroSandbox({ stateFile, clock });
    const { verifier, challenge } = pkcePair();
    const code = await loginForCode(first, challenge);
    const tokens = (await exchangeCode(first, code, verifier)).json as { access_token: string; refresh_token: string };
    const created = (await call(first, 'POST', `/v1.2/${first.orgs.pro}/ledgeritems`, { token: tokens.access_token, body: [item(), item()] })).json as Array<{ Id: string; Version: string }>;
    first.bookAsAccountant(first.orgs.pro, created[0]!.Id);
    first.setAccountHidden(first.orgs.pro, 56100, true);
    const before = first.kassekladde(first.orgs.pro);
    await first.close();

    const second = await startDineroSandbox({ stateFile, clock });
    try {
      expect(second.kassekladde(second.orgs.pro)).toEqual(before);
      expect((await call(second, 'GET', '/v1/organizations', { token: tokens.access_token })).status).toBe(200);
      expect((await exchangeCode(second, code, verifier)).status).toBe(400);
      const accounts = (await call(second, 'GET', `/v1/${second.orgs.pro}/accounts/entry?fields=AccountNumber,IsHidden`, { token: tokens.access_token })).json;
      expect(accounts).toContainEqual({ AccountNumber: 56100, IsHidden: true });
      // Version checks still hold across the restart, and versions keep changing.
      const update = await call(second, 'PUT', `/v1/${second.orgs.pro}/ledgeritems`, { token: tokens.access_token, body: [{ ...item(), ...created[1] }] });
      expect(update.status).toBe(200);
      expect((update.json as Array<{ Version: string }>)[0]!.Version).not.toBe(created[1]!.Version);
      expect((await refresh(second, tokens.refresh_token)).status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('the state file holds no raw access token, refresh token or authorization code', async () => {
    const stateFile = tempStateFile();
    const sb = await startDineroSandbox({ stateFile, clock: new FakeClock() });
    const canaries: string[] = [];
    try {
      const test = sb.issueTokensForTest();
      canaries.push(test.accessToken, test.refreshToken);
      const { verifier, challenge } = pkcePair();
      const location = (await submitLogin(sb, authorizeParams(sb, challenge), 'allow')).headers.get('location')!;
      const code = new URL(location).searchParams.get('code')!;
      canaries.push(code);
      const tokens = (await exchangeCode(sb, code, verifier)).json as { access_token: string; refresh_token: string };
      canaries.push(tokens.access_token, tokens.refresh_token);
      const rotated = (await refresh(sb, tokens.refresh_token)).json as { access_token: string; refresh_token: string };
      canaries.push(rotated.access_token, rotated.refresh_token);
    } finally {
      await sb.close();
    }
    const text = readFileSync(stateFile, 'utf8');
    expect(canaries).toHaveLength(7);
    for (const canary of canaries) {
      expect(canary.length).toBeGreaterThan(30);
      expect(text.includes(canary)).toBe(false);
      expect(text.includes(canary.slice(0, 16))).toBe(false);
    }
    expect(text).toContain('"refreshTokens"');
    expect(readdirSync(join(stateFile, '..'))).toEqual(['dinero-sandbox.json']);
  });

  it('a corrupt state file is moved aside and the sandbox starts from the seed', async () => {
    const stateFile = tempStateFile();
    writeFileSync(stateFile, '{"schemaVersion": 1, "orgs": 5');
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, error() {}, warn: (m: string) => { warnings.push(m); } };
    const sb = await startDineroSandbox({ stateFile, clock: new FakeClock(1000), logger });
    try {
      expect(warnings).toEqual([expect.stringContaining(`moved to ${stateFile}.corrupt-1000`)]);
      expect(sb.kassekladde(sb.orgs.pro)).toEqual([]);
      expect(existsSync(`${stateFile}.corrupt-1000`)).toBe(true);
      expect(JSON.parse(readFileSync(stateFile, 'utf8')).schemaVersion).toBe(1);
    } finally {
      await sb.close();
    }
  });
});
