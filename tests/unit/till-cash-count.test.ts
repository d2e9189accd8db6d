import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkCount, emptyCountForm } from '../../renderer/eod/close-form';
import { formatDecimal, ore } from '../../shared/money/ore';
import { cashCountProblem, cashDifference, closingFloat, DKK_DENOMINATIONS, totalOfCount } from '../../shared/till/cash-count';
import { codeOf, kr } from './till-fixtures';

describe('DKK cash count', () => {
  it('lists the Danish notes and coins in circulation, largest first', () => {
    expect(DKK_DENOMINATIONS.map((d) => `${d.valueOre / 100} ${d.kind}`)).toEqual([
      '1000 note', '500 note', '200 note', '100 note', '50 note',
      '20 coin', '10 coin', '5 coin', '2 coin', '1 coin', '0.5 coin',
    ]);
    expect(Object.isFrozen(DKK_DENOMINATIONS)).toBe(true);
  });

  it('totals a counted drawer', () => {
    // 2 × 1000 + 2 × 500 + 1 × 200 + 1 × 100 + 1 × 50 + 2 × 2 + 1 × 1 = 3,355.00 (the worked example's count)
    expect(totalOfCount([
      { valueOre: 100_000, count: 2 }, { valueOre: 50_000, count: 2 }, { valueOre: 20_000, count: 1 },
      { valueOre: 10_000, count: 1 }, { valueOre: 5_000, count: 1 }, { valueOre: 200, count: 2 },
      { valueOre: 100, count: 1 }, { valueOre: 2_000, count: 0 },
    ])).toBe(kr('3355.00'));
    expect(totalOfCount([{ valueOre: 50, count: 3 }])).toBe(kr('1.50'));
    expect(totalOfCount([])).toBe(0);
  });

  it.each([
    ['an unknown denomination (25 øre coin, withdrawn 2008)', [{ valueOre: 25, count: 1 }]],
    ['a kroner value instead of øre', [{ valueOre: 1000, count: 1 }, { valueOre: 1, count: 1 }]],
    ['a negative count', [{ valueOre: 100, count: -1 }]],
    ['a fractional count', [{ valueOre: 100, count: 1.5 }]],
    ['the same denomination twice', [{ valueOre: 100, count: 1 }, { valueOre: 100, count: 2 }]],
    ['a total beyond the money range', [{ valueOre: 100_000, count: 1e12 }]],
  ])('refuses %s', (_name, counts) => {
    expect(codeOf(() => totalOfCount(counts))).toBe('invalid_cash_count');
  });
});

describe('one rule for the count at the close', () => {
  it('the domain, the report and the dialog agree: 0 ≤ to the bank ≤ counted; float + to the bank = counted', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000, max: 10_000_000 }), fc.integer({ min: -10_000, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), (counted, toBank, expected) => {
        const problem = cashCountProblem(counted, toBank);
        expect(problem === null).toBe(counted >= 0 && toBank >= 0 && toBank <= counted);
        if (problem === null) {
          expect(closingFloat(ore(counted), ore(toBank)) + toBank).toBe(counted);
          expect(cashDifference(ore(counted), ore(expected))).toBe(counted - expected);
        }
        // The end-of-day dialog's check says "more than counted" exactly when the domain does.
        if (counted >= 0 && toBank >= 0) {
          const form = { ...emptyCountForm(), mode: 'total' as const, totalText: formatDecimal(ore(counted)), toBankText: formatDecimal(ore(toBank)) };
          expect(checkCount(form, false).errors.toBank === 'exceeds_counted').toBe(problem === 'to_bank_exceeds_counted');
        }
      }),
      { numRuns: 300 },
    );
  });
});
