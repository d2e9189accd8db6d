// Property: the X-report (reports.openPeriod, what the X-report screen shows) says exactly what the close of the
// same period then stores, figure for figure, through the contract on a real SQLite file; and reading it writes
// nothing (SQLite total_changes on the core's connection).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ore } from '../../shared/money/ore';
import { roundCashDue } from '../../shared/till/cash-rounding';
import { startAppHarness, type AppHarness } from '../support/app-harness';

const saleArb = fc.record({
  lines: fc.array(fc.record({
    description: fc.constantFrom('Kaffe', 'Avis', 'Pant'),
    quantity: fc.integer({ min: -2, max: 4 }).filter((q) => q !== 0),
    unitPriceOre: fc.integer({ min: 0, max: 50_000 }).map(ore),
    vatRateBp: fc.constantFrom(2500 as const, 2500 as const, 0 as const),
  }), { minLength: 1, maxLength: 3 }),
  pay: fc.constantFrom('kontant', 'dankort', 'mobilepay'),
  voided: fc.boolean(),
});
const dayArb = fc.record({
  sales: fc.array(saleArb, { maxLength: 6 }),
  fromBankOre: fc.integer({ min: 0, max: 100_000 }),
  deltaOre: fc.integer({ min: -3_000, max: 3_000 }),
});

/** The figures an X-report shows and a Z-report stores. */
const FIGURES = ['saleCount', 'returnCount', 'voidCount', 'voidedOre', 'vatTotals', 'grossSalesOre', 'returnsOre', 'netRevenueOre', 'payments', 'roundingOre',
  'openingFloatOre', 'cashSalesOre', 'cashFromBankOre', 'cashToBankDuringDayOre', 'expectedCashOre'] as const;

let h: AppHarness;
beforeAll(async () => {
  h = await startAppHarness();
});
afterAll(async () => h.close());

describe('X-report', () => {
  it('shows what the close of the same period stores, and reading it changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(dayArb, async (day) => {
        for (const sale of day.sales) {
          const total = sale.lines.reduce((sum, l) => sum + l.quantity * l.unitPriceOre, 0);
          const amount = sale.pay === 'kontant' ? roundCashDue(ore(total)) : ore(total);
          const recorded = await h.call('sales.record', { lines: sale.lines, payments: amount === 0 ? [] : [{ paymentTypeId: sale.pay, amountOre: amount }], confirmLargeAmount: true });
          if (sale.voided) await h.call('sales.void', { id: recorded.id, reason: 'Slået forkert' });
        }
        if (day.fromBankOre > 0) await h.call('cashMovements.record', { direction: 'from_bank', amountOre: ore(day.fromBankOre), note: '', confirm: true });
        const before = h.core.internals.totalChanges();
        const x = await h.call('reports.openPeriod', {});
        const again = await h.call('reports.openPeriod', {});
        expect(h.core.internals.totalChanges()).toBe(before);
        expect(again).toEqual({ ...x, asOf: again.asOf });
        const counted = ore(Math.max(0, x.expectedCashOre + day.deltaOre));
        const { report } = await h.call('reports.close', { countedCashOre: counted, cashToBankAtCloseOre: ore(0), confirmEmptyDay: true, transfer: false });
        for (const key of FIGURES) expect(report[key], key).toEqual(x[key]);
        expect(report.number).toBe(x.nextNumber);
        expect(report.differenceOre).toBe(counted - x.expectedCashOre);
        h.scheduler.advance(24 * 3_600_000);
      }),
      { numRuns: 40 },
    );
  });
});
