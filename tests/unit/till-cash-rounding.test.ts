import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ore } from '../../shared/money/ore';
import { roundCashDue } from '../../shared/till/cash-rounding';

// The table from Bekendtgørelse 928/2008 §2, written out per øre ending rather than derived from a formula.
function expectedEnding(ending: number): number {
  if (ending === 0) return 0;
  if (ending <= 24) return 0;
  if (ending <= 74) return 50;
  return 100;
}

describe('Danish cash rounding', () => {
  it.each([0, 1, 37, 1234, 99_999])('rounds all 100 øre endings of %i kr, both ways', (kroner) => {
    for (let ending = 0; ending < 100; ending += 1) {
      const due = kroner * 100 + ending;
      const expected = kroner * 100 + expectedEnding(ending);
      expect(roundCashDue(ore(due)), `due ${due}`).toBe(expected);
      // A refund rounds its size and keeps its sign (never -0).
      expect(Object.is(roundCashDue(ore(-due)), expected === 0 ? 0 : -expected), `due ${-due}`).toBe(true);
    }
  });

  it('handles the boundaries 24/25/74/75/99 explicitly', () => {
    expect(roundCashDue(ore(10_024))).toBe(10_000);
    expect(roundCashDue(ore(10_025))).toBe(10_050);
    expect(roundCashDue(ore(10_074))).toBe(10_050);
    expect(roundCashDue(ore(10_075))).toBe(10_100);
    expect(roundCashDue(ore(10_099))).toBe(10_100);
    expect(roundCashDue(ore(-10_024))).toBe(-10_000);
    expect(roundCashDue(ore(-10_025))).toBe(-10_050);
    expect(roundCashDue(ore(-10_074))).toBe(-10_050);
    expect(roundCashDue(ore(-10_075))).toBe(-10_100);
    expect(roundCashDue(ore(-10_099))).toBe(-10_100);
  });

  it('pays a cash refund due −99.95 out as −100.00 and a refund of −0.24 as nothing', () => {
    expect(roundCashDue(ore(-9_995))).toBe(-10_000);
    expect(Object.is(roundCashDue(ore(-24)), 0)).toBe(true);
    expect(roundCashDue(ore(-25))).toBe(-50);
  });

  it('always lands on 50 øre, moves at most 25 øre, is idempotent and symmetric', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }), (n) => {
        const rounded = roundCashDue(ore(n));
        expect(Math.abs(rounded % 50)).toBe(0);
        expect(Math.abs(rounded - n)).toBeLessThanOrEqual(25);
        expect(roundCashDue(rounded)).toBe(rounded);
        expect(roundCashDue(ore(-n))).toBe(rounded === 0 ? 0 : -rounded);
      }),
      { numRuns: 2_000 },
    );
  });
});
