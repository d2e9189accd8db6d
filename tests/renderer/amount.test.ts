// @vitest-environment jsdom
// Amounts as a cashier types them → øre without floats, and DKK formatting that reads back to the same
// øre (format → parse round trip, property-tested for both languages).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ABS_ORE, ore } from '../../shared/money/ore';
import { formatOre, formatOrePlain, formatSignedOre, formatUpcoming } from '../../renderer/money/amount.format';
import { parseAmount, parseCount } from '../../renderer/money/amount.parse';

// The shared parser takes at most 11 digits of kroner, i.e. up to 99.999.999.999,99 kr.
const LARGEST = MAX_ABS_ORE - 1;
const anyOre = fc.integer({ min: -LARGEST, max: LARGEST }).map((n) => ore(n));

const parsed = (text: string) => {
  const r = parseAmount(text);
  return r.ok ? r.ore : r.reason;
};

describe('formatting', () => {
  it('formats DKK the Danish way in both languages', () => {
    expect(formatOre(ore(123450), 'da').replace(/\s/g, ' ')).toBe('1.234,50 kr.');
    expect(formatOre(ore(123450), 'en').replace(/\s/g, ' ')).toBe('1.234,50 kr.');
    expect(formatOre(ore(-5), 'da').replace(/\s/g, ' ')).toBe('-0,05 kr.');
    expect(formatOrePlain(ore(10005), 'da')).toBe('100,05');
    expect(formatSignedOre(ore(-5), 'da')).toBe('−0,05');
    expect(formatSignedOre(ore(25), 'da')).toBe('+0,25');
    expect(formatSignedOre(ore(0), 'da')).toBe('0,00');
  });

  it('is exact at the largest amounts (no float rounding on the way to the screen)', () => {
    expect(formatOre(ore(LARGEST), 'da').replace(/\s/g, ' ')).toBe('99.999.999.999,99 kr.');
    expect(formatOrePlain(ore(-1_234_567_890_123), 'da')).toBe('-12.345.678.901,23');
  });
});

describe('parsing what a cashier types', () => {
  it.each([
    ['12,50', 1250],
    ['12.50', 1250],
    ['12,5', 1250],
    ['12', 1200],
    ['1.234,50', 123450],
    ['1,234.50', 123450],
    ['1 234,50 kr.', 123450],
    ['1.234', 123400],
    ['1.234.567', 123456700],
    ['1,234,567', 123456700],
    [',50', 50],
    ['−5', -500],
    ['-0,05 kr.', -5],
    ['+3', 300],
    ['DKK 7,25', 725],
  ])('%s → %d øre', (text, expected) => {
    expect(parsed(text)).toBe(expected);
  });

  it.each(['12,345', '0,001', '1,2,50', '12.34,50', '12.', 'abc', '1.23.456', '12,50,00', '--5', '1e3', '٣'])('refuses %s', (text) => {
    expect(parsed(text)).toBe('format');
  });

  it('says when nothing was typed', () => {
    expect(parsed('   ')).toBe('empty');
  });

  it('counts are whole numbers only', () => {
    expect(parseCount('12')).toBe(12);
    expect(parseCount(' 0 ')).toBe(0);
    expect(parseCount('1,5')).toBeNull();
    expect(parseCount('-1')).toBeNull();
    expect(parseCount('')).toBeNull();
  });
});

describe('properties', () => {
  it('format → parse gives back the same øre, in Danish and English', () => {
    fc.assert(
      fc.property(anyOre, fc.constantFrom('da' as const, 'en' as const), (amount, lang) => {
        expect(parsed(formatOre(amount, lang))).toBe(amount);
        expect(parsed(formatOrePlain(amount, lang))).toBe(amount);
      }),
      { numRuns: 2000 },
    );
  });

  it('kroner and øre typed with either decimal separator parse digit by digit', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 99_999_999_999n }), fc.integer({ min: 0, max: 99 }), fc.constantFrom(',', '.'), (kroner, cents, sep) => {
        const text = `${kroner}${sep}${String(cents).padStart(2, '0')}`;
        expect(BigInt(parsed(text) as number)).toBe(kroner * 100n + BigInt(cents));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('formatUpcoming', () => {
  const at = '2026-11-28T22:30:00.000Z'; // 23.30 in Copenhagen on 28.11
  it('says only the time when it is today in the shop', () => {
    expect(formatUpcoming(at, 'da', Date.parse('2026-11-28T08:00:00.000Z'))).toBe('23.30');
  });
  it('adds the date on another day, by the shop\'s calendar, not UTC', () => {
    expect(formatUpcoming(at, 'da', Date.parse('2026-11-27T22:59:00.000Z'))).toBe('28.11.2026 23.30');
    expect(formatUpcoming('2026-11-28T23:30:00.000Z', 'da', Date.parse('2026-11-28T20:00:00.000Z'))).toBe('29.11.2026 00.30');
  });
});

