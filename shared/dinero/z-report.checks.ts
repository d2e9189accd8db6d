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
    ...checkGroups(report),
  ];
}

/** The groups add up to the VAT totals (goods) and the gift cards sold; tips per cashier to the tips. */
function checkGroups(report: ZReport): PostingProblem[] {
  const goods = report.groups.filter((g) => g.kind === 'goods');
  const gifts = report.groups.filter((g) => g.kind === 'gift_card');
  return [
    // A report from before groups has none: its VAT totals are then its only breakdown.
    ...(report.groups.length === 0 ? [] : [
      ...mismatch('totals_mismatch', 'groupSales', report.grossSalesOre, sum(goods.map((g) => g.salesOre))),
      ...mismatch('totals_mismatch', 'groupReturns', report.returnsOre, sum(goods.map((g) => g.returnsOre))),
    ]),
    ...mismatch('totals_mismatch', 'giftCardsSold', sum(gifts.map((g) => g.salesOre - g.returnsOre)), report.giftCardsSoldOre),
    ...mismatch('totals_mismatch', 'giftCardsRedeemed', sum(report.payments.filter((p) => p.giftCard === true).map((p) => p.amountOre)), report.giftCardsRedeemedOre),
    ...mismatch('totals_mismatch', 'tips', sum(report.tipsByCashier.map((t) => t.tipsOre)), report.tipsOre),
  ];
}

/** Σ payments = sales − returns + gift cards sold + tips + rounding: every krone taken is accounted for. */
export function checkPaymentsCoverRevenue(report: ZReport): PostingProblem[] {
  const payments = sum(report.payments.map((p) => p.amountOre));
  const expected = report.netRevenueOre + report.giftCardsSoldOre + report.tipsOre + report.roundingOre;
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
