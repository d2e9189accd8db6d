// The fault matrix, part two: the login (expired access token, revoked refresh token), the company (no
// Dinero Pro) and the chart (a hidden account). Each blocks with a clear "what to do", and once the user
// has done it every report goes exactly once.
import { afterEach, describe, expect, it } from 'vitest';
import type { DineroClient } from '../../electron/dinero/client/dinero.client';
import { expectEachReportOnce } from './support/kassekladde.check';
import { startTransferHarness, type TransferHarness } from '../support/transfer-harness';

let h: TransferHarness;
afterEach(() => h.close());

const tokenCalls = () => h.sandbox.requestLog().filter((e) => e.path === '/connect/token');

describe('login', () => {
  it('an expired access token is refreshed once and the transfers go on', async () => {
    h = await startTransferHarness();
    const reports = [h.closeDay(), h.closeDay()];
    h.sandbox.expireAccessTokens();
    await h.worker.runUntilIdle();
    expectEachReportOnce(h, reports);
    expect(tokenCalls()).toHaveLength(1);
    expect(h.worker.syncStatus().blocking).toBeNull();
  });

  it('a revoked refresh token → "reconnect" blocks everything; after logging in again it resumes', async () => {
    h = await startTransferHarness();
    const reports = [h.closeDay(), h.closeDay()];
    const old = await h.store.load();
    h.sandbox.revokeRefreshToken(old?.refreshToken as string);
    h.sandbox.expireAccessTokens();

    const first = await h.worker.runUntilIdle();
    expect(first.stoppedBy).toBe('blocked');
    expect(h.worker.syncStatus()).toMatchObject({ queuedCount: 2, blocking: { action: 'reconnect' } });
    expect(h.sandbox.kassekladde(h.orgId)).toEqual([]);
    // Another pass sends nothing: the dead refresh token is never offered to Visma again.
    const before = h.sandbox.requestLog().length;
    await h.worker.runUntilIdle();
    expect(h.sandbox.requestLog().length).toBe(before);

    await h.store.save(h.freshTokens()); // the user logs in again
    h.worker.notify();
    await h.worker.runUntilIdle();
    expectEachReportOnce(h, reports);
    expect(h.worker.syncStatus().blocking).toBeNull();
  });
});

describe('company', () => {
  it('a company without Dinero Pro → "Dinero Pro required"; choosing the Pro company sends everything there', async () => {
    h = await startTransferHarness({ org: 'nonPro' });
    const reports = [h.closeDay(), h.closeDay()];
    await h.worker.runUntilIdle();
    const status = h.worker.syncStatus();
    expect(status.blocking?.action).toBe('dinero_pro_required');
    expect(h.history.attemptLog(reports[0]!.id).at(-1)).toMatchObject({ outcome: 'dinero_pro_required', httpStatus: 403 });

    h.settings.update({ organizationId: h.sandbox.orgs.pro }); // the settings listener re-checks
    h.orgId = h.sandbox.orgs.pro;
    await h.worker.runUntilIdle();
    expectEachReportOnce(h, reports);
    expect(h.history.transfer(reports[0]!.id)?.orgId).toBe(h.sandbox.orgs.pro);
  });
});

