// Recording and reading sales: what is stored is what the domain evaluated, read back with names; recent
// sales per register, newest first; imported sales keep the id they had in the other till.
import { describe, expect, it } from 'vitest';
import { kr, line, sale, testTill } from '../support/db-fixtures';

describe('sales repository', () => {
  it('stores a split card + cash sale with its rounding and reads it back as recorded', () => {
    const { service, clock } = testTill();
    const recorded = service.recordSale('register-1', sale([line('49.95', 3, 2500, 'Kanelsnegl'), line('25.00', 1, 0, 'Avis')], ['dankort', '100.00'], ['kontant', '75.00']));
    expect(recorded).toMatchObject({
      id: 'id-000001',
      seq: 1,
      registerId: 'register-1',
      createdAt: new Date(clock.now()).toISOString(),
      source: 'register',
      externalId: null,
      kind: 'sale',
      totalOre: kr('174.85'),
      cashDueOre: kr('74.85'),
      cashPaidOre: kr('75.00'),
      roundingOre: kr('0.15'),
    });
    expect(recorded.lines).toEqual([
      { description: 'Kanelsnegl', quantity: 3, unitPriceOre: kr('49.95'), vatRateBp: 2500, groupId: 'varer', groupName: 'Varer', kind: 'goods', lineTotalOre: kr('149.85'), vatOre: kr('29.97'), refundedQuantity: 0 },
      { description: 'Avis', quantity: 1, unitPriceOre: kr('25.00'), vatRateBp: 0, groupId: 'momsfri', groupName: 'Momsfri varer', kind: 'goods', lineTotalOre: kr('25.00'), vatOre: 0, refundedQuantity: 0 },
    ]);
    expect(recorded).toMatchObject({ inOpenPeriod: true, voided: null, refundOf: null });
    expect(recorded.payments).toEqual([
      { paymentTypeId: 'kontant', name: 'Kontant', kind: 'cash', giftCard: false, amountOre: kr('75.00'), tipOre: 0 },
      { paymentTypeId: 'dankort', name: 'Dankort', kind: 'card', giftCard: false, amountOre: kr('100.00'), tipOre: 0 },
    ]);
    expect(service.getSale(recorded.id)).toEqual(recorded);
    expect(service.getSale('nope')).toBeNull();
  });

  it('records a refund as a return and lists recent sales per register, newest first', () => {
    const { service, clock } = testTill();
    const first = service.recordSale('register-1', sale([line('10.00')], ['mobilepay', '10.00']));
    clock.advance(1000);
    service.recordSale('register-2', sale([line('99.00')], ['dankort', '99.00']));
    clock.advance(1000);
    const refund = service.recordSale('register-1', sale([line('99.95', -1)], ['kontant', '-100.00']));
    expect(refund).toMatchObject({ kind: 'return', totalOre: kr('-99.95'), cashPaidOre: kr('-100.00'), roundingOre: kr('-0.05') });
    expect(service.listRecentSales('register-1', 10).map((s) => s.id)).toEqual([refund.id, first.id]);
    expect(service.listRecentSales('register-1', 1).map((s) => s.id)).toEqual([refund.id]);
    expect(() => service.listRecentSales('register-1', 0)).toThrow(/limit/);
  });

  it('keeps an imported sale’s id from the other till', () => {
    const { service } = testTill();
    const imported = service.recordSale('register-1', sale([line('20.00')], ['dankort', '20.00']), { source: 'import', externalId: 'pos-7:1042' });
    expect(service.getSale(imported.id)).toMatchObject({ source: 'import', externalId: 'pos-7:1042' });
  });
});
