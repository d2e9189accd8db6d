import { describe, expect, it } from 'vitest';
import type { Ore } from '../../shared/money/ore';
import { evaluateSale, type EvaluatedSale } from '../../shared/till/sale';
import { aggregateSales, computeZReport, isEmptyPeriod, type ZReportAggregates, type ZReportInput } from '../../shared/till/z-report';
import { codeOf, kr, line, lookup, pay, rawOre, tillErrorOf } from './till-fixtures';

const header = {
  id: 'report-123',
  registerId: 'register-1',
  registerName: 'Kasse 1',
  number: 123,
  periodStart: '2026-11-27T03:00:00.000Z',
  periodEnd: '2026-11-28T17:05:00.000Z',
  closedAt: '2026-11-28T17:05:00.000Z',
  businessDate: '2026-11-28',
};

/** The day of design.md §6 (report 123, Kasse 1), rung up sale by sale. */
function workedExampleSales(): EvaluatedSale[] {
  const ring = (lines: ReturnType<typeof line>[], ...payments: ReturnType<typeof pay>[]) => evaluateSale({ lines, payments }, lookup);
  return [
    // Cash sales, each rounded on its own: −0.20, +0.20, −0.10, −0.15 → the day's rounding is −0.25.
    ring([line('1000.00', 5), line('150.20')], pay('pt-dankort', '3650.00'), pay('pt-cash', '1500.00')), // split: cash due 1,500.20
    ring([line('350.15', 2)], pay('pt-cash', '700.50')), // due 700.30
    ring([line('400.10')], pay('pt-cash', '400.00')), // due 400.10
    ring([line('399.65')], pay('pt-cash', '399.50')), // due 399.65
    ring([line('3350.00')], pay('pt-dankort', '3350.00')),
    ring([line('500.00', 5)], pay('pt-mobilepay', '2500.00')),
    // Returns 625.00 refunded in cash.
    ring([line('625.00', -1)], pay('pt-cash', '-625.00')),
  ];
}

function workedExampleInput(overrides: Partial<ZReportInput> = {}): ZReportInput {
  return {
    ...header,
    ...aggregateSales(workedExampleSales(), lookup, []),
    openingFloatOre: kr('1000.00'),
    countedCashOre: kr('3355.00'),
    cashToBankAtCloseOre: kr('2000.00'),
    emptyDayConfirmed: false,
    ...overrides,
  };
}

describe('computeZReport: the worked example of design.md §6', () => {
  it('builds the day from single sales: cash due 3,000.25 paid 3,000.00', () => {
    const cash = workedExampleSales().filter((s) => s.kind === 'sale' && s.cashPaidOre !== 0);
    expect(cash.reduce((sum, s) => sum + s.cashDueOre, 0)).toBe(kr('3000.25'));
    expect(cash.reduce((sum, s) => sum + s.cashPaidOre, 0)).toBe(kr('3000.00'));
    expect(cash.map((s) => s.roundingOre)).toEqual([-20, 20, -10, -15]);
  });

  it('reproduces every figure of report 123', () => {
    const report = computeZReport(workedExampleInput());
    expect(report).toMatchObject({
      ...header,
      saleCount: 6,
      returnCount: 1,
      grossSalesOre: kr('12500.25'),
      returnsOre: kr('625.00'),
      netRevenueOre: kr('11875.25'),
      roundingOre: kr('-0.25'),
      openingFloatOre: kr('1000.00'),
      cashSalesOre: kr('2375.00'), // 3,000.00 − 625.00
      cashFromBankOre: 0,
      cashToBankDuringDayOre: 0,
      expectedCashOre: kr('3375.00'),
      countedCashOre: kr('3355.00'),
      differenceOre: kr('-20.00'),
      cashToBankAtCloseOre: kr('2000.00'),
      closingFloatOre: kr('1355.00'),
      emptyDayConfirmed: false,
    });
    expect(report.vatTotals).toEqual([
      { vatRateBp: 2500, salesOre: kr('12500.25'), salesVatOre: kr('2500.05'), returnsOre: kr('625.00'), returnsVatOre: kr('125.00') },
    ]);
    expect(report.payments).toEqual([
      { paymentTypeId: 'pt-cash', name: 'Kontant', kind: 'cash', accountNumber: null, amountOre: kr('2375.00'), count: 5 },
      { paymentTypeId: 'pt-dankort', name: 'Dankort', kind: 'card', accountNumber: 56100, amountOre: kr('7000.00'), count: 2 },
      { paymentTypeId: 'pt-mobilepay', name: 'MobilePay', kind: 'mobile', accountNumber: 56200, amountOre: kr('2500.00'), count: 1 },
    ]);
  });

  it('counts cash brought from and taken to the bank during the day in the expected cash', () => {
    const sales = workedExampleSales();
    const movements = [
      { direction: 'from_bank' as const, amountOre: kr('500.00') },
      { direction: 'to_bank' as const, amountOre: kr('300.00') },
    ];
    const report = computeZReport({ ...workedExampleInput(), ...aggregateSales(sales, lookup, movements) });
    expect(report).toMatchObject({
      cashFromBankOre: kr('500.00'), cashToBankDuringDayOre: kr('300.00'), expectedCashOre: kr('3575.00'), differenceOre: kr('-220.00'),
    });
  });

  it('moves the cash holdings account by closing float − opening float (+355.00)', () => {
    const r = computeZReport(workedExampleInput());
    const nonCash = r.payments.filter((p) => p.kind !== 'cash').reduce((sum, p) => sum + p.amountOre, 0);
    // The posting table's 58000 lines: revenue in, non-cash out, rounding, difference, to bank.
    const net58000 = r.netRevenueOre - nonCash + r.roundingOre + r.differenceOre - r.cashToBankAtCloseOre;
    expect(net58000).toBe(kr('355.00'));
    expect(r.closingFloatOre - r.openingFloatOre).toBe(kr('355.00'));
  });
});

