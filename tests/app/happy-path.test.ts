// The whole article, through the core's dispatch exactly as a shell calls it: log in to Visma via the
// sandbox's login form over HTTP, choose the Pro company, set the accounts, record sales, close the day with
// "Transfer to Dinero", and find the voucher in the sandbox's kassekladde. Then post again and log out.
import { afterEach, describe, expect, it } from 'vitest';
import { ore } from '../../shared/money/ore';
import { roundCashDue } from '../../shared/till/cash-rounding';
import { startAppHarness, type AppHarness } from '../support/app-harness';

let h: AppHarness;
afterEach(async () => h?.close());

const line = (unitPriceOre: number, quantity = 1) => ({ description: 'Kaffe', quantity, unitPriceOre: ore(unitPriceOre), vatRateBp: 2500 as const });

async function recordDay(): Promise<void> {
  await h.call('sales.record', { lines: [line(25_000, 2)], payments: [{ paymentTypeId: 'dankort', amountOre: ore(50_000) }] });
  await h.call('sales.record', { lines: [line(19_995)], payments: [{ paymentTypeId: 'mobilepay', amountOre: ore(19_995) }] });
  await h.call('sales.record', { lines: [line(12_345)], payments: [{ paymentTypeId: 'kontant', amountOre: roundCashDue(ore(12_345)) }] });
  await h.call('cashMovements.record', { direction: 'from_bank', amountOre: ore(100_000), note: 'Byttepenge' });
}

describe('app core: the happy path against the built-in sandbox', () => {
  it('logs in, chooses the Pro company, closes a day with transfer and the voucher lands in the kassekladde', async () => {
    h = await startAppHarness();
    const sb = h.sandbox.sandbox;
    expect(await h.call('auth.status', {})).toEqual({ connected: false, user: null, organization: null, sandbox: true });

    const { ok, loginId } = await h.login();
    expect(ok).toBe(true);
    expect(await h.call('auth.loginStatus', { loginId: loginId! })).toEqual({ state: 'connected' });
    const status = await h.call('auth.status', {});
    expect(status.connected).toBe(true);
    expect(status.user?.email).toBe(sb.demoUser.email);

    const orgs = await h.call('orgs.list', {});
    expect(orgs.find((o) => o.id === sb.orgs.pro)).toMatchObject({ isPro: true, notChoosableReason: null });
    expect(orgs.find((o) => o.id === sb.orgs.nonPro)).toMatchObject({ isPro: false, notChoosableReason: 'not_pro' });

    const refused = await h.failure('orgs.choose', { organizationId: sb.orgs.nonPro });
    expect(refused.code).toBe('dinero_no_pro');
    expect((await h.call('settings.get', {})).organizationId).toBeNull();

    await h.setUpDinero();
    expect((await h.call('auth.status', {})).organization).toEqual({ id: sb.orgs.pro, name: 'Demo Butik ApS', isPro: true });
    const chart = await h.call('accounts.chart', {});
    expect(chart.source).toBe('live');
    expect(chart.accounts.map((a) => a.accountNumber)).toEqual(expect.arrayContaining([1000, 7380, 55000, 58000, 56100, 56200]));

    await recordDay();
    const open = await h.call('reports.openPeriod', {});
    expect(open).toMatchObject({ nextNumber: 1, saleCount: 3, isEmpty: false, cashFromBankOre: 100_000 });
    const preview = await h.call('transfer.preview', { scope: 'open', countedCashOre: open.expectedCashOre, cashToBankAtCloseOre: ore(0) });
    expect(preview.problems).toEqual([]);

    const closed = await h.call('reports.close', { countedCashOre: open.expectedCashOre, cashToBankAtCloseOre: ore(0), confirmEmptyDay: false, transfer: true });
    expect(closed.transfer).toEqual({ state: 'queued', lastSuccessAt: null });
    expect(closed.report.netRevenueOre).toBe(50_000 + 19_995 + 12_345);

    await h.core.internals.worker.runUntilIdle();
    const detail = await h.call('reports.get', { reportId: closed.report.id });
    expect(detail.transfer).toMatchObject({ state: 'sent', dineroStatus: 'Draft', action: 'create' });
    expect(detail.attempts.some((a) => a.operation === 'create' && a.outcome === 'sent')).toBe(true);
    const items = sb.kassekladde(sb.orgs.pro);
    expect(items).toHaveLength(1);
    expect(items[0]!.id.toLowerCase()).toBe(detail.transfer!.ledgerItemId.toLowerCase());
    expect(items[0]!.voucherDate).toBe(closed.report.businessDate);
    expect(items[0]!.lines.map((l) => l.accountNumber)).toEqual(expect.arrayContaining([58000, 56100, 56200]));

    const list = await h.call('reports.list', { offset: 0, limit: 10 });
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ id: closed.report.id, number: 1, transfer: { state: 'sent', lastSuccessAt: detail.transfer!.lastSuccessAt } });
    expect((await h.call('sync.status', {})).queuedCount).toBe(0);

    // "Post to Dinero" again: the draft is updated in place, still one item.
    const again = await h.call('transfer.retransfer', { reportId: closed.report.id });
    expect(again).toMatchObject({ outcome: 'sent', how: 'updated' });
    expect(sb.kassekladde(sb.orgs.pro)).toHaveLength(1);
  });

  it('logout revokes the refresh token at Visma and forgets the tokens', async () => {
    h = await startAppHarness();
    await h.setUpDinero();
    const tokens = await h.tokenStore.load();
    expect(tokens?.refreshToken).toBeTruthy();

    const after = await h.call('auth.logout', {});
    expect(after).toEqual({ connected: false, user: null, organization: null, sandbox: true });
    expect(await h.tokenStore.load()).toBeNull();
    expect(h.sandbox.sandbox.requestLog().some((e) => e.path === '/connect/revocation' && e.status === 200)).toBe(true);
    const res = await fetch(`${h.sandbox.sandbox.url}/connect/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: tokens!.refreshToken!, client_id: h.sandbox.connection.clientId, client_secret: h.sandbox.connection.clientSecret }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_grant' });
    expect((await h.failure('orgs.list', {})).code).toBe('not_connected');
  });

  it('closes without a transfer when the box is unticked, and "Post to Dinero" sends it later', async () => {
    h = await startAppHarness();
    await h.setUpDinero();
    await recordDay();
    const open = await h.call('reports.openPeriod', {});
    const closed = await h.call('reports.close', { countedCashOre: open.expectedCashOre, cashToBankAtCloseOre: ore(50_000), confirmEmptyDay: false, transfer: false });
    expect(closed.transfer).toBeNull();
    expect(h.sandbox.sandbox.kassekladde(h.sandbox.sandbox.orgs.pro)).toHaveLength(0);
    expect(await h.call('transfer.retransfer', { reportId: closed.report.id })).toMatchObject({ outcome: 'sent', how: 'created' });
    expect(h.sandbox.sandbox.kassekladde(h.sandbox.sandbox.orgs.pro)).toHaveLength(1);
  });
});
