// Settings, payment types, the register and the daily reports through dispatch, against a real SQLite file:
// the replies the renderer expects (same as tests/renderer/fake-api.ts), the till_* codes for the domain's
// rules, and "refused means nothing written" (SQLite total_changes on the core's connection).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ore } from '../../shared/money/ore';
import { startAppHarness, type AppHarness } from '../support/app-harness';

let h: AppHarness;
afterEach(async () => h?.close());

const sale = (amountOre: number, paymentTypeId = 'dankort', paid = amountOre) => ({
  lines: [{ description: 'Vare', quantity: 1, unitPriceOre: ore(amountOre), vatRateBp: 2500 as const }],
  payments: [{ paymentTypeId, amountOre: ore(paid) }],
});

describe('settings and app.info', () => {
  it('updates and persists valid settings; refuses invalid ones as a whole with issues and writes nothing', async () => {
    h = await startAppHarness();
    expect(await h.call('app.info', {})).toEqual({ version: '1.2.3-test', sandbox: true, language: 'da', shell: 'browser' });
    const updated = await h.call('settings.update', { language: 'en', accounts: { revenueAccount: 1000 } });
    expect(updated).toMatchObject({ language: 'en', accounts: { revenueAccount: 1000, revenueVatCode: 'U25' } });
    const file = join(h.dataDir, 'settings.json');
    const before = readFileSync(file, 'utf8');
    expect(JSON.parse(before)).toMatchObject({ language: 'en' });

    // dayChangeHour passes the patch schema shape but the whole is checked; an out-of-range value is refused.
    const error = await h.failure('settings.update', { registerName: 'Kasse 9', dayChangeHour: 24 });
    expect(error.code).toBe('invalid_input');
    expect(error.details?.issues).toEqual([expect.objectContaining({ path: 'dayChangeHour' })]);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect((await h.call('settings.get', {})).registerName).toBe('Kasse 1');
    expect((await h.call('app.info', {})).language).toBe('en');
  });
});

describe('payment types', () => {
  it('lists active types in order, creates, renames, maps, moves and deactivates', async () => {
    h = await startAppHarness();
    expect((await h.call('paymentTypes.list', {})).map((t) => t.id)).toEqual(['kontant', 'dankort', 'mobilepay']);
    const gift = await h.call('paymentTypes.create', { name: 'Gavekort', kind: 'other' });
    expect(gift).toMatchObject({ name: 'Gavekort', kind: 'other', accountNumber: null, active: true });
    expect((await h.failure('paymentTypes.create', { name: 'gavekort', kind: 'card' })).code).toBe('payment_type_name_taken');
    expect((await h.failure('paymentTypes.update', { id: 'dankort', name: 'MobilePay' })).code).toBe('payment_type_name_taken');
    expect((await h.failure('paymentTypes.update', { id: 'nope', active: false })).code).toBe('not_found');

    expect(await h.call('paymentTypes.update', { id: gift.id, name: 'Gavekort 2', accountNumber: 56300, sortOrder: 1 })).toMatchObject({ name: 'Gavekort 2', accountNumber: 56300, sortOrder: 1 });
    expect((await h.call('paymentTypes.list', {})).map((t) => t.id)).toEqual([gift.id, 'kontant', 'dankort', 'mobilepay']);
    await h.call('paymentTypes.update', { id: 'kontant', active: false });
    expect((await h.call('paymentTypes.list', {})).map((t) => t.id)).toEqual([gift.id, 'dankort', 'mobilepay']);
    expect((await h.call('paymentTypes.list', { includeInactive: true })).map((t) => t.id)).toEqual([gift.id, 'dankort', 'mobilepay', 'kontant']);
  });

  it('an update with one refused part changes nothing', async () => {
    h = await startAppHarness();
    const before = h.core.internals.totalChanges();
    expect((await h.failure('paymentTypes.update', { id: 'dankort', accountNumber: 56100, name: 'Kontant' })).code).toBe('payment_type_name_taken');
    expect(h.core.internals.totalChanges()).toBe(before);
    expect((await h.call('paymentTypes.list', {})).find((t) => t.id === 'dankort')?.accountNumber).toBeNull();
  });
});

