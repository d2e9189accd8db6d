// Payment types: the shop's list, its order, names, Dinero accounts and deactivation; reports keep the name a
// type had when the day was closed.
import { describe, expect, it } from 'vitest';
import type { DataError } from '../../electron/db/data-error';
import { CodedError } from '../../shared/coded-error';
import { closeRequest, line, rowCounts, sale, testTill } from '../support/db-fixtures';

describe('payment types repository', () => {
  it('lists the seeded types in order and creates a new one at the end', () => {
    const { service } = testTill();
    const created = service.paymentTypes.create({ name: '  Gavekort ', kind: 'other' });
    expect(created).toEqual({ id: 'id-000001', name: 'Gavekort', kind: 'other', accountNumber: null, active: true, sortOrder: 4, giftCard: false });
    expect(service.paymentTypes.list().map((t) => t.name)).toEqual(['Kontant', 'Dankort', 'MobilePay', 'Gavekort']);
    expect(service.paymentTypes.get('dankort')?.kind).toBe('card');
    expect(service.paymentTypes.get('nope')).toBeUndefined();
  });

  it('renames, maps an account, deactivates and reorders', () => {
    const { service } = testTill();
    const types = service.paymentTypes;
    expect(types.rename('dankort', 'Dankort/Visa').name).toBe('Dankort/Visa');
    expect(types.setAccount('mobilepay', 56200).accountNumber).toBe(56200);
    expect(types.setAccount('mobilepay', null).accountNumber).toBeNull();
    expect(types.setActive('kontant', false).active).toBe(false);
    expect(types.reorder(['mobilepay', 'dankort', 'kontant']).map((t) => [t.id, t.sortOrder])).toEqual([
      ['mobilepay', 1],
      ['dankort', 2],
      ['kontant', 3],
    ]);
  });

  it('refuses bad input with a clear error and changes nothing', () => {
    const { service, db } = testTill();
    const types = service.paymentTypes;
    const before = { rows: rowCounts(db), list: types.list() };
    const attempts: Array<[() => unknown, string, RegExp]> = [
      [() => types.create({ name: '', kind: 'card' }), 'invalid_input', /name is empty/],
      [() => types.create({ name: 'Check', kind: 'cheque' as 'card' }), 'invalid_input', /kind/],
      [() => types.create({ name: 'dankort', kind: 'card' }), 'conflict', /already has that name/],
      [() => types.rename('dankort', 'x'.repeat(41)), 'invalid_input', /longer than 40/],
      [() => types.rename('ghost', 'Ghost'), 'not_found', /Unknown payment type "ghost"/],
      [() => types.setAccount('dankort', 0), 'invalid_input', /account number/],
      [() => types.setAccount('dankort', 12.5), 'invalid_input', /account number/],
      [() => types.reorder(['dankort', 'kontant']), 'invalid_input', /every payment type exactly once/],
      [() => types.reorder(['dankort', 'dankort', 'kontant']), 'invalid_input', /exactly once/],
    ];
    for (const [attempt, code, message] of attempts) {
      expect(attempt).toThrow(CodedError);
      expect(attempt).toThrow(message);
      try {
        attempt();
      } catch (error) {
        expect(error as DataError).toMatchObject({ domain: 'data', code });
      }
    }
    expect({ rows: rowCounts(db), list: types.list() }).toEqual(before);
  });

  it('keeps the name a type had at the close in the report after a rename', () => {
    const { service } = testTill();
    service.recordSale('register-1', sale([line('10.00')], ['dankort', '10.00']));
    const report = service.closeDay(closeRequest());
    service.paymentTypes.rename('dankort', 'Betalingskort');
    expect(service.getReport(report.id)?.payments[0]?.name).toBe('Dankort');
  });
});