describe('computeZReport: validation', () => {
  it.each<[string, Partial<ZReportInput>, string]>([
    ['negative counted cash', { countedCashOre: rawOre(-1), cashToBankAtCloseOre: rawOre(0) }, 'invalid_cash_count'],
    ['fractional counted cash', { countedCashOre: rawOre(335_500.5) }, 'invalid_cash_count'],
    ['more to the bank than was counted', { cashToBankAtCloseOre: kr('3355.01') }, 'invalid_cash_count'],
    ['negative cash to the bank at close', { cashToBankAtCloseOre: rawOre(-100) }, 'invalid_cash_count'],
    ['negative opening float', { openingFloatOre: rawOre(-100) }, 'invalid_cash_count'],
    ['negative cash from the bank', { cashFromBankOre: rawOre(-100) }, 'invalid_amount'],
    ['negative cash to the bank during the day', { cashToBankDuringDayOre: rawOre(-100) }, 'invalid_amount'],
    ['unsafe rounding', { roundingOre: rawOre(2 ** 53) }, 'invalid_amount'],
    ['fractional sales', { vatTotals: [{ vatRateBp: 2500, salesOre: rawOre(0.5), returnsOre: rawOre(0) }] }, 'invalid_amount'],
    ['negative returns', { vatTotals: [{ vatRateBp: 2500, salesOre: kr('12500.25'), returnsOre: rawOre(-62_500) }] }, 'invalid_amount'],
    ['negative sale count', { saleCount: -1 }, 'invalid_amount'],
    ['report number 0', { number: 0 }, 'invalid_amount'],
  ])('refuses %s', (_name, overrides, code) => {
    expect(codeOf(() => computeZReport(workedExampleInput(overrides)))).toBe(code);
  });

  it('refuses a VAT rate listed twice', () => {
    const input = workedExampleInput();
    const twice = { ...input, vatTotals: [...input.vatTotals, { vatRateBp: 2500, salesOre: rawOre(0), returnsOre: rawOre(0) }] };
    expect(codeOf(() => computeZReport(twice))).toBe('invalid_amount');
  });

  it('refuses aggregates where payments do not equal net revenue + rounding', () => {
    const input = workedExampleInput();
    const tampered = { ...input, payments: input.payments.map((p, i) => (i === 0 ? { ...p, amountOre: rawOre(p.amountOre + 1) } : p)) };
    const error = tillErrorOf(() => computeZReport(tampered));
    expect(error.code).toBe('report_unbalanced');
    expect(error.details).toMatchObject({ paymentsOre: kr('11875.01'), netRevenueOre: kr('11875.25'), roundingOre: -25 });
    expect(codeOf(() => computeZReport({ ...input, roundingOre: rawOre(0) }))).toBe('report_unbalanced');
  });

  it('sorts VAT rates high to low and keeps the given payment order', () => {
    const input = workedExampleInput();
    const report = computeZReport({
      ...input,
      vatTotals: [{ vatRateBp: 0, salesOre: kr('0.00'), returnsOre: kr('0.00') }, ...input.vatTotals],
      payments: [...input.payments].reverse(),
    });
    expect(report.vatTotals.map((v) => v.vatRateBp)).toEqual([2500, 0]);
    expect(report.payments.map((p) => p.name)).toEqual(['MobilePay', 'Dankort', 'Kontant']);
  });
});