describe('register and daily reports', () => {
  it('records sales and cash movements; refused sales answer till_* codes and write nothing', async () => {
    h = await startAppHarness();
    const first = await h.call('sales.record', sale(10_000));
    expect(first).toMatchObject({ kind: 'sale', totalOre: 10_000, lineCount: 1, payments: [{ paymentTypeId: 'dankort', name: 'Dankort', kind: 'card', amountOre: 10_000 }] });
    const before = h.core.internals.totalChanges();
    expect((await h.failure('sales.record', sale(10_000, 'dankort', 9_000))).code).toBe('till_payment_mismatch');
    expect((await h.failure('sales.record', sale(10_000, 'bitcoin'))).code).toBe('till_unknown_payment_type');
    await h.call('paymentTypes.update', { id: 'mobilepay', active: false });
    const afterDeactivate = h.core.internals.totalChanges();
    expect(afterDeactivate).toBeGreaterThan(before);
    expect((await h.failure('sales.record', sale(10_000, 'mobilepay'))).code).toBe('till_inactive_payment_type');
    expect(h.core.internals.totalChanges()).toBe(afterDeactivate);
    // [2.3] the attack: each amount allowed, the period's total not. Refused, nothing written, the day still closes.
    expect((await h.failure('sales.record', sale(9_999_999_999_999))).code).toBe('till_period_limit');
    expect((await h.failure('cashMovements.record', { direction: 'from_bank', amountOre: ore(9_999_999_999_999), note: '' })).code).toBe('till_period_limit');
    expect(h.core.internals.totalChanges()).toBe(afterDeactivate);
    expect((await h.call('reports.openPeriod', {})).netRevenueOre).toBe(10_000);

    h.scheduler.advance(60_000);
    const second = await h.call('sales.record', sale(5_000));
    expect((await h.call('sales.recent', {})).map((s) => s.id)).toEqual([second.id, first.id]);
    expect((await h.call('sales.recent', { limit: 1 })).map((s) => s.id)).toEqual([second.id]);
    expect(await h.call('cashMovements.record', { direction: 'to_bank', amountOre: ore(2_000), note: ' Bank ', confirm: true })).toMatchObject({ direction: 'to_bank', amountOre: 2_000, note: 'Bank' });
  });

  it('asks "is the amount right?" above the shop\'s limit and before more goes to the bank than the drawer holds; writes only once confirmed', async () => {
    h = await startAppHarness();
    expect((await h.call('settings.get', {})).largeAmountOre).toBe(10_000_000);
    const before = h.core.internals.totalChanges();
    const large = await h.failure('sales.record', sale(10_000_001));
    expect(large).toMatchObject({ code: 'till_amount_unconfirmed', details: { amountOre: 10_000_001, limitOre: 10_000_000 } });
    // A refund as large asks too.
    const refund = { lines: [{ description: 'Retur', quantity: -1, unitPriceOre: ore(10_000_001), vatRateBp: 2500 as const }], payments: [{ paymentTypeId: 'dankort', amountOre: ore(-10_000_001) }] };
    expect((await h.failure('sales.record', refund)).code).toBe('till_amount_unconfirmed');
    expect(h.core.internals.totalChanges()).toBe(before);
    expect(await h.call('sales.record', { ...sale(10_000_001), confirmLargeAmount: true })).toMatchObject({ totalOre: 10_000_001 });
    expect(await h.call('sales.record', sale(10_000_000))).toMatchObject({ totalOre: 10_000_000 });

    // The drawer holds 100,00 kr. in cash: taking 150,00 to the bank asks, 100,00 does not.
    await h.call('sales.record', sale(10_000, 'kontant'));
    const drawer = await h.failure('cashMovements.record', { direction: 'to_bank', amountOre: ore(15_000), note: '' });
    expect(drawer).toMatchObject({ code: 'till_movement_exceeds_drawer', details: { amountOre: 15_000, expectedCashOre: 10_000 } });
    expect((await h.failure('cashMovements.record', { direction: 'from_bank', amountOre: ore(20_000_000), note: '' })).code).toBe('till_amount_unconfirmed');
    const afterRefusals = h.core.internals.totalChanges();
    await h.call('cashMovements.record', { direction: 'to_bank', amountOre: ore(15_000), note: 'Talt forkert i går', confirm: true });
    expect(h.core.internals.totalChanges()).toBeGreaterThan(afterRefusals);
    expect((await h.call('reports.openPeriod', {})).cashToBankDuringDayOre).toBe(15_000);

    // The shop sets its own limit.
    await h.call('settings.update', { largeAmountOre: ore(50_000) });
    expect((await h.failure('sales.record', sale(50_001))).code).toBe('till_amount_unconfirmed');
    expect((await h.failure('settings.update', { largeAmountOre: 5 })).code).toBe('invalid_input');
  });

  it('closes days: empty day needs confirmation, denominations must add up and are kept, list pages newest first', async () => {
    h = await startAppHarness();
    const before = h.core.internals.totalChanges();
    expect((await h.failure('reports.close', { countedCashOre: ore(0), cashToBankAtCloseOre: ore(0), confirmEmptyDay: false, transfer: false })).code).toBe('till_empty_day_not_confirmed');
    expect(h.core.internals.totalChanges()).toBe(before);

    await h.call('sales.record', sale(10_000, 'kontant'));
    const open = await h.call('reports.openPeriod', {});
    expect(open).toMatchObject({ nextNumber: 1, expectedCashOre: 10_000, cashSalesOre: 10_000, isEmpty: false, registerName: 'Kasse 1' });
    const badCount = { countedCashOre: ore(10_000), cashToBankAtCloseOre: ore(0), confirmEmptyDay: false, transfer: false, denominations: [{ valueOre: ore(5_000), count: 1 }] };
    const afterSale = h.core.internals.totalChanges();
    expect((await h.failure('reports.close', badCount)).code).toBe('till_invalid_cash_count');
    expect(h.core.internals.totalChanges()).toBe(afterSale);
    // The domain checks the count itself: no 3 kr coin, no note twice, no negative count (refused by the
    // contract), each adding up to the counted amount so only that rule can refuse it.
    const threeKroner = await h.failure('reports.close', { ...badCount, countedCashOre: ore(10_000), denominations: [{ valueOre: ore(5_000), count: 1 }, { valueOre: ore(300), count: 10 }, { valueOre: ore(2_000), count: 1 }] });
    expect(threeKroner).toMatchObject({ code: 'till_invalid_cash_count', message: expect.stringContaining('300 øre is not a Danish note or coin') });
    const twice = await h.failure('reports.close', { ...badCount, countedCashOre: ore(10_000), denominations: [{ valueOre: ore(5_000), count: 1 }, { valueOre: ore(5_000), count: 1 }] });
    expect(twice).toMatchObject({ code: 'till_invalid_cash_count', message: expect.stringContaining('counted twice') });
    expect((await h.failure('reports.close', { ...badCount, denominations: [{ valueOre: ore(5_000), count: -2 }] })).code).toBe('invalid_input');
    expect(h.core.internals.totalChanges()).toBe(afterSale);

    const closed = await h.call('reports.close', { ...badCount, countedCashOre: ore(9_500), denominations: [{ valueOre: ore(5_000), count: 1 }, { valueOre: ore(2_000), count: 2 }, { valueOre: ore(500), count: 1 }] });
    expect(closed.report).toMatchObject({ number: 1, differenceOre: -500, countedCashOre: 9_500 });
    // Dinero is off: nothing queued even if the box had been ticked.
    expect(closed.transfer).toBeNull();
    const detail = await h.call('reports.get', { reportId: closed.report.id });
    expect(detail.denominations).toEqual([{ valueOre: 5_000, count: 1 }, { valueOre: 2_000, count: 2 }, { valueOre: 500, count: 1 }]);
    expect(detail.transfer).toBeNull();
    expect(detail.attempts).toEqual([]);

    h.scheduler.advance(24 * 3_600_000);
    const empty = await h.call('reports.close', { countedCashOre: ore(9_500), cashToBankAtCloseOre: ore(0), confirmEmptyDay: true, transfer: true });
    expect(empty.transfer).toBeNull();
    expect((await h.call('reports.get', { reportId: empty.report.id })).denominations).toBeNull();
    const page = await h.call('reports.list', { offset: 0, limit: 1 });
    expect(page).toEqual({ total: 2, items: [expect.objectContaining({ id: empty.report.id, number: 2, transfer: null })] });
    expect((await h.call('reports.list', { offset: 1, limit: 5 })).items.map((r) => r.number)).toEqual([1]);
    expect((await h.failure('reports.get', { reportId: 'missing' })).code).toBe('not_found');
    expect((await h.failure('transfer.retransfer', { reportId: 'missing' })).code).toBe('not_found');
    expect((await h.failure('transfer.preview', { scope: 'report', reportId: 'missing' })).code).toBe('not_found');
  });

  it('previews the open period with the problems that block a transfer (no accounts set yet)', async () => {
    h = await startAppHarness();
    await h.call('sales.record', sale(10_000));
    const preview = await h.call('transfer.preview', { scope: 'open', countedCashOre: ore(0), cashToBankAtCloseOre: ore(0) });
    expect(preview.lines).toEqual([]);
    expect(preview.problems.map((p) => p.code)).toEqual(expect.arrayContaining([expect.stringMatching(/missing|account/)]));
    expect((await h.failure('transfer.preview', { scope: 'open', countedCashOre: ore(100), cashToBankAtCloseOre: ore(200) })).code).toBe('till_invalid_cash_count');
  });
});
