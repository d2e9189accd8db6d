// Property: any day of valid sales, refunds and cash movements yields a balanced daily report.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ore } from '../../shared/money/ore';
import { roundCashDue } from '../../shared/till/cash-rounding';
import { evaluateSale, vatPortion } from '../../shared/till/sale';
import type { SaleInput } from '../../shared/till/till.types';
import { aggregateSales, computeZReport } from '../../shared/till/z-report';
import { lookup } from './till-fixtures';

const lineArb = fc.record({
  description: fc.constantFrom('Kaffe', 'Bolle', 'Avis', 'Pant'),
  quantity: fc.integer({ min: -20, max: 20 }).filter((q) => q !== 0),
  // Small prices too, so totals under 25 øre and 1-øre lines turn up, not just large amounts.
  unitPriceOre: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 500_000 })).map(ore),
  vatRateBp: fc.constantFrom(2500, 0),
});

type Plan = 'cash' | 'card' | 'mobile' | 'card+cash' | 'card+mobile' | 'voucher+cash';
const saleArb = fc.record({
  lines: fc.array(lineArb, { minLength: 1, maxLength: 5 }),
  plan: fc.constantFrom<Plan>('cash', 'card', 'mobile', 'card+cash', 'card+mobile', 'voucher+cash'),
  splitPerMille: fc.integer({ min: 1, max: 999 }),
});

/** Payments that are valid by construction, the way a till would take them. */
function paymentsFor(totalOre: number, plan: Plan, splitPerMille: number): SaleInput['payments'] {
  const p = (paymentTypeId: string, amount: number) => ({ paymentTypeId, amountOre: ore(amount) });
  if (totalOre === 0) return [];
  const cashOnly = () => (roundCashDue(ore(totalOre)) === 0 ? [] : [p('pt-cash', roundCashDue(ore(totalOre)))]);
  const first = Math.trunc((totalOre * splitPerMille) / 1000);
  const rest = totalOre - first;
  switch (plan) {
    case 'cash':
      return cashOnly();
    case 'card':
      return [p('pt-dankort', totalOre)];
    case 'mobile':
      return [p('pt-mobilepay', totalOre)];
    case 'card+mobile':
      return first === 0 || rest === 0 ? [p('pt-dankort', totalOre)] : [p('pt-dankort', first), p('pt-mobilepay', rest)];
    case 'card+cash':
    case 'voucher+cash': {
      const other = plan === 'card+cash' ? 'pt-dankort' : 'pt-voucher';
      const cash = roundCashDue(ore(rest));
      return first === 0 || cash === 0 ? [p(other, totalOre)] : [p(other, first), p('pt-cash', cash)];
    }
  }
}

const movementArb = fc.record({
  direction: fc.constantFrom('to_bank' as const, 'from_bank' as const),
  amountOre: fc.integer({ min: 0, max: 5_000_000 }).map(ore),
});

const dayArb = fc.record({
  sales: fc.array(saleArb, { maxLength: 25 }),
  movements: fc.array(movementArb, { maxLength: 5 }),
  openingFloatOre: fc.integer({ min: 0, max: 2_000_000 }).map(ore),
  countedCashOre: fc.integer({ min: 0, max: 50_000_000 }).map(ore),
  toBankPerMille: fc.integer({ min: 0, max: 1000 }),
});

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

