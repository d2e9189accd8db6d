// Closing the day: periods defined by sequence numbers, the float carried from one report to the next, the
// business date, the register's first activity, registers kept apart, and the in-transaction hook.
import { describe, expect, it } from 'vitest';
import { closeRequest, kr, line, rowCounts, sale, SHOP_MORNING_MS, testTill } from '../support/db-fixtures';

const HOUR = 3_600_000;

describe('closeDay', () => {
  it('puts a sale made after a close into the next report and carries the closing float over', () => {
    const { service, clock } = testTill();
    service.recordCashMovement({ registerId: 'register-1', direction: 'from_bank', amountOre: kr('1000.00'), note: 'Byttepenge' });
    clock.advance(HOUR);
    service.recordSale('register-1', sale([line('99.95')], ['kontant', '100.00']));
    clock.advance(HOUR);
    const first = service.closeDay(closeRequest({ countedCashOre: kr('1099.50'), cashToBankAtCloseOre: kr('99.50') }));
    expect(first).toMatchObject({
      number: 1,
      saleCount: 1,
      openingFloatOre: 0,
      cashSalesOre: kr('100.00'),
      cashFromBankOre: kr('1000.00'),
      expectedCashOre: kr('1100.00'),
      differenceOre: kr('-0.50'),
      roundingOre: kr('0.05'),
      closingFloatOre: kr('1000.00'),
    });

    clock.advance(HOUR);
    service.recordSale('register-1', sale([line('20.00', 2)], ['dankort', '40.00']));
    clock.advance(HOUR);
    const second = service.closeDay(closeRequest({ countedCashOre: kr('1000.00') }));
    expect(second).toMatchObject({
      number: 2,
      saleCount: 1,
      grossSalesOre: kr('40.00'),
      openingFloatOre: kr('1000.00'),
      cashSalesOre: 0,
      expectedCashOre: kr('1000.00'),
      differenceOre: 0,
      periodStart: first.periodEnd,
    });
    expect(second.payments).toEqual([
      { paymentTypeId: 'dankort', name: 'Dankort', kind: 'card', accountNumber: null, amountOre: kr('40.00'), count: 1 },
    ]);
  });

  it('starts the first report at the register’s first activity and ends each at its close', () => {
    const { service, clock } = testTill();
    clock.set(SHOP_MORNING_MS);
    service.recordSale('register-1', sale([line('10.00')], ['mobilepay', '10.00']));
    clock.set(SHOP_MORNING_MS + 8 * HOUR);
    const report = service.closeDay(closeRequest());
    expect(report.periodStart).toBe('2026-11-28T09:00:00.000Z');
    expect(report.periodEnd).toBe('2026-11-28T17:00:00.000Z');
    expect(report.closedAt).toBe(report.periodEnd);
  });

  it('keeps the sequence as the period boundary when the clock jumps backwards', () => {
    const { service, clock } = testTill();
    service.recordSale('register-1', sale([line('10.00')], ['dankort', '10.00']));
    clock.advance(HOUR);
    const first = service.closeDay(closeRequest());
    clock.advance(-5 * HOUR); // the PC's clock is corrected backwards after the close
    service.recordSale('register-1', sale([line('30.00')], ['dankort', '30.00']));
    const second = service.closeDay(closeRequest());
    expect(first.grossSalesOre).toBe(kr('10.00'));
    expect(second.grossSalesOre).toBe(kr('30.00'));
    expect(second.saleCount).toBe(1);
    expect(service.getReport(first.id)?.grossSalesOre).toBe(kr('10.00'));
  });

  it('dates a close after midnight but before the day-change hour to the previous business day', () => {
    const { service, clock } = testTill();
    service.recordSale('register-1', sale([line('10.00')], ['dankort', '10.00']));
    clock.set(Date.UTC(2026, 10, 29, 0, 30)); // 01:30 in Copenhagen on the 29th
    expect(service.closeDay(closeRequest({ dayChangeHour: 4 })).businessDate).toBe('2026-11-28');
    service.recordSale('register-1', sale([line('10.00')], ['dankort', '10.00']));
    expect(service.closeDay(closeRequest({ dayChangeHour: 0 })).businessDate).toBe('2026-11-29');
  });

  it('keeps registers apart: numbers, periods and totals are per register', () => {
    const { service } = testTill();
    service.recordSale('register-1', sale([line('10.00')], ['dankort', '10.00']));
    service.recordSale('register-2', sale([line('77.00')], ['kontant', '77.00']));
    const r1 = service.closeDay(closeRequest({ registerId: 'register-1' }));
    service.recordSale('register-1', sale([line('5.00')], ['dankort', '5.00']));
    const r2 = service.closeDay(closeRequest({ registerId: 'register-2', registerName: 'Kasse 2', countedCashOre: kr('77.00') }));
    expect(r1).toMatchObject({ number: 1, grossSalesOre: kr('10.00'), cashSalesOre: 0 });
    expect(r2).toMatchObject({ number: 1, registerName: 'Kasse 2', grossSalesOre: kr('77.00'), cashSalesOre: kr('77.00') });
    expect(service.previewOpenPeriod('register-1')).toMatchObject({ nextNumber: 2, grossSalesOre: kr('5.00') });
    expect(service.listReports().map((r) => r.registerId)).toEqual(['register-2', 'register-1']);
  });

  it('shows the same totals in the preview as the close then writes, and an empty period after it', () => {
    const { service, clock } = testTill();
    service.recordCashMovement({ registerId: 'register-1', direction: 'from_bank', amountOre: kr('500.00'), note: '' });
    service.recordSale('register-1', sale([line('45.00', 3), line('12.00', -1, 0, 'Avis retur')], ['kontant', '61.50'], ['dankort', '61.50']));
    service.recordCashMovement({ registerId: 'register-1', direction: 'to_bank', amountOre: kr('100.00'), note: 'Til bank' });
    const preview = service.previewOpenPeriod('register-1');
    clock.advance(HOUR);
    const report = service.closeDay(closeRequest({ countedCashOre: preview.expectedCashOre }));
    expect(report).toMatchObject({
      saleCount: preview.aggregates.saleCount,
      vatTotals: preview.vatTotals,
      payments: preview.aggregates.payments,
      roundingOre: preview.aggregates.roundingOre,
      cashFromBankOre: kr('500.00'),
      cashToBankDuringDayOre: kr('100.00'),
      expectedCashOre: preview.expectedCashOre,
      differenceOre: 0,
    });
    expect(service.previewOpenPeriod('register-1')).toMatchObject({
      nextNumber: 2,
      isEmpty: true,
      openingFloatOre: report.closingFloatOre,
      expectedCashOre: report.closingFloatOre,
      periodStart: report.periodEnd,
    });
  });

  it('runs the hook inside the transaction: it sees the report, and its throw rolls the report back', () => {
    const { service, db } = testTill();
    service.recordSale('register-1', sale([line('10.00')], ['dankort', '10.00']));
    const before = rowCounts(db);
    let seenInside = 0;
    expect(() =>
      service.closeDay(closeRequest(), {
        withinTransaction: (tx, report) => {
          seenInside = (tx.prepare('SELECT COUNT(*) AS n FROM daily_reports WHERE id = ?').get(report.id) as { n: number }).n;
          throw new Error('outbox insert failed');
        },
      }),
    ).toThrow('outbox insert failed');
    expect(seenInside).toBe(1);
    expect(rowCounts(db)).toEqual(before);
    expect(service.closeDay(closeRequest()).number).toBe(1);
  });

  it('refuses an async hook, whose awaited part would run after the commit, and saves nothing', () => {
    const { service, db } = testTill();
    service.recordSale('register-1', sale([line('10.00')], ['dankort', '10.00']));
    const before = rowCounts(db);
    expect(() => service.closeDay(closeRequest(), { withinTransaction: async () => {} })).toThrow(/must be synchronous/);
    expect(rowCounts(db)).toEqual(before);
  });

  it('pages the report list by number, header columns only', () => {
    const { service } = testTill();
    for (let i = 0; i < 5; i++) service.closeDay(closeRequest({ confirmEmptyDay: true }));
    expect(service.listReports('register-1', { limit: 2 }).map((r) => r.number)).toEqual([5, 4]);
    expect(service.listReports('register-1', { limit: 2, beforeNumber: 4 }).map((r) => r.number)).toEqual([3, 2]);
    const [header] = service.listReports('register-1', { limit: 1 });
    expect(Object.keys(header ?? {})).not.toContain('payments');
    expect(header?.emptyDayConfirmed).toBe(true);
    expect(service.getReport('no-such-report')).toBeNull();
  });
});
