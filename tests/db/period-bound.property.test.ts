// [2.3] item 5: no accepted input can make a later view or close fail. Each amount was bounded on its own, so
// one sale of 99,999,999,999.99 kr. and one of 1.00 made every later open-period view and close fail with
// "not a whole number of øre", for good. Now the write that would take a period past the bound is refused with
// a clear error and writes nothing, and whatever was accepted can always be viewed, closed and posted.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTillError } from '../../shared/till/till-error';
import type { SaleInput } from '../../shared/till/till.types';
import { MAX_ABS_ORE, ore, type Ore } from '../../shared/money/ore';
import { MAX_COUNTED_CASH_ORE, MAX_PERIOD_LOAD_ORE } from '../../shared/till/period-bound';
import { buildLedgerItem } from '../../shared/dinero/ledger-item.builder';
import type { PostingAccounts } from '../../shared/dinero/posting.types';
import { closeRequest, rowCounts, testTill } from '../support/db-fixtures';

const refusedCode = (f: () => unknown): string | null => {
  try {
    f();
    return null;
  } catch (error) {
    return isTillError(error) ? error.code : `unexpected: ${(error as Error).message}`;
  }
};

const cashSale = (priceOre: number, quantity = 1): SaleInput => ({
  lines: [{ description: 'Vare', quantity, unitPriceOre: ore(priceOre), vatRateBp: 2500 }],
  // Not ore(): an amount past the bound must reach the till, which is what is being tested.
  payments: [{ paymentTypeId: 'dankort', amountOre: (priceOre * quantity) as Ore }],
});

describe('the period bound', () => {
  it('refuses the attack: the huge sale is refused, the till goes on and closes', () => {
    const { db, service } = testTill();
    const before = rowCounts(db);
    expect(refusedCode(() => service.recordSale('register-1', cashSale(9_999_999_999_999)))).toBe('period_limit');
    expect(rowCounts(db)).toEqual(before);
    service.recordSale('register-1', cashSale(100));
    expect(service.previewOpenPeriod('register-1').netRevenueOre).toBe(100);
    expect(service.closeDay(closeRequest()).grossSalesOre).toBe(100);
  });

  it('accepts up to the bound and refuses the øre past it, for sales and cash movements alike', () => {
    const { db, service } = testTill();
    // A sale's load is its lines plus its payments: half the bound each.
    const half = MAX_PERIOD_LOAD_ORE / 2;
    service.recordSale('register-1', cashSale(half - 1));
    const before = rowCounts(db);
    expect(refusedCode(() => service.recordCashMovement({ registerId: 'register-1', direction: 'from_bank', amountOre: ore(3), note: '' }))).toBe('period_limit');
    expect(rowCounts(db)).toEqual(before);
    service.recordCashMovement({ registerId: 'register-1', direction: 'from_bank', amountOre: ore(2), note: '' });
    expect(refusedCode(() => service.recordSale('register-1', cashSale(1)))).toBe('period_limit');
    const report = service.closeDay(closeRequest({ countedCashOre: 2 }));
    expect(report.grossSalesOre).toBe(half - 1);
    // The next period starts afresh.
    service.recordSale('register-1', cashSale(half - 10));
  });

  it('refuses a counted cash that cannot be posted, writing nothing', () => {
    const { db, service } = testTill();
    service.recordSale('register-1', cashSale(100));
    const before = rowCounts(db);
    expect(refusedCode(() => service.closeDay(closeRequest({ countedCashOre: MAX_COUNTED_CASH_ORE + 1 })))).toBe('invalid_cash_count');
    expect(rowCounts(db)).toEqual(before);
    expect(service.closeDay(closeRequest({ countedCashOre: MAX_COUNTED_CASH_ORE })).countedCashOre).toBe(MAX_COUNTED_CASH_ORE);
  });

  it('whatever sequence of sales, returns and movements is accepted, the view, the close and the ledger item never fail', () => {
    const amount = fc.oneof(
      fc.integer({ min: 1, max: 10_000 }),
      fc.integer({ min: 1, max: MAX_ABS_ORE }),
      fc.constantFrom(MAX_ABS_ORE, MAX_PERIOD_LOAD_ORE / 2, MAX_PERIOD_LOAD_ORE / 2 - 1, MAX_PERIOD_LOAD_ORE / 4, MAX_PERIOD_LOAD_ORE),
    );
    const step = fc.oneof(
      fc.record({ kind: fc.constant('sale' as const), amount, quantity: fc.constantFrom(1, -1, 3) }),
      fc.record({ kind: fc.constantFrom('from_bank' as const, 'to_bank' as const), amount }),
      fc.record({ kind: fc.constant('close' as const), counted: fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.constant(MAX_COUNTED_CASH_ORE)) }),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        const { db, service } = testTill();
        for (const s of steps) {
          const before = rowCounts(db);
          let code: string | null;
          if (s.kind === 'sale') code = refusedCode(() => service.recordSale('register-1', cashSale(s.amount, s.quantity)));
          else if (s.kind === 'close') code = refusedCode(() => service.closeDay(closeRequest({ countedCashOre: s.counted, confirmEmptyDay: true })));
          else code = refusedCode(() => service.recordCashMovement({ registerId: 'register-1', direction: s.kind, amountOre: ore(s.amount), note: '' }));
          // A refusal is one of the till's own clear errors and writes nothing; nothing else ever throws.
          expect(code === null || !code.startsWith('unexpected'), String(code)).toBe(true);
          if (code !== null) expect(rowCounts(db)).toEqual(before);
          expect(() => service.previewOpenPeriod('register-1')).not.toThrow();
        }
        const report = service.closeDay(closeRequest({ countedCashOre: 0, confirmEmptyDay: true }));
        const accounts: PostingAccounts = {
          revenueAccount: 1000, revenueVatCode: 'U25', vatExemptRevenueAccount: 1010, bankAccount: 55000, cashHoldingsAccount: 58000, differencesAccount: 7380, giftCardAccount: 63080, tipsAccount: 63090,
          paymentTypeAccounts: { dankort: 56100, mobilepay: 56100 },
        };
        // Every figure and line fits the exact Dinero conversion, so the ledger item builds.
        const built = buildLedgerItem(report, accounts, { itemId: 'item-1' });
        expect(built.ok, JSON.stringify(built).slice(0, 300)).toBe(true);
        db.close();
      }),
      { numRuns: 60 },
    );
  });
});
