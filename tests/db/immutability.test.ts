// The database itself refuses to rewrite history: no UPDATE or DELETE of sales, their rows, cash movements or
// closed reports, no sale row that breaks the running totals, no report number out of sequence.
import { describe, expect, it } from 'vitest';
import { ore } from '../../shared/money/ore';
import { createTransferRepo } from '../../electron/db/transfers.repo';
import { newTransferRow } from '../../electron/db/transfers.repo';
import { reportVoucher } from '../../shared/dinero/voucher';
import { transferStateSchema } from '../../shared/ipc/transfer.schemas';
import { closeRequest, kr, line, rowCounts, sale, testTill } from '../support/db-fixtures';

function tillWithClosedDay() {
  const till = testTill();
  const { service, clock } = till;
  service.recordCashMovement({ registerId: 'register-1', direction: 'from_bank', amountOre: kr('1500.00'), note: 'Byttepenge' });
  clock.advance(60_000);
  const recorded = service.recordSale('register-1', sale([line('49.95', 2), line('20.00', -1)], ['kontant', '80.00']));
  clock.advance(60_000);
  const report = service.closeDay(closeRequest({ countedCashOre: kr('1580.00'), cashToBankAtCloseOre: kr('80.00') }));
  return { ...till, recorded, report };
}

const REFUSED = /append-only: (UPDATE|DELETE) refused/;

describe('immutability enforced by triggers', () => {
  const statements: Array<[table: string, update: string]> = [
    ['sales', 'UPDATE sales SET total_ore = 0'],
    ['sale_lines', 'UPDATE sale_lines SET description = ?'],
    ['sale_vat_totals', 'UPDATE sale_vat_totals SET sales_ore = 0'],
    ['sale_payments', 'UPDATE sale_payments SET amount_ore = 1'],
    ['cash_movements', 'UPDATE cash_movements SET note = ?'],
    ['daily_reports', 'UPDATE daily_reports SET counted_cash_ore = 0'],
    ['daily_report_vat_totals', 'UPDATE daily_report_vat_totals SET sales_ore = 0'],
    ['daily_report_payments', 'UPDATE daily_report_payments SET amount_ore = 0'],
  ];

  it.each(statements)('refuses UPDATE and DELETE on %s and leaves the rows as they were', (table, update) => {
    const { db } = tillWithClosedDay();
    const before = db.prepare(`SELECT * FROM ${table}`).all();
    expect(before.length).toBeGreaterThan(0);
    const params = update.includes('?') ? ['rewritten'] : [];
    expect(() => db.prepare(update).run(...params)).toThrow(REFUSED);
    expect(() => db.prepare(`DELETE FROM ${table}`).run()).toThrow(REFUSED);
    expect(db.prepare(`SELECT * FROM ${table}`).all()).toEqual(before);
  });

  it('keeps a closed report readable exactly as it was closed', () => {
    const { db, service, report } = tillWithClosedDay();
    expect(() => db.prepare('DELETE FROM daily_reports WHERE id = ?').run(report.id)).toThrow(REFUSED);
    expect(service.getReport(report.id)).toEqual(report);
  });

  it('refuses a sale row whose running totals do not continue the register’s previous sale', () => {
    const { db } = tillWithClosedDay();
    const before = rowCounts(db);
    const insert = db.prepare(
      `INSERT INTO sales (id, register_id, created_at, kind, total_ore, cash_due_ore, cash_paid_ore, rounding_ore, source,
                          external_id, running_sale_count, running_return_count, running_rounding_ore)
       VALUES ('forged', 'register-1', '2026-11-28T12:00:00.000Z', 'sale', 1000, 0, 0, 0, 'register', NULL, ?, 0, ?)`,
    );
    // The previous sale has running count 1 (and rounding 0.10 kr); the forged row claims to be the first.
    expect(() => insert.run(1, 0)).toThrow(/continue its running totals/);
    expect(rowCounts(db)).toEqual(before);
  });

  it('refuses a payment row filed under another register than its sale', () => {
    const { db, recorded } = tillWithClosedDay();
    expect(() =>
      db
        .prepare(
          `INSERT INTO sale_payments (sale_seq, payment_type_id, register_id, amount_ore, running_amount_ore, running_count)
           VALUES (?, 'dankort', 'register-2', 100, 100, 1)`,
        )
        .run(recorded.seq),
    ).toThrow(/must belong to its sale's register/);
  });

  it('refuses a report number that skips or repeats one', () => {
    const { db, report } = tillWithClosedDay();
    const copy = db.prepare('SELECT * FROM daily_reports WHERE id = ?').get(report.id) as Record<string, unknown>;
    const insert = (number: number, id: string) => {
      const row = { ...copy, id, number };
      const columns = Object.keys(row);
      db.prepare(`INSERT INTO daily_reports (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(row);
    };
    expect(() => insert(3, 'skip')).toThrow(/number must follow/);
    expect(() => insert(1, 'repeat')).toThrow(/number must follow/);
    expect(db.prepare('SELECT number FROM daily_reports').all()).toEqual([{ number: 1 }]);
  });

  it('refuses changing the kind of a payment type, which would rewrite which takings were cash', () => {
    const { db } = tillWithClosedDay();
    expect(() => db.prepare("UPDATE payment_types SET kind = 'card' WHERE id = 'kontant'").run()).toThrow(/cannot change/);
    expect(db.prepare("SELECT kind FROM payment_types WHERE id = 'kontant'").get()).toEqual({ kind: 'cash' });
  });

  it('refuses a cash movement of zero or a negative amount at the database level too', () => {
    const { db } = tillWithClosedDay();
    const insert = db.prepare(
      `INSERT INTO cash_movements (id, register_id, created_at, direction, amount_ore, note)
       VALUES ('m', 'register-1', '2026-11-28T12:00:00.000Z', 'to_bank', ?, '')`,
    );
    expect(() => insert.run(ore(0))).toThrow(/CHECK constraint failed/);
    expect(() => insert.run(-100)).toThrow(/CHECK constraint failed/);
  });
});

describe('the outbox accepts exactly the contract\'s transfer states', () => {
  it('every state of the contract can be stored, and anything else is refused by the database', () => {
    const { db, report } = tillWithClosedDay();
    const repo = createTransferRepo(db);
    repo.insert(newTransferRow(reportVoucher(report), 412345, '00000000-0000-4000-8000-0000000000aa', '2026-11-28T10:00:00.000Z'));
    for (const state of transferStateSchema.options) {
      const question = state === 'needs_answer' ? { code: 'other_id' as const, params: { itemId: 'x' } } : null;
      expect(() => repo.update(report.id, { state, question }, '2026-11-28T10:00:00.000Z'), state).not.toThrow();
      expect(repo.get(report.id)?.state).toBe(state);
    }
    expect(() => repo.update(report.id, { state: 'lost' as never, question: null }, '2026-11-28T10:00:00.000Z')).toThrow(/CHECK constraint/);
    // A question goes with needs_answer and nothing else.
    expect(() => repo.update(report.id, { state: 'queued', question: { code: 'other_id', params: {} } }, '2026-11-28T10:00:00.000Z')).toThrow(/CHECK constraint/);
  });
});
