// Canary: a core wired as the Electron shell wires it (encrypted token vault in the data folder, a file
// logger in the data folder) goes through a login, a token refresh, transfers, bad input, a revoked refresh
// token and a logout. Every access token, refresh token and the authorization code it ever saw is then
// searched for in every file under the data folder (database, WAL, settings, chart cache, sandbox state,
// logs, vault) and in every reply: it must appear nowhere.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEncryptedFileTokenStore } from '../../electron/auth/encrypted-file.token-store';
import type { StoredTokens, TokenStore } from '../../electron/auth/token-store';
import { dataPaths } from '../../electron/config/data-paths';
import { createLogger, type RootLogger } from '../../electron/log/logger';
import { ore } from '../../shared/money/ore';
import { fakeCipher } from '../support/fake-cipher';
import { startAppHarness, type AppHarness } from '../support/app-harness';

let h: AppHarness | undefined;
let root: RootLogger | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await h?.close();
  root?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Remembers (in test memory only) every token set the core stores. */
function recording(store: TokenStore, seen: StoredTokens[]): TokenStore {
  return { load: () => store.load(), clear: () => store.clear(), save: async (t) => { seen.push({ ...t }); await store.save(t); } };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('token canary', () => {
  it('no access token, refresh token or authorization code is written to any file or reply', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tb-app-canary-'));
    const paths = dataPaths(dataDir);
    const clock = { now: () => h?.scheduler.now() ?? Date.now() };
    root = createLogger({ file: paths.logFile, level: 'debug', clock });
    const seen: StoredTokens[] = [];
    const vault = createEncryptedFileTokenStore({ file: paths.tokenFile, cipher: fakeCipher(true), logger: root.child('vault') });
    h = await startAppHarness({ dataDir, tokenStore: recording(vault, seen), logger: root.child('app') });
    const sb = h.sandbox.sandbox;
    const replies: string[] = [];
    const dispatch = async (channel: string, input: unknown) => {
      const reply = await h!.core.dispatch(channel, input);
      replies.push(JSON.stringify(reply));
      return reply;
    };

    // Login through the form; the code is the one the sandbox put in the redirect.
    const login = await h.login();
    expect(login.ok).toBe(true);
    const codes = [login.code!];
    await h.call('settings.update', { dineroEnabled: true, attachReportPdf: true, accounts: { revenueAccount: 1000, bankAccount: 55000, cashHoldingsAccount: 58000, differencesAccount: 7380 } });
    await h.call('orgs.choose', { organizationId: sb.orgs.pro });
    await h.call('paymentTypes.update', { id: 'dankort', accountNumber: 56100 });

    const closeDay = async () => {
      await dispatch('sales.record', { lines: [{ description: 'Bog', quantity: 1, unitPriceOre: ore(29_900), vatRateBp: 2500 }], payments: [{ paymentTypeId: 'dankort', amountOre: ore(29_900) }] });
      const open = await h!.call('reports.openPeriod', {});
      return h!.call('reports.close', { countedCashOre: open.expectedCashOre, cashToBankAtCloseOre: ore(0), confirmEmptyDay: false, transfer: true });
    };
    const first = await closeDay();
    await h.core.internals.worker.runUntilIdle();
    expect((await h.call('reports.get', { reportId: first.report.id })).transfer?.state).toBe('sent');

    // Past the access token's expiry: the next call refreshes (a new pair is stored), then a second transfer.
    h.scheduler.advance(2 * 3_600_000);
    expect((await dispatch('orgs.list', {})).ok).toBe(true);
    const second = await closeDay();
    await h.core.internals.worker.runUntilIdle();
    expect((await h.call('reports.get', { reportId: second.report.id })).transfer?.state).toBe('sent');
    expect(new Set(seen.map((t) => t.accessToken)).size).toBeGreaterThanOrEqual(2);

    // Errors: bad input carrying a token, then a refresh token revoked at Visma (reconnect needed).
    const current = seen.at(-1)!;
    expect((await dispatch('settings.update', { registerName: current.accessToken })).ok).toBe(false);
    expect((await dispatch('auth.loginStatus', { loginId: current.refreshToken })).ok).toBe(false);
    sb.revokeRefreshToken(current.refreshToken!);
    h.scheduler.advance(2 * 3_600_000);
    const revoked = await dispatch('orgs.list', {});
    expect(revoked).toMatchObject({ ok: false, error: { code: 'dinero_reconnect_needed' } });
    await closeDay();
    await h.core.internals.worker.runUntilIdle();
    expect((await h.call('sync.status', {})).blocking?.action).toBe('reconnect');

    // Log in again (a second code), then log out (revocation).
    const again = await h.login();
    expect(again.ok).toBe(true);
    codes.push(again.code!);
    await h.core.internals.worker.runUntilIdle();
    for (const channel of ['auth.status', 'sync.status', 'app.info', 'settings.get', 'auth.logout']) await dispatch(channel, {});
    await h.close();
    h = undefined;
    root.close();

    const secrets = [...seen.flatMap((t) => [t.accessToken, t.refreshToken ?? '']), ...codes].filter((s) => s.length >= 16);
    expect(secrets.length).toBeGreaterThanOrEqual(6);
    const files = filesUnder(dataDir);
    expect(files).toEqual(expect.arrayContaining([join(dataDir, 'till.sqlite'), paths.logFile, join(dataDir, 'settings.json')]));
    const log = readFileSync(paths.logFile, 'utf8');
    expect(log).toContain('visma login started');
    expect(log).toContain('dinero token refreshed');
    const hits: string[] = [];
    for (const file of files) {
      const content = readFileSync(file).toString('latin1');
      for (const secret of secrets) {
        for (const form of [secret, encodeURIComponent(secret)]) if (content.includes(form)) hits.push(`${file}: ${secret.slice(0, 4)}…`);
      }
    }
    for (const reply of replies) for (const secret of secrets) if (reply.includes(secret)) hits.push(`reply: ${reply.slice(0, 60)}`);
    expect(hits).toEqual([]);
  });
});
