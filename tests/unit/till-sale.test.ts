import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_ABS_ORE } from '../../shared/money/ore';
import { evaluateSale, vatPortion } from '../../shared/till/sale';
import type { SaleInput } from '../../shared/till/till.types';
import { codeOf, kr, line, lookup, ore, pay, rawOre, tillErrorOf } from './till-fixtures';

describe('evaluateSale: valid sales', () => {
  it('rounds a cash sale of 99.95 to 100.00 (+0.05 rounding)', () => {
    const sale = evaluateSale({ lines: [line('99.95')], payments: [pay('pt-cash', '100.00')] }, lookup);
    expect(sale).toMatchObject({ kind: 'sale', totalOre: 9_995, cashDueOre: 9_995, cashPaidOre: 10_000, roundingOre: 5 });
    expect(sale.payments).toEqual([{ paymentTypeId: 'pt-cash', kind: 'cash', giftCard: false, amountOre: 10_000, tipOre: 0 }]);
  });

  it('takes card payments at the exact amount, with no rounding', () => {
    const sale = evaluateSale({ lines: [line('99.95')], payments: [pay('pt-dankort', '99.95')] }, lookup);
    expect(sale).toMatchObject({ totalOre: 9_995, cashDueOre: 0, cashPaidOre: 0, roundingOre: 0 });
    // The same sale rounded as if it were cash is not a valid card payment.
    expect(tillErrorOf(() => evaluateSale({ lines: [line('99.95')], payments: [pay('pt-dankort', '100.00')] }, lookup)))
      .toMatchObject({ code: 'payment_mismatch', details: { expectedOre: 9_995 } });
  });

  it('rounds only the cash part of a card + cash split', () => {
    const input: SaleInput = {
      lines: [line('100.12', 2), line('50.13', 1, 0)],
      payments: [pay('pt-dankort', '200.00'), pay('pt-cash', '50.50')],
    };
    const sale = evaluateSale(input, lookup);
    expect(sale.totalOre).toBe(25_037);
    expect(sale.cashDueOre).toBe(5_037);
    expect(sale.cashPaidOre).toBe(5_050);
    expect(sale.roundingOre).toBe(13);
    expect(sale.lines.map((l) => [l.lineTotalOre, l.vatOre])).toEqual([[20_024, 4_005], [5_013, 0]]);
    // Rounding the whole total (250.37 → 250.50) instead would leave a different cash amount: refused.
    expect(codeOf(() => evaluateSale({ ...input, payments: [pay('pt-dankort', '200.00'), pay('pt-cash', '50.37')] }, lookup)))
      .toBe('payment_mismatch');
  });

  it('pays a cash refund due −99.95 out as −100.00 and calls it a return', () => {
    const sale = evaluateSale({ lines: [line('99.95', -1)], payments: [pay('pt-cash', '-100.00')] }, lookup);
    expect(sale).toMatchObject({ kind: 'return', totalOre: -9_995, cashDueOre: -9_995, cashPaidOre: -10_000, roundingOre: -5 });
    expect(sale.lines[0]?.vatOre).toBe(-1_999);
  });

  it('accepts a card + MobilePay refund and a mixed sale/return ticket', () => {
    const refund = evaluateSale(
      { lines: [line('300.00', -1)], payments: [pay('pt-dankort', '-200.00'), pay('pt-mobilepay', '-100.00')] },
      lookup,
    );
    expect(refund).toMatchObject({ kind: 'return', totalOre: -30_000, roundingOre: 0 });
    const mixed = evaluateSale({ lines: [line('120.00'), line('20.10', -1)], payments: [pay('pt-voucher', '99.90')] }, lookup);
    expect(mixed).toMatchObject({ kind: 'sale', totalOre: 9_990 });
  });

  it('takes no payment for an even exchange (total 0)', () => {
    const sale = evaluateSale({ lines: [line('49.00'), line('49.00', -1)], payments: [] }, lookup);
    expect(sale).toMatchObject({ kind: 'sale', totalOre: 0, cashDueOre: 0, cashPaidOre: 0, roundingOre: 0, payments: [] });
  });

  it('settles a total under 25 øre in cash as nothing changing hands', () => {
    expect(evaluateSale({ lines: [line('0.20')], payments: [] }, lookup)).toMatchObject({
      totalOre: 20, cashDueOre: 20, cashPaidOre: 0, roundingOre: -20,
    });
    // 0.25 rounds up to 0.50, so a payment is required.
    expect(codeOf(() => evaluateSale({ lines: [line('0.25')], payments: [] }, lookup))).toBe('payment_mismatch');
  });

  it('trims descriptions and leaves the input untouched', () => {
    const input: SaleInput = { lines: [line('10.00', 3, 2500, '  Kaffe  ')], payments: [pay('pt-cash', '30.00')] };
    const copy = structuredClone(input);
    const sale = evaluateSale(input, lookup);
    expect(sale.lines[0]).toEqual({ description: 'Kaffe', quantity: 3, unitPriceOre: 1_000, vatRateBp: 2500, groupId: 'varer', kind: 'goods', lineTotalOre: 3_000, vatOre: 600 });
    expect(input).toEqual(copy);
  });
});

