// [2.4] item 4, "Byttepenge ved start": the day opened with a count of the drawer, before its first sale,
// prefilled with the float the previous report carried over. A difference found there is its own figure: it
// moves the expected cash, shows on the report and is posted apart from the difference found at close. The
// database keeps the rules too (one count per period, only the open period, only the carried float).
import { describe, expect, it } from 'vitest';
import { closeRequest, codeOf, kr, line, rowCounts, sale, testTill } from '../support/db-fixtures';
import type { TillDatabase } from '../../electron/db/connection';

const R = 'register-1';
const openingRows = (db: TillDatabase) => (db.prepare('SELECT COUNT(*) AS n FROM opening_counts').get() as { n: number }).n;

describe('opening the day with a count', () => {
  it('records the count once; the difference moves the expected cash and is kept on the report', () => {
    const { clock, service } = testTill();
    // Yesterday closed with 1,000.00 left in the drawer.
    service.recordSale(R, sale([line('1000.00')], ['kontant', '1000.00']));
    const yesterday = service.closeDay(closeRequest({ countedCashOre: kr('1000.00') }));
    expect(yesterday).toMatchObject({ closingFloatOre: kr('1000.00'), openingCountedOre: null, openingDifferenceOre: 0 });

    clock.advance(12 * 3_600_000);
    expect(service.openingCount(R)).toBeNull();
    const count = service.countOpening({ registerId: R, countedOre: kr('995.50') });
    expect(count).toMatchObject({ afterReportNumber: 1, carriedOre: kr('1000.00'), countedOre: kr('995.50'), differenceOre: kr('-4.50'), createdAt: '2026-11-28T21:00:00.000Z', cashierName: null });
    expect(service.openingCount(R)).toEqual(count);

    const open = service.previewOpenPeriod(R);
    expect(open.aggregates.openingCountedOre).toBe(kr('995.50'));
    expect(open).toMatchObject({ openingFloatOre: kr('1000.00'), openingDifferenceOre: kr('-4.50'), expectedCashOre: kr('995.50'), isEmpty: false });

    service.recordSale(R, sale([line('20.00')], ['kontant', '20.00']));
    const today = service.closeDay(closeRequest({ countedCashOre: kr('1015.50') }));
    expect(today).toMatchObject({ openingFloatOre: kr('1000.00'), openingCountedOre: kr('995.50'), openingDifferenceOre: kr('-4.50'), expectedCashOre: kr('1015.50'), differenceOre: 0 });
    expect(service.getReport(today.id)).toEqual(today);
    // The next period has no count of its own yet.
    expect(service.openingCount(R)).toBeNull();
  });

  it('a day opened with a count and nothing else closes without the empty-day confirmation', () => {
    const { service } = testTill();
    service.countOpening({ registerId: R, countedOre: kr('500.00') });
    const report = service.closeDay(closeRequest({ countedCashOre: kr('500.00') }));
    expect(report).toMatchObject({ number: 1, openingFloatOre: 0, openingDifferenceOre: kr('500.00'), expectedCashOre: kr('500.00'), closingFloatOre: kr('500.00'), periodStart: '2026-11-28T09:00:00.000Z' });
  });

  it('refuses a second count, a count after the first sale or movement, and a bad amount, changing nothing', () => {
    const { db, service } = testTill();
    service.countOpening({ registerId: R, countedOre: kr('100.00') });
    let rows = { ...rowCounts(db), opening: openingRows(db) };
    expect(codeOf(() => service.countOpening({ registerId: R, countedOre: kr('100.00') }))).toBe('day_already_opened');
    expect({ ...rowCounts(db), opening: openingRows(db) }).toEqual(rows);

    // After a close the next period is open; a sale first, then the count comes too late.
    service.closeDay(closeRequest({ countedCashOre: kr('100.00') }));
    service.recordSale(R, sale([line('5.00')], ['kontant', '5.00']));
    rows = { ...rowCounts(db), opening: openingRows(db) };
    expect(codeOf(() => service.countOpening({ registerId: R, countedOre: kr('100.00') }))).toBe('day_already_started');
    service.closeDay(closeRequest({ countedCashOre: kr('105.00') }));
    service.recordCashMovement({ registerId: R, direction: 'from_bank', amountOre: kr('50.00'), note: 'veksel' });
    expect(codeOf(() => service.countOpening({ registerId: R, countedOre: kr('155.00') }))).toBe('day_already_started');
    service.closeDay(closeRequest({ countedCashOre: kr('155.00') }));

    for (const countedOre of [-1, 1.5, Number.NaN, 2 ** 60]) {
      expect(codeOf(() => service.countOpening({ registerId: R, countedOre }))).toBe('invalid_cash_count');
    }
    expect(codeOf(() => service.countOpening({ registerId: '', countedOre: 0 }))).toBe('invalid_input');
    expect(openingRows(db)).toBe(1);
  });

  it('starts from the latest correction of the previous count', () => {
    const { service } = testTill();
    service.recordSale(R, sale([line('300.00')], ['kontant', '300.00']));
    const report = service.closeDay(closeRequest({ countedCashOre: kr('3.00') }));
    service.correctCount({ registerId: R, reportId: report.id, countedCashOre: kr('300.00'), cashToBankAtCloseOre: kr('200.00'), reason: 'Tastefejl' });
    expect(service.countOpening({ registerId: R, countedOre: kr('100.00') })).toMatchObject({ carriedOre: kr('100.00'), differenceOre: 0 });
  });

  it('the database refuses a count of a closed period, a wrong carried float, a change and a deletion', () => {
    const { db, service } = testTill();
    service.recordSale(R, sale([line('40.00')], ['kontant', '40.00']));
    service.closeDay(closeRequest({ countedCashOre: kr('40.00') }));
    const insert = db.prepare(`INSERT INTO opening_counts (id, register_id, after_report_number, created_at, carried_ore, counted_ore)
                               VALUES (?, ?, ?, '2026-11-28T10:00:00.000Z', ?, ?)`);
    expect(() => insert.run('a', R, 0, 0, 100)).toThrow(/only the open period/);
    expect(() => insert.run('b', R, 1, 0, 100)).toThrow(/carried-over float/);
    insert.run('c', R, 1, 4000, 4100);
    expect(() => insert.run('d', R, 1, 4000, 4100)).toThrow(/UNIQUE/);
    expect(() => db.prepare('UPDATE opening_counts SET counted_ore = 4000').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM opening_counts').run()).toThrow(/append-only/);
    // A report's opening difference must be its count − its float.
    expect(() => db.prepare('UPDATE daily_reports SET opening_counted_ore = 1').run()).toThrow(/append-only/);
  });
});