describe('daily report properties', () => {
  it('rounds each sale by at most 25 øre, and only its cash part', () => {
    fc.assert(
      fc.property(saleArb, ({ lines, plan, splitPerMille }) => {
        const total = sum(lines.map((l) => l.quantity * l.unitPriceOre));
        const sale = evaluateSale({ lines, payments: paymentsFor(total, plan, splitPerMille) }, lookup);
        expect(Math.abs(sale.roundingOre)).toBeLessThanOrEqual(25);
        expect(sale.roundingOre).toBe(sale.cashPaidOre - sale.cashDueOre);
        expect(sum(sale.payments.map((p) => p.amountOre))).toBe(sale.totalOre + sale.roundingOre);
        const nonCash = sum(sale.payments.filter((p) => p.kind !== 'cash').map((p) => p.amountOre));
        expect(sale.cashDueOre).toBe(total - nonCash);
      }),
      { numRuns: 1_000 },
    );
  });

  it('balances every generated day: payments, drawer and float', () => {
    fc.assert(
      fc.property(dayArb, (day) => {
        const inputs = day.sales.map(({ lines, plan, splitPerMille }) => ({
          lines,
          payments: paymentsFor(sum(lines.map((l) => l.quantity * l.unitPriceOre)), plan, splitPerMille),
        }));
        const sales = inputs.map((input) => evaluateSale(input, lookup));
        const aggregates = aggregateSales(sales, lookup, day.movements);
        const cashToBankAtCloseOre = ore(Math.floor((day.countedCashOre * day.toBankPerMille) / 1000));
        const r = computeZReport({
          id: 'r', registerId: 'k1', registerName: 'Kasse 1', number: 1, businessDate: '2026-11-28',
          periodStart: '2026-11-27T03:00:00.000Z', periodEnd: '2026-11-28T17:00:00.000Z', closedAt: '2026-11-28T17:00:00.000Z',
          ...aggregates,
          openingFloatOre: day.openingFloatOre, countedCashOre: day.countedCashOre, cashToBankAtCloseOre,
          emptyDayConfirmed: true,
        });

        // Figures recomputed straight from the generated lines, payments and movements.
        const allLines = inputs.flatMap((i) => i.lines.map((l) => l.quantity * l.unitPriceOre));
        const allPayments = sales.flatMap((s) => s.payments);
        const cashPaid = sum(allPayments.filter((p) => p.kind === 'cash').map((p) => p.amountOre));
        const moved = (d: 'to_bank' | 'from_bank') => sum(day.movements.filter((m) => m.direction === d).map((m) => m.amountOre));
        expect(r.grossSalesOre).toBe(sum(allLines.filter((t) => t > 0)));
        expect(r.returnsOre).toBe(sum(allLines.filter((t) => t < 0).map((t) => -t)));
        expect(r.roundingOre).toBe(sum(sales.map((s) => s.cashPaidOre - s.cashDueOre)));
        expect(r.saleCount + r.returnCount).toBe(sales.length);

        expect(sum(r.payments.map((p) => p.amountOre))).toBe(r.grossSalesOre - r.returnsOre + r.roundingOre);
        expect(sum(allPayments.map((p) => p.amountOre))).toBe(r.netRevenueOre + r.roundingOre);
        expect(r.cashSalesOre).toBe(cashPaid);
        expect(r.expectedCashOre).toBe(day.openingFloatOre + cashPaid + moved('from_bank') - moved('to_bank'));
        expect(r.differenceOre).toBe(day.countedCashOre - r.expectedCashOre);
        expect(r.closingFloatOre - r.openingFloatOre).toBe(
          r.cashSalesOre + r.cashFromBankOre - r.cashToBankDuringDayOre + r.differenceOre - r.cashToBankAtCloseOre,
        );
        expect(r.closingFloatOre).toBeGreaterThanOrEqual(0);

        // Per-rate VAT stays within rounding distance of the per-line VAT shown on receipts.
        for (const v of r.vatTotals) {
          const rateLines = sales.flatMap((s) => s.lines).filter((l) => l.vatRateBp === v.vatRateBp);
          const lineVat = sum(rateLines.map((l) => l.vatOre));
          expect(Math.abs(lineVat - (v.salesVatOre - v.returnsVatOre))).toBeLessThanOrEqual(rateLines.length + 1);
          expect(v.salesVatOre).toBe(vatPortion(v.salesOre, v.vatRateBp));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('aggregates the same whatever order the sales come in', () => {
    fc.assert(
      fc.property(fc.array(saleArb, { maxLength: 15 }), fc.nat(), (generated, seed) => {
        const sales = generated.map(({ lines, plan, splitPerMille }) =>
          evaluateSale({ lines, payments: paymentsFor(sum(lines.map((l) => l.quantity * l.unitPriceOre)), plan, splitPerMille) }, lookup),
        );
        const shuffled = [...sales].sort((a, b) => ((sales.indexOf(a) * 7919 + seed) % 101) - ((sales.indexOf(b) * 7919 + seed) % 101));
        expect(aggregateSales(shuffled, lookup, [])).toEqual(aggregateSales(sales, lookup, []));
      }),
      { numRuns: 200 },
    );
  });
});
