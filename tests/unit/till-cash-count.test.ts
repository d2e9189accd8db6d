import { describe, expect, it } from 'vitest';
import { DKK_DENOMINATIONS, totalOfCount } from '../../shared/till/cash-count';
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
