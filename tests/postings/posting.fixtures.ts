// The worked example of design.md §6 ("cash pivot"), written out by hand, and the accounts it uses.
import { ore } from '../../shared/money/ore';
import type { PostingAccounts } from '../../shared/dinero/ledger-item.builder';
import type { ZReport } from '../../shared/till/till.types';

/**
 * Report 123, Kasse 1: sales incl. 25 % VAT 12,500.25; returns 625.00 refunded in cash; Dankort 7,000.00,
 * MobilePay 2,500.00; cash sales due 3,000.25 paid 3,000.00 (rounding −0.25); opening float 1,000.00;
 * expected 3,375.00; counted 3,355.00 (difference −20.00); 2,000.00 to the bank at close.
 */
export function workedExampleReport(): ZReport {
  return {
    id: 'report-123',
    registerId: 'register-1',
    registerName: 'Kasse 1',
    number: 123,
    closedBy: null,
    businessDate: '2026-11-28',
    periodStart: '2026-11-27T17:30:00.000Z',
    periodEnd: '2026-11-28T17:05:00.000Z',
    closedAt: '2026-11-28T17:05:00.000Z',
    saleCount: 42,
    returnCount: 2,
    voidCount: 0,
    voidedOre: ore(0),
    vatTotals: [
      { vatRateBp: 2500, salesOre: ore(1_250_025), salesVatOre: ore(250_005), returnsOre: ore(62_500), returnsVatOre: ore(12_500) },
    ],
    grossSalesOre: ore(1_250_025),
    returnsOre: ore(62_500),
    netRevenueOre: ore(1_187_525),
    // Rung up before product groups were set up: all in the default 25 % group.
    groups: [{ groupId: 'varer', name: 'Varer', kind: 'goods', vatRateBp: 2500, accountNumber: null, salesOre: ore(1_250_025), returnsOre: ore(62_500) }],
    giftCardsSoldOre: ore(0),
    giftCardsRedeemedOre: ore(0),
    tipsOre: ore(0),
    tipsByCashier: [],
    payments: [
      { paymentTypeId: 'pt-cash', name: 'Kontant', kind: 'cash', accountNumber: null, amountOre: ore(237_500), count: 20 },
      { paymentTypeId: 'pt-dankort', name: 'Dankort', kind: 'card', accountNumber: 56100, amountOre: ore(700_000), count: 15 },
      { paymentTypeId: 'pt-mobilepay', name: 'MobilePay', kind: 'mobile', accountNumber: 56200, amountOre: ore(250_000), count: 9 },
    ],
    roundingOre: ore(-25),
    openingFloatOre: ore(100_000),
    openingCountedOre: null,
    openingDifferenceOre: ore(0),
    // 3,000.00 paid in cash sales minus 625.00 refunded in cash.
    cashSalesOre: ore(237_500),
    cashFromBankOre: ore(0),
    cashToBankDuringDayOre: ore(0),
    expectedCashOre: ore(337_500),
    countedCashOre: ore(335_500),
    differenceOre: ore(-2_000),
    cashToBankAtCloseOre: ore(200_000),
    closingFloatOre: ore(135_500),
    emptyDayConfirmed: false,
  };
}

export function exampleAccounts(overrides: Partial<PostingAccounts> = {}): PostingAccounts {
  return {
    revenueAccount: 1000,
    revenueVatCode: 'U25',
    vatExemptRevenueAccount: null,
    bankAccount: 55000,
    cashHoldingsAccount: 58000,
    differencesAccount: 7380,
    giftCardAccount: null,
    tipsAccount: null,
    paymentTypeAccounts: { 'pt-cash': null, 'pt-dankort': 56100, 'pt-mobilepay': 56200 },
    ...overrides,
  };
}
