// The Dinero side through dispatch against the sandbox over HTTP: companies and the chart (live, then the
// offline copy), the sync status, a booked voucher reversed and re-posted on confirmation, and a refresh
// token revoked at Visma (reconnect needed, then a new login lets the queue go).
import { afterEach, describe, expect, it } from 'vitest';
import { ore } from '../../shared/money/ore';
import { startAppHarness, type AppHarness } from '../support/app-harness';

let h: AppHarness;
afterEach(async () => h?.close());

async function closeCardDay(amountOre = 40_000) {
  await h.call('sales.record', { lines: [{ description: 'Vare', quantity: 1, unitPriceOre: ore(amountOre), vatRateBp: 2500 }], payments: [{ paymentTypeId: 'dankort', amountOre: ore(amountOre) }] });
  const open = await h.call('reports.openPeriod', {});
  return h.call('reports.close', { countedCashOre: open.expectedCashOre, cashToBankAtCloseOre: ore(0), confirmEmptyDay: false, transfer: true });
}

describe('companies and chart', () => {
  it('needs a login, then a company; the chart falls back to the offline copy', async () => {
    h = await startAppHarness();
    const sb = h.sandbox.sandbox;
    expect((await h.failure('orgs.list', {})).code).toBe('not_connected');
    expect((await h.failure('accounts.chart', {})).code).toBe('not_connected');
    expect((await h.login()).ok).toBe(true);
    expect((await h.failure('accounts.chart', {})).code).toBe('no_company');
    await h.call('settings.update', { dineroEnabled: true });
    expect((await h.call('sync.status', {})).blocking).toMatchObject({ action: 'choose_company' });
    expect((await h.failure('orgs.choose', { organizationId: sb.orgs.foreign })).code).toBe('not_found');

    await h.call('orgs.choose', { organizationId: sb.orgs.pro });
    const live = await h.call('accounts.chart', {});
    expect(live).toMatchObject({ organizationId: sb.orgs.pro, source: 'live' });
    expect(live.accounts.find((a) => a.accountNumber === 56900)?.isHidden).toBe(true);
    expect(live.vatCodes.find((v) => v.vatCode === 'U25')?.vatRate).toBe(0.25);

    sb.faults.setOffline(true);
    h.scheduler.advance(60_000);
    const cached = await h.call('accounts.chart', { refresh: true });
    expect(cached).toEqual({ ...live, source: 'cache' });
    sb.faults.setOffline(false);
  });

  it('offline without an offline copy answers dinero_offline', async () => {
    h = await startAppHarness();
    await h.setUpDinero();
    h.sandbox.sandbox.faults.setOffline(true);
    expect((await h.failure('accounts.chart', {})).code).toBe('dinero_offline');
    expect((await h.failure('orgs.list', {})).code).toBe('dinero_offline');
    h.sandbox.sandbox.faults.setOffline(false);
  });
});

describe('transfers through the worker', () => {
  it('a booked voucher is left alone until the user confirms the reversal plus corrected voucher', async () => {
    h = await startAppHarness();
    const sb = h.sandbox.sandbox;
    await h.setUpDinero();
    const closed = await closeCardDay();
    await h.core.internals.worker.runUntilIdle();
    const itemId = (await h.call('reports.get', { reportId: closed.report.id })).transfer!.ledgerItemId;
    sb.bookAsAccountant(sb.orgs.pro, itemId);
    h.scheduler.advance(5_000);

    const booked = await h.call('transfer.retransfer', { reportId: closed.report.id });
    expect(booked).toMatchObject({ outcome: 'booked', itemId });
    expect((await h.failure('transfer.reverseAndRepost', { reportId: closed.report.id, confirm: false })).code).toBe('invalid_input');
    const reposted = await h.call('transfer.reverseAndRepost', { reportId: closed.report.id, confirm: true });
    expect(reposted).toMatchObject({ outcome: 'sent', how: 'reversed_and_reposted' });
    const items = sb.kassekladde(sb.orgs.pro);
    // The booked original untouched, plus the reversal and the corrected voucher as drafts.
    expect(items.find((i) => i.id.toLowerCase() === itemId.toLowerCase())?.status).toBe('Booked');
    expect(items.filter((i) => i.status === 'Draft')).toHaveLength(2);
  });

  it('a refresh token revoked at Visma asks for a reconnect; a new login lets the queue go', async () => {
    h = await startAppHarness();
    const sb = h.sandbox.sandbox;
    await h.setUpDinero();
    const tokens = await h.tokenStore.load();
    sb.revokeRefreshToken(tokens!.refreshToken!);
    h.scheduler.advance(2 * 3_600_000);
    expect((await h.failure('orgs.list', {})).code).toBe('dinero_reconnect_needed');

    const closed = await closeCardDay();
    await h.core.internals.worker.runOnce();
    const status = await h.call('sync.status', {});
    expect(status).toMatchObject({ queuedCount: 1, blocking: { action: 'reconnect' }, sandbox: true });
    expect(sb.kassekladde(sb.orgs.pro)).toHaveLength(0);

    expect((await h.login()).ok).toBe(true);
    expect((await h.call('sync.retryNow', {})).blocking).toBeNull();
    await h.core.internals.worker.runUntilIdle();
    expect((await h.call('reports.get', { reportId: closed.report.id })).transfer?.state).toBe('sent');
    expect(await h.call('sync.status', {})).toMatchObject({ queuedCount: 0, attentionCount: 0, blocking: null });
  });
  it('the screen reports offline and online: the status says so at once, and online again sends a waiting day without its backoff', async () => {
    h = await startAppHarness();
    const sb = h.sandbox.sandbox;
    await h.setUpDinero();
    expect(await h.call('sync.setOnline', { online: false })).toMatchObject({ online: false });
    sb.faults.setOffline(true);
    const closed = await closeCardDay();
    await h.core.internals.worker.runOnce();
    expect(await h.call('sync.status', {})).toMatchObject({ online: false, queuedCount: 1 });
    expect((await h.call('sync.status', {})).nextRetryAt).not.toBeNull();

    sb.faults.setOffline(false);
    // Without being told, the worker would wait for its backoff (the fake clock does not move here).
    await h.core.internals.worker.runOnce();
    expect((await h.call('sync.status', {})).queuedCount).toBe(1);
    expect(await h.call('sync.setOnline', { online: true })).toMatchObject({ online: true });
    await h.core.internals.worker.runOnce();
    expect((await h.call('reports.get', { reportId: closed.report.id })).transfer?.state).toBe('sent');
    expect(sb.kassekladde(sb.orgs.pro)).toHaveLength(1);
  });
});
