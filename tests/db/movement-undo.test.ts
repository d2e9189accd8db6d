// [2.3] item 3: a cash movement of the open period can be undone, once, with a reason. The movement stays (the
// table is append-only); a linked reversal takes it out of the period's totals, so it counts in neither
// direction. A movement a closed report has counted cannot be undone, by the service or by the database.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ore } from '../../shared/money/ore';
import { closeRequest, kr, line, rowCounts, sale, testTill, codeOf } from '../support/db-fixtures';

const move = (direction: 'to_bank' | 'from_bank', amount: string, note = '') => ({ registerId: 'register-1', direction, amountOre: kr(amount), note });

describe('undoing a cash movement', () => {
  it('takes the movement out of the open period in both directions, keeps it listed with the reason, once only', () => {
    const { clock, db, service } = testTill();
    service.recordCashMovement(move('from_bank', '1000.00', 'Byttepenge'));
    service.recordSale('register-1', sale([line('500.00')], ['kontant', '500.00']));
    const typo = service.recordCashMovement(move('to_bank', '100000.00', 'Til banken'), { limitOre: Number.MAX_SAFE_INTEGER, confirmed: true });
    expect(service.previewOpenPeriod('register-1')).toMatchObject({ aggregates: { cashToBankDuringDayOre: kr('100000.00') }, expectedCashOre: kr('-98500.00') });
    clock.advance(60_000);
    const undone = service.undoCashMovement({ registerId: 'register-1', id: typo.id, reason: ' Tastefejl, skulle være 1.000 ' });
    expect(undone).toMatchObject({ id: typo.id, amountOre: kr('100000.00'), undone: { reason: 'Tastefejl, skulle være 1.000' } });
    expect(service.previewOpenPeriod('register-1')).toMatchObject({ aggregates: { cashToBankDuringDayOre: 0, cashFromBankOre: kr('1000.00') }, expectedCashOre: kr('1500.00') });
    expect(service.listOpenMovements('register-1', 10).map((m) => [m.note, m.undone?.reason ?? null])).toEqual([['Til banken', 'Tastefejl, skulle være 1.000'], ['Byttepenge', null]]);

    const before = rowCounts(db);
    expect(codeOf(() => service.undoCashMovement({ registerId: 'register-1', id: typo.id, reason: 'igen' }))).toBe('movement_already_undone');
    expect(codeOf(() => service.undoCashMovement({ registerId: 'register-1', id: 'nope', reason: 'x' }))).toBe('not_found');
    expect(codeOf(() => service.undoCashMovement({ registerId: 'register-2', id: typo.id, reason: 'x' }))).toBe('not_found');
    expect(codeOf(() => service.undoCashMovement({ registerId: 'register-1', id: typo.id, reason: '  ' }))).toBe('invalid_input');
    expect(rowCounts(db)).toEqual(before);

    // The report counts the period without it; the day's movement to the bank is the real one.
    service.recordCashMovement(move('to_bank', '1000.00', 'Til banken'));
    const report = service.closeDay(closeRequest({ countedCashOre: kr('500.00') }));
    expect(report).toMatchObject({ cashToBankDuringDayOre: kr('1000.00'), cashFromBankOre: kr('1000.00'), expectedCashOre: kr('500.00'), differenceOre: 0 });
    expect(service.listOpenMovements('register-1', 10)).toEqual([]);
  });

  it('cannot undo a movement a closed report has counted, not even by writing to the database', () => {
    const { db, service } = testTill();
    const m = service.recordCashMovement(move('from_bank', '200.00'));
    service.closeDay(closeRequest({ countedCashOre: kr('200.00') }));
    const before = rowCounts(db);
    expect(codeOf(() => service.undoCashMovement({ registerId: 'register-1', id: m.id, reason: 'for sent' }))).toBe('movement_in_closed_report');
    expect(() => db.prepare("INSERT INTO cash_movement_reversals (movement_seq, id, created_at, reason) VALUES (?, 'x', '2026-11-28T10:00:00.000Z', 'y')").run(m.seq)).toThrow(/closed report/);
    expect(rowCounts(db)).toEqual(before);
  });

  it('the reversal record is append-only', () => {
    const { db, service } = testTill();
    const m = service.recordCashMovement(move('from_bank', '200.00'));
    service.undoCashMovement({ registerId: 'register-1', id: m.id, reason: 'fejl' });
    expect(() => db.prepare("UPDATE cash_movement_reversals SET reason = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM cash_movement_reversals').run()).toThrow(/append-only/);
  });

  it('for any movements and undos, the drawer equation holds: expected = float + cash sales + from − to of what is not undone', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ direction: fc.constantFrom('to_bank' as const, 'from_bank' as const), amount: fc.integer({ min: 1, max: 500_000 }), undo: fc.boolean() }), { maxLength: 15 }),
        (steps) => {
          const { db, service } = testTill();
          service.recordSale('register-1', sale([line('250.00')], ['kontant', '250.00']));
          let from = 0;
          let to = 0;
          for (const s of steps) {
            const m = service.recordCashMovement({ registerId: 'register-1', direction: s.direction, amountOre: ore(s.amount), note: '' });
            if (s.undo) service.undoCashMovement({ registerId: 'register-1', id: m.id, reason: 'fejl' });
            else if (s.direction === 'to_bank') to += s.amount;
            else from += s.amount;
          }
          const open = service.previewOpenPeriod('register-1');
          expect(open).toMatchObject({ aggregates: { cashFromBankOre: from, cashToBankDuringDayOre: to }, expectedCashOre: 25_000 + from - to });
          const report = service.closeDay(closeRequest({ countedCashOre: Math.max(0, 25_000 + from - to) }));
          expect(report.expectedCashOre).toBe(25_000 + from - to);
          db.close();
        },
      ),
      { numRuns: 40 },
    );
  });
});
