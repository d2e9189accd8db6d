import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDecimal, fromDineroAmount, MoneyError, ore, parseKroner, toDineroAmount } from '../../shared/money/ore';

describe('øre money', () => {
  it('parses kroner text straight to øre', () => {
    expect(parseKroner('12500.25')).toBe(1_250_025);
    expect(parseKroner('-99,95')).toBe(-9995);
    expect(parseKroner('0.5')).toBe(50);
    expect(parseKroner(' 12 ')).toBe(1200);
  });

  it('refuses more than two decimals, non-numbers and floats', () => {
    for (const bad of ['1.005', 'abc', '', '1e3', '1.2.3', 'NaN']) {
      expect(() => parseKroner(bad)).toThrow(MoneyError);
    }
    expect(() => ore(1.5)).toThrow(MoneyError);
    expect(() => fromDineroAmount(0.125)).toThrow(MoneyError);
  });

  it('round-trips every amount exactly through text and Dinero JSON numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }), (n) => {
        const amount = ore(n);
        expect(parseKroner(formatDecimal(amount))).toBe(n);
        const wire = JSON.parse(JSON.stringify({ a: toDineroAmount(amount) })) as { a: number };
        expect(fromDineroAmount(wire.a)).toBe(n);
        // The JSON text on the wire is the exact two-decimal value, not a float artefact like 0.30000000000000004.
        expect(Number(JSON.stringify(toDineroAmount(amount))).toFixed(2)).toBe(formatDecimal(amount).replace(/^-(0\.00)$/, '$1'));
      }),
      { numRuns: 2000 },
    );
  });
});
