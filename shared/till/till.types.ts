// The till's domain shapes, shared by the domain functions (shared/till), the database (electron/db), the
// posting builder (shared/dinero) and the renderer. Amounts are integer øre; VAT rates are basis points
// (2500 = 25 %); instants are ISO-8601 UTC strings with milliseconds ("2026-11-28T17:05:00.000Z");
// business dates are "YYYY-MM-DD" in Europe/Copenhagen.
import type { Ore } from '../money/ore';

export type PaymentKind = 'cash' | 'card' | 'mobile' | 'other';

export interface PaymentType {
  id: string;
  name: string; // "Kontant", "Dankort", "MobilePay"
  kind: PaymentKind;
  /** Dinero account the type's takings are moved to; null = not mapped yet. Cash types post to cash holdings. */
  accountNumber: number | null;
  active: boolean;
  sortOrder: number;
}

export interface SaleLineInput {
  description: string;
  /** Signed: positive is a sale, negative is a return. */
  quantity: number;
  /** Unit price incl. VAT, øre, ≥ 0. */
  unitPriceOre: Ore;
  vatRateBp: number;
}

export interface SalePaymentInput {
  paymentTypeId: string;
  /**
   * What the customer paid (positive) or was paid back (negative), øre. For cash this is the rounded amount
   * that changed hands; for card/mobile the exact amount.
   */
  amountOre: Ore;
}

export interface SaleInput {
  lines: SaleLineInput[];
  payments: SalePaymentInput[];
}

/** A cash movement between the drawer and the bank/safe during the day. */
export type CashMovementDirection = 'to_bank' | 'from_bank';

export interface VatRateTotals {
  vatRateBp: number;
  /** Positive lines incl. VAT, øre (≥ 0). */
  salesOre: Ore;
  salesVatOre: Ore;
  /** Negative lines incl. VAT as a positive magnitude, øre (≥ 0). */
  returnsOre: Ore;
  returnsVatOre: Ore;
}

export interface PaymentTypeTotal {
  paymentTypeId: string;
  name: string;
  kind: PaymentKind;
  /** Dinero account at the time of the close (informational; postings read the current mapping). */
  accountNumber: number | null;
  /** Net: payments minus refunds, øre. */
  amountOre: Ore;
  count: number;
}

/** A closed daily report (Z-report). Immutable once written. */
export interface ZReport {
  id: string;
  registerId: string;
  registerName: string;
  /** Gap-free per register, starting at 1. */
  number: number;
  businessDate: string;
  periodStart: string;
  periodEnd: string;
  closedAt: string;
  /** Sales and returns that count (a voided one is in neither). */
  saleCount: number;
  returnCount: number;
  /** Sales voided in the period as a whole, and the sum of their totals (shown apart; not in any figure below). */
  voidCount: number;
  voidedOre: Ore;
  vatTotals: VatRateTotals[];
  /** Σ positive lines incl. VAT. */
  grossSalesOre: Ore;
  /** Σ |negative lines| incl. VAT. */
  returnsOre: Ore;
  /** grossSales − returns. */
  netRevenueOre: Ore;
  payments: PaymentTypeTotal[];
  /** Σ over sales of (cash paid − cash due); negative is a loss. */
  roundingOre: Ore;
  /** Carried over from the previous report's closing float. */
  openingFloatOre: Ore;
  /** What the cashier counted at the day's first sale; null when the day was not opened with a count. */
  openingCountedOre: Ore | null;
  /** openingCounted − openingFloat (0 when not counted): a till difference found at opening, posted as such. */
  openingDifferenceOre: Ore;
  /** Net cash paid in sales and refunds (Σ cash payments). */
  cashSalesOre: Ore;
  cashFromBankOre: Ore;
  /** Cash taken to the bank/safe during the day (not the amount at close). */
  cashToBankDuringDayOre: Ore;
  /** openingFloat + openingDifference + cashSales + cashFromBank − cashToBankDuringDay. */
  expectedCashOre: Ore;
  countedCashOre: Ore;
  /** counted − expected; negative is a shortage. */
  differenceOre: Ore;
  cashToBankAtCloseOre: Ore;
  /** counted − cashToBankAtClose: the next report's opening float. */
  closingFloatOre: Ore;
  emptyDayConfirmed: boolean;
  /** The cashier who closed the day; null when no cashier was named. */
  closedBy: string | null;
}
