// Property: one projection of a report from its aggregates (shared/till/z-report.ts). For any day of sales,
// refunds and cash movements and any count, three views agree on every figure: the open period the register
// shows during the day, the preview of the close the end-of-day dialog shows, and the report the close
// stores (real SQLite). Their Dinero lines agree too.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLedgerItem } from '../../shared/dinero/ledger-item.builder';
import { ore } from '../../shared/money/ore';
import { toIsoUtc } from '../../shared/till/business-date';
import { roundCashDue } from '../../shared/till/cash-rounding';
import { projectReport } from '../../shared/till/z-report';
import { closeRequest, testTill } from '../support/db-fixtures';

const saleArb = fc.record({
  lines: fc.array(fc.record({
    description: fc.constantFrom('Kaffe', 'Avis', 'Pant'),
    quantity: fc.integer({ min: -3, max: 5 }).filter((q) => q !== 0),
    unitPriceOre: fc.integer({ min: 0, max: 90_000 }).map(ore),
    vatRateBp: fc.constantFrom(2500, 2500, 0),
  }), { minLength: 1, maxLength: 3 }),
  pay: fc.constantFrom('kontant', 'dankort', 'mobilepay'),
});
const moveArb = fc.record({ direction: fc.constantFrom('to_bank' as const, 'from_bank' as const), amountOre: fc.integer({ min: 1, max: 200_000 }).map(ore) });
const dayArb = fc.record({
  sales: fc.array(saleArb, { maxLength: 8 }),
  moves: fc.array(moveArb, { maxLength: 3 }),
  /** Counted = max(0, expected + delta); to the bank a share of what was counted. */
  deltaOre: fc.integer({ min: -5_000, max: 5_000 }),
  toBankPerMille: fc.integer({ min: 0, max: 1000 }),
});

const ACCOUNTS = {
  revenueAccount: 1000, revenueVatCode: 'U25', vatExemptRevenueAccount: 1050, bankAccount: 55000, cashHoldingsAccount: 58000,
  differencesAccount: 7380, giftCardAccount: 63080, tipsAccount: 63090, paymentTypeAccounts: { dankort: 56100, mobilepay: 56200 },
};

describe('one projection of the report', () => {
  it('the open period, the preview of the close and the stored report agree on every figure, day after day', () => {
    fc.assert(
      fc.property(fc.array(dayArb, { minLength: 1, maxLength: 4 }), (days) => {
        const { service, clock } = testTill();
        for (const day of days) {
          for (const sale of day.sales) {
            const total = sale.lines.reduce((sum, l) => sum + l.quantity * l.unitPriceOre, 0);
            const amount = sale.pay === 'kontant' ? roundCashDue(ore(total)) : ore(total);
            service.recordSale('register-1', { lines: sale.lines, payments: amount === 0 ? [] : [{ paymentTypeId: sale.pay, amountOre: amount }] });
          }
          for (const m of day.moves) {
            const open = service.previewOpenPeriod('register-1');
            // A till cannot hand out more cash than it holds.
            if (m.direction === 'to_bank' && m.amountOre > open.expectedCashOre) continue;
            service.recordCashMovement({ registerId: 'register-1', ...m, note: '' });
          }
          clock.advance(8 * 3_600_000);
          const open = service.previewOpenPeriod('register-1');
          const counted = ore(Math.max(0, open.expectedCashOre + day.deltaOre));
          const toBank = ore(Math.floor((counted * day.toBankPerMille) / 1000));
          const preview = projectReport({
            aggregates: open.aggregates,
            place: { id: 'preview', registerId: 'register-1', registerName: 'Kasse 1', number: open.nextNumber, periodStart: open.periodStart ?? open.asOf, closedAt: toIsoUtc(clock.now()), businessDate: open.date.businessDate },
            openingFloatOre: open.openingFloatOre,
            countedCashOre: counted,
            cashToBankAtCloseOre: toBank,
            confirmEmptyDay: true,
          });
          const report = service.closeDay(closeRequest({ registerId: 'register-1', countedCashOre: counted, cashToBankAtCloseOre: toBank, confirmEmptyDay: true }));
          expect({ ...preview, id: report.id }).toEqual(report);
          for (const key of ['vatTotals', 'grossSalesOre', 'returnsOre', 'netRevenueOre', 'cashSalesOre', 'expectedCashOre', 'openingFloatOre'] as const) {
            expect(open[key], key).toEqual(report[key]);
          }
          const lines = (r: typeof report) => {
            const built = buildLedgerItem(r, ACCOUNTS, { itemId: 'x' });
            return built.ok ? built.item.lines : built.problems;
          };
          expect(lines(preview)).toEqual(lines(report));
          clock.advance(16 * 3_600_000);
        }
      }),
      { numRuns: 40 },
    );
  });
});
