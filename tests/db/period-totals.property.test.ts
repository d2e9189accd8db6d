// Property: whatever sales, refunds, cash movements and closes happen on two registers, the totals the database
// computes for each period (running totals in SQL) equal the domain's reference aggregation (aggregateSales)
// of exactly that period's sales and movements.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ore, type Ore } from '../../shared/money/ore';
import { evaluateSale, type EvaluatedSale } from '../../shared/till/sale';
import type { CashMovementDirection, SaleInput } from '../../shared/till/till.types';
import { aggregateSales } from '../../shared/till/z-report';
import { closeRequest, testTill } from '../support/db-fixtures';
import { paymentsFor, type Plan } from '../support/payment-plans';

const lineArb = fc.record({
  description: fc.constantFrom('Kaffe', 'Rugbrød', 'Avis', 'Pant'),
  quantity: fc.integer({ min: -4, max: 6 }).filter((q) => q !== 0),
  unitPriceOre: fc.oneof(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 250_000 })).map(ore),
  vatRateBp: fc.constantFrom(2500, 2500, 0),
});

const opArb = fc.oneof(
  { weight: 8, arbitrary: fc.record({ op: fc.constant('sale' as const), register: fc.constantFrom('register-1', 'register-2'), lines: fc.array(lineArb, { minLength: 1, maxLength: 4 }), plan: fc.constantFrom<Plan>('cash', 'card', 'mobile', 'voucher', 'card+cash', 'card+mobile'), splitPerMille: fc.integer({ min: 1, max: 999 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('move' as const), register: fc.constantFrom('register-1', 'register-2'), direction: fc.constantFrom<CashMovementDirection>('to_bank', 'from_bank'), amountOre: fc.integer({ min: 1, max: 500_000 }).map(ore) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('close' as const), register: fc.constantFrom('register-1', 'register-2') }) },
);

describe('period totals in SQL equal the reference aggregation', () => {
  it('for any sequence of sales, movements and closes on two registers', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 40 }), fc.boolean(), (ops, reorder) => {
        const { service } = testTill();
        const voucher = service.paymentTypes.create({ name: 'Gavekort', kind: 'other', accountNumber: 56300 });
        service.paymentTypes.setAccount('dankort', 56100);
        if (reorder) service.paymentTypes.reorder([voucher.id, 'mobilepay', 'kontant', 'dankort']);
        const lookup = service.paymentTypes.lookup;
        const open = new Map<string, { sales: EvaluatedSale[]; movements: Array<{ direction: CashMovementDirection; amountOre: Ore }> }>();
        const periodOf = (register: string) => {
          const period = open.get(register) ?? { sales: [], movements: [] };
          open.set(register, period);
          return period;
        };
        const checkAndClose = (register: string) => {
          const period = periodOf(register);
          const preview = service.previewOpenPeriod(register);
          expect(preview.aggregates).toEqual(aggregateSales(period.sales, lookup, period.movements));
          const report = service.closeDay(
            closeRequest({ registerId: register, countedCashOre: Math.max(0, preview.expectedCashOre), confirmEmptyDay: true }),
          );
          expect(report.payments).toEqual(preview.aggregates.payments);
          expect(report.saleCount + report.returnCount).toBe(period.sales.length);
          open.set(register, { sales: [], movements: [] });
        };

        for (const op of ops) {
          if (op.op === 'sale') {
            const total = op.lines.reduce((sum, l) => sum + l.quantity * l.unitPriceOre, 0);
            const input: SaleInput = { lines: op.lines, payments: paymentsFor(total, op.plan, op.splitPerMille, voucher.id) };
            const evaluated = evaluateSale(input, lookup);
            const recorded = service.recordSale(op.register, input);
            expect(recorded.roundingOre).toBe(evaluated.roundingOre);
            periodOf(op.register).sales.push(evaluated);
          } else if (op.op === 'move') {
            service.recordCashMovement({ registerId: op.register, direction: op.direction, amountOre: op.amountOre, note: '' });
            periodOf(op.register).movements.push({ direction: op.direction, amountOre: op.amountOre });
          } else {
            checkAndClose(op.register);
          }
        }
        checkAndClose('register-1');
        checkAndClose('register-2');
      }),
      { numRuns: 40 },
    );
  });
});
