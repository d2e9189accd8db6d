// [2.3] item 4, "Ret optælling": the latest report's count is corrected by a numbered, immutable record; the
// difference and the next opening float follow from it; only the latest report can be corrected (the database
// refuses the rest too). What its voucher posts: tests/postings/correction-item.property.test.ts.
import { describe, expect, it } from 'vitest';
import { closeRequest, kr, line, rowCounts, sale, testTill, codeOf } from '../support/db-fixtures';

const R = 'register-1';

describe('correcting the count of the latest report', () => {
  it('records numbered corrections; the difference and the next opening float follow from the latest', () => {
    const { clock, db, service } = testTill();
    service.recordSale(R, sale([line('300.00')], ['kontant', '300.00']));
    // Counted 3.00 for 300.00 (a typo), 0 to the bank.
    const report = service.closeDay(closeRequest({ countedCashOre: kr('3.00') }));
    expect(report).toMatchObject({ expectedCashOre: kr('300.00'), differenceOre: kr('-297.00'), closingFloatOre: kr('3.00') });

    clock.advance(600_000);
    const first = service.correctCount({ registerId: R, reportId: report.id, countedCashOre: kr('300.00'), cashToBankAtCloseOre: kr('200.00'), reason: ' Tastefejl ved optælling ' });
    expect(first.correction).toMatchObject({ number: 1, reportId: report.id, reason: 'Tastefejl ved optælling', countedCashOre: kr('300.00'), cashToBankAtCloseOre: kr('200.00'), differenceOre: 0, closingFloatOre: kr('100.00'), createdAt: '2026-11-28T09:10:00.000Z' });
    expect(first.report).toMatchObject({ countedCashOre: kr('300.00'), differenceOre: 0, closingFloatOre: kr('100.00'), expectedCashOre: kr('300.00') });
    expect(first.transfer).toBeNull(); // the report itself was not sent to Dinero

    // The report as closed is untouched; the next period starts from the corrected float.
    expect(service.getReport(report.id)).toEqual(report);
    expect(service.previewOpenPeriod(R).openingFloatOre).toBe(kr('100.00'));

    const second = service.correctCount({ registerId: R, reportId: report.id, countedCashOre: kr('299.50'), cashToBankAtCloseOre: kr('200.00'), reason: 'Talt igen' });
    expect(second.correction).toMatchObject({ number: 2, differenceOre: kr('-0.50'), closingFloatOre: kr('99.50') });
    expect(service.listCorrections(report.id).map((c) => c.number)).toEqual([1, 2]);
    expect(service.listReports(R)[0]).toMatchObject({ correctionCount: 2 });

    const rows = rowCounts(db);
    expect(codeOf(() => service.correctCount({ registerId: R, reportId: report.id, countedCashOre: kr('299.50'), cashToBankAtCloseOre: kr('200.00'), reason: 'igen' }))).toBe('correction_unchanged');
    expect(codeOf(() => service.correctCount({ registerId: R, reportId: report.id, countedCashOre: kr('10.00'), cashToBankAtCloseOre: kr('20.00'), reason: 'x' }))).toBe('invalid_cash_count');
    expect(codeOf(() => service.correctCount({ registerId: R, reportId: report.id, countedCashOre: -1, cashToBankAtCloseOre: 0, reason: 'x' }))).toBe('invalid_cash_count');
    expect(codeOf(() => service.correctCount({ registerId: R, reportId: report.id, countedCashOre: 1.5, cashToBankAtCloseOre: 0, reason: 'x' }))).toBe('invalid_cash_count');
    expect(codeOf(() => service.correctCount({ registerId: R, reportId: report.id, countedCashOre: kr('1.00'), cashToBankAtCloseOre: 0, reason: ' ' }))).toBe('invalid_input');
    expect(codeOf(() => service.correctCount({ registerId: 'register-2', reportId: report.id, countedCashOre: kr('1.00'), cashToBankAtCloseOre: 0, reason: 'x' }))).toBe('not_found');
    expect(rowCounts(db)).toEqual(rows);

    // The next close continues from the latest correction's float.
    service.recordSale(R, sale([line('10.00')], ['kontant', '10.00']));
    expect(service.closeDay(closeRequest({ countedCashOre: kr('109.50') }))).toMatchObject({ openingFloatOre: kr('99.50'), expectedCashOre: kr('109.50'), differenceOre: 0 });
  });

  it('only the latest report: an older one is refused with the reason, by the service and by the database', () => {
    const { db, service } = testTill();
    const older = service.closeDay(closeRequest({ countedCashOre: 0, confirmEmptyDay: true }));
    service.closeDay(closeRequest({ countedCashOre: 0, confirmEmptyDay: true }));
    const rows = rowCounts(db);
    expect(codeOf(() => service.correctCount({ registerId: R, reportId: older.id, countedCashOre: kr('5.00'), cashToBankAtCloseOre: 0, reason: 'for sent' }))).toBe('report_not_latest');
    expect(() =>
      db.prepare(`INSERT INTO report_corrections (id, report_id, number, created_at, reason, counted_cash_ore, cash_to_bank_at_close_ore, difference_ore, closing_float_ore)
                  VALUES ('c', ?, 1, '2026-11-28T10:00:00.000Z', 'x', 500, 0, 500, 500)`).run(older.id),
    ).toThrow(/only the latest report/);
    expect(rowCounts(db)).toEqual(rows);
  });

  it('corrections are append-only and their arithmetic is checked by the database', () => {
    const { db, service } = testTill();
    const report = service.closeDay(closeRequest({ countedCashOre: 0, confirmEmptyDay: true }));
    const insert = (number: number, difference: number) =>
      db.prepare(`INSERT INTO report_corrections (id, report_id, number, created_at, reason, counted_cash_ore, cash_to_bank_at_close_ore, difference_ore, closing_float_ore)
                  VALUES (?, ?, ?, '2026-11-28T10:00:00.000Z', 'x', 500, 0, ?, 500)`).run(`c${number}`, report.id, number, difference);
    expect(() => insert(2, 500)).toThrow(/follow the report's last correction/);
    expect(() => insert(1, 499)).toThrow(/corrected count less the expected cash/);
    service.correctCount({ registerId: R, reportId: report.id, countedCashOre: kr('5.00'), cashToBankAtCloseOre: 0, reason: 'fundet' });
    expect(() => db.prepare("UPDATE report_corrections SET reason = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM report_corrections').run()).toThrow(/append-only/);
  });
});