describe('empty days', () => {
  const empty: ZReportAggregates = {
    saleCount: 0, returnCount: 0, voidCount: 0, voidedOre: rawOre(0), vatTotals: [], groups: [], tipsOre: rawOre(0), tipsByCashier: [], payments: [], roundingOre: rawOre(0), cashFromBankOre: rawOre(0), cashToBankDuringDayOre: rawOre(0), openingCountedOre: null,
  };
  const emptyInput = (emptyDayConfirmed: boolean): ZReportInput => ({
    ...header, ...empty, openingFloatOre: kr('1355.00'), countedCashOre: kr('1355.00'), cashToBankAtCloseOre: rawOre(0), emptyDayConfirmed,
  });

  it('needs the empty day confirmed', () => {
    expect(isEmptyPeriod(empty)).toBe(true);
    expect(codeOf(() => computeZReport(emptyInput(false)))).toBe('empty_day_not_confirmed');
    const report = computeZReport(emptyInput(true));
    expect(report).toMatchObject({ grossSalesOre: 0, netRevenueOre: 0, expectedCashOre: kr('1355.00'), differenceOre: 0, closingFloatOre: kr('1355.00') });
  });

  it('is not empty with only a cash movement or a zero-total exchange', () => {
    expect(isEmptyPeriod({ ...empty, cashFromBankOre: kr('500.00') })).toBe(false);
    expect(isEmptyPeriod({ ...empty, cashToBankDuringDayOre: kr('500.00') })).toBe(false);
    const exchange = evaluateSale({ lines: [line('10.00'), line('10.00', -1)], payments: [] }, lookup);
    expect(isEmptyPeriod(aggregateSales([exchange], lookup, []))).toBe(false);
  });
});

describe('aggregateSales', () => {
  it('splits lines by VAT rate into sales and returns, and sums movements by direction', () => {
    const sales = [
      evaluateSale({ lines: [line('100.00'), line('40.00', 1, 0), line('10.00', -2)], payments: [pay('pt-dankort', '120.00')] }, lookup),
      evaluateSale({ lines: [line('40.00', -1, 0)], payments: [pay('pt-voucher', '-40.00')] }, lookup),
    ];
    const movements = [
      { direction: 'from_bank' as const, amountOre: kr('1000.00') },
      { direction: 'to_bank' as const, amountOre: kr('300.00') },
      { direction: 'to_bank' as const, amountOre: kr('200.00') },
    ];
    expect(aggregateSales(sales, lookup, movements)).toEqual({
      saleCount: 1,
      returnCount: 1,
      voidCount: 0,
      voidedOre: 0,
      vatTotals: [
        { vatRateBp: 2500, salesOre: kr('100.00'), returnsOre: kr('20.00') },
        { vatRateBp: 0, salesOre: kr('40.00'), returnsOre: kr('40.00') },
      ],
      // No groups named: each line is in its rate's default group.
      groups: [
        { groupId: 'varer', name: 'Varer', kind: 'goods', vatRateBp: 2500, accountNumber: null, salesOre: kr('100.00'), returnsOre: kr('20.00') },
        { groupId: 'momsfri', name: 'Momsfri varer', kind: 'goods', vatRateBp: 0, accountNumber: null, salesOre: kr('40.00'), returnsOre: kr('40.00') },
      ],
      tipsOre: 0,
      tipsByCashier: [],
      payments: [
        { paymentTypeId: 'pt-dankort', name: 'Dankort', kind: 'card', accountNumber: 56100, amountOre: kr('120.00'), count: 1 },
        { paymentTypeId: 'pt-voucher', name: 'Gavekort', kind: 'other', accountNumber: 56300, amountOre: kr('-40.00'), count: 1 },
      ],
      roundingOre: 0,
      cashFromBankOre: kr('1000.00'),
      cashToBankDuringDayOre: kr('500.00'),
      openingCountedOre: null,
    });
  });

  it('refuses a payment type it cannot look up and a negative movement', () => {
    const sale = evaluateSale({ lines: [line('10.00')], payments: [pay('pt-dankort', '10.00')] }, lookup);
    expect(codeOf(() => aggregateSales([sale], () => undefined, []))).toBe('unknown_payment_type');
    const negative = [{ direction: 'to_bank' as const, amountOre: rawOre(-1) as Ore }];
    expect(codeOf(() => aggregateSales([], lookup, negative))).toBe('invalid_amount');
  });
});
