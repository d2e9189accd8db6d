// Arithmetic a daily report must satisfy before it is posted (design.md §6): a report that breaks one of
// these would put numbers in the books that do not add up, so each failure becomes a problem that blocks
// the transfer instead of an exception or a silent fix.
import type { ZReport } from '../till/till.types';
import type { PostingProblem } from './posting.types';

function mismatch(code: 'totals_mismatch' | 'drawer_mismatch', field: string, expected: number, actual: number): PostingProblem[] {
  return expected === actual ? [] : [{ code, params: { field, expectedOre: expected, actualOre: actual } }];
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** The totals equal the sums they are made of. */
export function checkTotals(report: ZReport): PostingProblem[] {
  const negativeParts = report.vatTotals.filter((t) => t.salesOre < 0 || t.returnsOre < 0);
  return [
    ...negativeParts.map((t): PostingProblem => ({
      code: 'totals_mismatch',
      params: { field: 'vatTotals', expectedOre: 0, actualOre: Math.min(t.salesOre, t.returnsOre) },
    })),
    ...mismatch('totals_mismatch', 'grossSales', sum(report.vatTotals.map((t) => t.salesOre)), report.grossSalesOre),
    ...mismatch('totals_mismatch', 'returns', sum(report.vatTotals.map((t) => t.returnsOre)), report.returnsOre),
    ...mismatch('totals_mismatch', 'netRevenue', report.grossSalesOre - report.returnsOre, report.netRevenueOre),
    ...mismatch(
      'totals_mismatch',
      'cashSales',
      sum(report.payments.filter((p) => p.kind === 'cash').map((p) => p.amountOre)),
      report.cashSalesOre,
    ),
  ];
}

/** Σ payments = sales − returns + rounding: every krone of revenue was paid with some payment type. */
export function checkPaymentsCoverRevenue(report: ZReport): PostingProblem[] {
  const payments = sum(report.payments.map((p) => p.amountOre));
  const expected = report.netRevenueOre + report.roundingOre;
  return payments === expected ? [] : [{ code: 'report_unbalanced', params: { paymentsOre: payments, expectedOre: expected } }];
}

/** The drawer equation: expected, difference and closing float follow from the counted cash. */
export function checkDrawer(report: ZReport): PostingProblem[] {
  const expected =
    report.openingFloatOre + report.openingDifferenceOre + report.cashSalesOre + report.cashFromBankOre - report.cashToBankDuringDayOre;
  const openingDifference = report.openingCountedOre === null ? 0 : report.openingCountedOre - report.openingFloatOre;
  return [
    ...mismatch('drawer_mismatch', 'openingDifference', openingDifference, report.openingDifferenceOre),
    ...mismatch('drawer_mismatch', 'expectedCash', expected, report.expectedCashOre),
    ...mismatch('drawer_mismatch', 'difference', report.countedCashOre - report.expectedCashOre, report.differenceOre),
    ...mismatch(
      'drawer_mismatch',
      'closingFloat',
      report.countedCashOre - report.cashToBankAtCloseOre,
      report.closingFloatOre,
    ),
  ];
}

export function checkReport(report: ZReport): PostingProblem[] {
  return [...checkTotals(report), ...checkPaymentsCoverRevenue(report), ...checkDrawer(report)];
}
