// [2.5] Migration 0130 on a till with sales already in its open period: those sales are backfilled into the
// default groups' running totals, so the day rung up across the upgrade closes with its groups equal to its
// VAT totals, and posts exactly as before; the database refuses a line without a group, a line at another
// rate than its group's, VAT on a gift card and a tip on cash.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/db/migrations/registry';
import { createPaymentTypesRepo } from '../../electron/db/payment-types.repo';
import { createSaleWriter } from '../../electron/db/sales.repo';
import { createTillService } from '../../electron/till/till.service';
import { ore } from '../../shared/money/ore';
import { evaluateSale } from '../../shared/till/sale';
import { closeRequest, kr, line, manualClock, openTestDb, sale, sequentialIds, tempDir } from '../support/db-fixtures';

describe('migration 0130 (product groups)', () => {
  it('backfills the open period into the default groups: the day closes with groups equal to its VAT totals', () => {
    const file = join(tempDir(), 'till.sqlite');
    const old = openTestDb(file, { migrations: MIGRATIONS.filter((m) => m.version < 130) });
    const types = createPaymentTypesRepo(old, sequentialIds()).lookup;
    const write = createSaleWriter(old);
    const before = [
      evaluateSale(sale([line('100.00'), line('25.00', 1, 0)], ['dankort', '125.00']), types),
      evaluateSale(sale([line('10.00', -1)], ['dankort', '-10.00']), types),
    ];
    old.transaction(() => before.forEach((evaluated, i) => write({ id: `old-${String(i)}`, registerId: 'register-1', createdAt: '2026-11-28T10:00:00.000Z', source: 'register', externalId: null, evaluated })))();
    old.close();

    const db = openTestDb(file);
    const service = createTillService({ db, clock: manualClock(Date.UTC(2026, 10, 28, 17)), ids: sequentialIds() });
    expect(service.getSale('old-0')?.lines.map((l) => l.groupName)).toEqual(['Varer', 'Momsfri varer']);
    const tobak = service.groups.create({ name: 'Tobak', kind: 'goods', vatRateBp: 2500, accountNumber: 1010 });
    service.recordSale('register-1', { lines: [{ ...line('65.00'), groupId: tobak.id }], payments: [{ paymentTypeId: 'dankort', amountOre: kr('65.00') }] });
    const report = service.closeDay(closeRequest({ countedCashOre: 0 }));
    expect(report.groups.map((g) => [g.name, g.salesOre, g.returnsOre])).toEqual([['Varer', 10_000, 1_000], ['Momsfri varer', 2_500, 0], ['Tobak', 6_500, 0]]);
    expect(report.vatTotals.map((v) => [v.vatRateBp, v.salesOre, v.returnsOre])).toEqual([[2500, 16_500, 1_000], [0, 2_500, 0]]);
    expect(service.getReport(report.id)).toEqual(report);
  });

  it('sums tips per cashier, leaves a voided sale\'s tip out, and keeps them out of revenue and VAT', () => {
    const db = openTestDb(join(tempDir(), 'till.sqlite'));
    const at = '2026-11-28T08:00:00.000Z';
    for (const [id, name, role] of [['c1', 'Mette', 'owner'], ['c2', 'Ali', 'cashier']] as const) {
      db.prepare('INSERT INTO cashiers (id, name, role, pin_hash, active, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, 1, 1, ?, ?)').run(id, name, role, 'scrypt$test', at, at);
    }
    let current = { id: 'c1', name: 'Mette' };
    const service = createTillService({ db, clock: manualClock(Date.UTC(2026, 10, 28, 12)), ids: sequentialIds(), cashier: () => current });
    const withTip = (amount: string, tip: string, type = 'dankort') => ({ lines: [line(amount)], payments: [{ paymentTypeId: type, amountOre: ore(kr(amount) + kr(tip)), tipOre: kr(tip) }] });
    service.recordSale('register-1', withTip('100.00', '10.00'));
    service.recordSale('register-1', withTip('50.00', '5.00', 'mobilepay'));
    current = { id: 'c2', name: 'Ali' };
    service.recordSale('register-1', withTip('80.00', '8.00'));
    const voided = service.recordSale('register-1', withTip('20.00', '2.00'));
    service.voidSale({ registerId: 'register-1', id: voided.id, reason: 'Forkert' });
    const report = service.closeDay(closeRequest({ countedCashOre: 0 }));
    expect(report.tipsByCashier).toEqual([{ cashierName: 'Ali', tipsOre: 800, count: 1 }, { cashierName: 'Mette', tipsOre: 1_500, count: 2 }]);
    expect(report).toMatchObject({ tipsOre: 2_300, grossSalesOre: 23_000, netRevenueOre: 23_000 });
    expect(report.vatTotals).toEqual([{ vatRateBp: 2500, salesOre: 23_000, salesVatOre: 4_600, returnsOre: 0, returnsVatOre: 0 }]);
    // The card took the sale and the tip: the payments are revenue + tips.
    expect(report.payments.reduce((sum, p) => sum + p.amountOre, 0)).toBe(25_300);
    // A tip on cash, or as large as its payment, is refused and nothing is written.
    expect(() => service.recordSale('register-1', withTip('10.00', '1.00', 'kontant'))).toThrow(/card or mobile/);
    expect(() => service.recordSale('register-1', { lines: [line('10.00')], payments: [{ paymentTypeId: 'dankort', amountOre: kr('10.00'), tipOre: kr('10.00') }] })).toThrow(/less than its payment/);
  });

  it('refuses a line without its group, at another rate than its group, VAT on a gift card, and a tip on cash', () => {
    const db = openTestDb(join(tempDir(), 'till.sqlite'));
    const service = createTillService({ db, clock: manualClock(), ids: sequentialIds() });
    const gift = service.groups.create({ name: 'Gavekort', kind: 'gift_card', vatRateBp: 0 });
    const seq = service.recordSale('register-1', sale([line('10.00')], ['kontant', '10.00'])).seq;
    const insertLine = (groupId: string | null, vatRate: number, vatOre: number) =>
      db.prepare('INSERT INTO sale_lines (sale_seq, line_no, description, quantity, unit_price_ore, vat_rate_bp, line_total_ore, vat_ore, group_id) VALUES (?, 9, ?, 1, 100, ?, 100, ?, ?)').run(seq, 'x', vatRate, vatOre, groupId);
    expect(() => insertLine(null, 2500, 20)).toThrow(/names its product group/);
    expect(() => insertLine('varer', 0, 0)).toThrow(/names its product group/);
    expect(() => insertLine(gift.id, 0, 5)).toThrow(/gift card carries no VAT/);
    expect(() => db.prepare("INSERT INTO sale_tips (sale_seq, payment_type_id, register_id, tip_ore) VALUES (?, 'kontant', 'register-1', 100)").run(seq)).toThrow(/card or mobile payment/);
    expect(() => db.prepare("UPDATE product_groups SET vat_rate_bp = 0 WHERE id = 'varer'").run()).toThrow(/cannot change once created/);
    expect(() => db.prepare("DELETE FROM product_groups WHERE id = 'varer'").run()).toThrow(/never deleted/);
  });
});