describe('chart of accounts', () => {
  it('a hidden account blocks with a message naming it; unhidden in Dinero, "try again" sends it', async () => {
    h = await startTransferHarness();
    h.sandbox.setAccountHidden(h.orgId, 56100, true);
    const reports = [h.closeDay(), h.closeDay()];
    await h.worker.runUntilIdle();
    expect(h.sandbox.kassekladde(h.orgId)).toEqual([]);
    const row = h.history.transfer(reports[0]!.id);
    expect(row?.state).toBe('blocked');
    expect(row?.problems).toContainEqual({ code: 'account_hidden', params: expect.objectContaining({ accountNumber: 56100 }) });
    const status = h.worker.syncStatus();
    expect(status).toMatchObject({ attentionCount: 2, queuedCount: 0, blocking: { action: 'fix_account', reportId: reports[0]!.id } });
    expect(h.history.attemptLog(reports[0]!.id)).toMatchObject([{ operation: 'check', outcome: 'blocked' }]);

    h.sandbox.setAccountHidden(h.orgId, 56100, false);
    h.worker.recheck();
    await h.worker.runUntilIdle();
    expectEachReportOnce(h, reports);
  });

  it('a hidden account that the user replaces in the settings: the fix is used when sending (lines built at send time)', async () => {
    h = await startTransferHarness();
    h.sandbox.setAccountHidden(h.orgId, 7380, true);
    const reports = [h.closeDay(), h.closeDay()];
    await h.worker.runUntilIdle();
    expect(JSON.stringify(h.history.transfer(reports[0]!.id)?.problems)).toMatch(/7380/);

    h.settings.update({ accounts: { differencesAccount: 7400 } });
    await h.worker.runUntilIdle();
    expectEachReportOnce(h, reports);
    const lines = h.sandbox.kassekladde(h.orgId).flatMap((i) => i.lines);
    expect(lines.some((l) => l.accountNumber === 7400 || l.balancingAccountNumber === 7400)).toBe(true);
    expect(lines.some((l) => l.accountNumber === 7380 || l.balancingAccountNumber === 7380)).toBe(false);
  });

  it("Dinero refuses the item (400): it waits for the user with Dinero's own words; the others still go", async () => {
    h = await startTransferHarness();
    const reports = [h.closeDay(), h.closeDay()];
    let hidden = false;
    const racing: DineroClient = {
      ...h.client,
      async createLedgerItems(orgId, items) {
        // The accountant hides the account between our chart check and the first create.
        if (!hidden) h.sandbox.setAccountHidden(h.orgId, 56100, (hidden = true));
        try {
          return await h.client.createLedgerItems(orgId, items);
        } finally {
          h.sandbox.setAccountHidden(h.orgId, 56100, false);
        }
      },
    };
    await h.newWorker({ client: racing }).runUntilIdle();
    const refused = h.history.transfer(reports[0]!.id);
    expect(refused).toMatchObject({ state: 'needs_attention', lastErrorCode: 'validation' });
    expect(refused?.problems).toContainEqual({ code: 'dinero_refused', params: { text: expect.stringMatching(/56100 is hidden/) } });
    expect(h.history.attemptLog(reports[0]!.id).at(-1)).toMatchObject({ operation: 'create', outcome: 'needs_attention', httpStatus: 400, dineroCode: 42 });
    expect(h.history.transfer(reports[1]!.id)?.state).toBe('sent');
    expect(h.worker.syncStatus().blocking).toMatchObject({ action: 'check_transfer', reportId: reports[0]!.id });
    // It stays put until the user acts…
    await h.worker.runUntilIdle();
    expect(h.history.transfer(reports[0]!.id)?.state).toBe('needs_attention');
    // …and goes when they do ("Post to Dinero").
    expect(await h.worker.retransfer(reports[0]!.id)).toMatchObject({ outcome: 'sent', how: 'created' });
    expectEachReportOnce(h, reports);
  });

  it('offline with a cached chart: a hidden account is still named before anything is sent', async () => {
    h = await startTransferHarness();
    h.sandbox.setAccountHidden(h.orgId, 56200, true);
    const report = h.closeDay();
    await h.worker.runUntilIdle(); // the live chart says hidden; it is cached
    expect(h.history.transfer(report.id)?.state).toBe('blocked');

    h.sandbox.faults.setOffline(true);
    h.worker.recheck();
    await h.worker.runUntilIdle();
    expect(h.history.transfer(report.id)?.state).toBe('blocked');
    expect(JSON.stringify(h.history.transfer(report.id)?.problems)).toMatch(/56200/);
    const log = h.history.attemptLog(report.id);
    expect(log.map((a) => a.outcome)).toEqual(['blocked', 'blocked']);
    // The second check ran on the cached copy: the live fetch never got an answer.
    expect(h.apiRequests().filter((e) => e.status === 0).length).toBeGreaterThan(0);
    expect(h.sandbox.kassekladde(h.orgId)).toEqual([]);
  });
});