describe('evaluateSale: refuses bad input with the right code', () => {
  const ok: SaleInput = { lines: [line('10.00')], payments: [pay('pt-cash', '10.00')] };
  const withLine = (patch: Record<string, unknown>): SaleInput => ({ ...ok, lines: [{ ...line('10.00'), ...patch } as never] });
  const withPayments = (...payments: SaleInput['payments']): SaleInput => ({ ...ok, payments });

  it.each<[string, SaleInput, string]>([
    ['no lines', { lines: [], payments: [] }, 'invalid_sale'],
    ['empty description', withLine({ description: '' }), 'invalid_sale'],
    ['blank description', withLine({ description: '   ' }), 'invalid_sale'],
    ['description over 200 characters', withLine({ description: 'x'.repeat(201) }), 'invalid_sale'],
    ['quantity 0', withLine({ quantity: 0 }), 'invalid_sale'],
    ['fractional quantity', withLine({ quantity: 1.5 }), 'invalid_sale'],
    ['quantity over 10000', withLine({ quantity: 10_001 }), 'invalid_sale'],
    ['quantity under −10000', withLine({ quantity: -10_001 }), 'invalid_sale'],
    ['VAT rate 12 %', withLine({ vatRateBp: 1200 }), 'invalid_sale'],
    ['VAT rate as a percentage', withLine({ vatRateBp: 25 }), 'invalid_sale'],
    ['negative unit price', withLine({ unitPriceOre: -1 }), 'invalid_amount'],
    ['non-integer øre (kroner passed as a float)', withLine({ unitPriceOre: 9.95 }), 'invalid_amount'],
    ['NaN price', withLine({ unitPriceOre: Number.NaN }), 'invalid_amount'],
    ['unsafe integer price', withLine({ unitPriceOre: 2 ** 53 }), 'invalid_amount'],
    ['line total beyond the money range', withLine({ unitPriceOre: MAX_ABS_ORE, quantity: 2 }), 'invalid_amount'],
    ['zero payment', withPayments({ paymentTypeId: 'pt-dankort', amountOre: rawOre(0) }), 'invalid_amount'],
    ['fractional payment', withPayments({ paymentTypeId: 'pt-dankort', amountOre: rawOre(999.5) }), 'invalid_amount'],
    ['no payment for a non-zero total', withPayments(), 'payment_mismatch'],
    ['card short of the total', withPayments(pay('pt-dankort', '9.99')), 'payment_mismatch'],
    ['card over the total', withPayments(pay('pt-dankort', '10.01')), 'payment_mismatch'],
    ['cash not rounded', { lines: [line('9.95')], payments: [pay('pt-cash', '9.95')] }, 'payment_mismatch'],
    ['cash tendered instead of cash kept', withPayments(pay('pt-cash', '20.00')), 'payment_mismatch'],
    ['payment with the wrong sign', withPayments(pay('pt-dankort', '-10.00')), 'payment_mismatch'],
    ['cash-back split (opposite signs)', withPayments(pay('pt-dankort', '20.00'), pay('pt-cash', '-10.00')), 'payment_mismatch'],
    ['payment on a zero total', { lines: [line('5.00'), line('5.00', -1)], payments: [pay('pt-dankort', '1.00')] }, 'payment_mismatch'],
    ['cash line when card covers it all', withPayments(pay('pt-dankort', '10.00'), pay('pt-cash', '0.50')), 'payment_mismatch'],
    ['unknown payment type', withPayments(pay('pt-bitcoin', '10.00')), 'unknown_payment_type'],
    ['inactive payment type', withPayments(pay('pt-old-card', '10.00')), 'inactive_payment_type'],
    ['same type twice', withPayments(pay('pt-dankort', '5.00'), pay('pt-dankort', '5.00')), 'invalid_sale'],
    ['two cash payments', withPayments(pay('pt-cash', '5.00'), pay('pt-euro', '5.00')), 'invalid_sale'],
    ['missing payment type id', withPayments(pay('', '10.00')), 'invalid_sale'],
  ])('%s', (_name, input, code) => {
    const error = tillErrorOf(() => evaluateSale(input, lookup));
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(10);
  });

  it('refuses a value that is not a sale at all', () => {
    expect(codeOf(() => evaluateSale(null as never, lookup))).toBe('invalid_sale');
    expect(codeOf(() => evaluateSale({ lines: 'x' } as never, lookup))).toBe('invalid_sale');
  });

  it('names the expected cash amount in the mismatch details', () => {
    const error = tillErrorOf(() => evaluateSale({ lines: [line('123.74')], payments: [pay('pt-cash', '124.00')] }, lookup));
    expect(error.details).toMatchObject({ expectedOre: kr('123.50'), cashDueOre: kr('123.74') });
    expect(error.message).toContain('123.50');
  });
});

describe('vatPortion', () => {
  it('takes the VAT out of a gross amount, 25 % → a fifth', () => {
    expect(vatPortion(kr('12500.25'), 2500)).toBe(kr('2500.05'));
    expect(vatPortion(kr('625.00'), 2500)).toBe(kr('125.00'));
    expect(vatPortion(kr('-99.95'), 2500)).toBe(kr('-19.99'));
    expect(vatPortion(kr('100.00'), 0)).toBe(0);
    expect(vatPortion(ore(3), 2500)).toBe(1); // 0.6 → 1
    expect(vatPortion(ore(2), 2500)).toBe(0); // 0.4 → 0
  });

  it('rounds exact halves away from zero', () => {
    expect(vatPortion(ore(1), 10_000)).toBe(1); // 0.5
    expect(vatPortion(ore(-1), 10_000)).toBe(-1);
    expect(vatPortion(ore(3), 10_000)).toBe(2); // 1.5
  });

  it('is exact for amounts where floating point would not be', () => {
    // 1e13 × 2500 is beyond 2^53; the answer is exactly 2e12.
    expect(vatPortion(ore(MAX_ABS_ORE), 2500)).toBe(2_000_000_000_000);
    expect(vatPortion(ore(MAX_ABS_ORE - 3), 2500)).toBe(2_000_000_000_000 - 1); // …− 0.6 rounds to …− 1
  });

  it('refuses rates that are not whole basis points in 0..10000', () => {
    for (const rate of [-1, 10_001, 25.5, Number.NaN]) expect(codeOf(() => vatPortion(ore(100), rate))).toBe('invalid_amount');
  });

  it('is within half an øre of the exact share and odd-symmetric', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_ABS_ORE, max: MAX_ABS_ORE }), fc.integer({ min: 0, max: 10_000 }), (gross, rate) => {
        const vat = vatPortion(ore(gross), rate);
        const error = BigInt(gross) * BigInt(rate) - BigInt(vat) * BigInt(10_000 + rate);
        const doubled = (error < 0n ? -error : error) * 2n;
        expect(doubled <= BigInt(10_000 + rate)).toBe(true);
        expect(vatPortion(ore(-gross), rate)).toBe(vat === 0 ? 0 : -vat);
      }),
      { numRuns: 1_000 },
    );
  });
});
