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
  /**
   * A gift card taken as payment ("Gavekort"): kind 'other', posted to the gift card liability account of the
   * settings (never to an account of its own), so what was sold as a gift card is what is redeemed from it.
   */
  giftCard: boolean;
}

/** 'goods' is revenue with VAT; 'gift_card' sells a gift card: no VAT, a liability until it is redeemed. */
export type GroupKind = 'goods' | 'gift_card';

/** A product group ("varegruppe"): the register's quick key, the line's VAT rate and its revenue account. */
export interface ProductGroup {
  id: string;
  name: string;
  kind: GroupKind;
  /** Fixed at creation, like a payment type's kind: a line takes its group's rate. Gift cards: 0. */
  vatRateBp: number;
  /**
   * Dinero revenue account of the group's sales; null = the settings' revenue account for its rate (25 %:
   * revenueAccount, 0 %: vatExemptRevenueAccount). Always null for gift cards (the settings' giftCardAccount).
   */
  accountNumber: number | null;
  /** SAF-T standard article group code (PredefinedBasicID-04, "04003" sale of goods …). */
  saftCode: string;
  active: boolean;
  sortOrder: number;
}

/** An article: a name, its group and price, and optionally the barcode a scanner types. */
export interface Article {
  id: string;
  name: string;
  groupId: string;
  /** Unit price incl. VAT, øre. */
  priceOre: Ore;
  /** EAN-8/UPC-A/EAN-13/GTIN-14 digits with a valid check digit; null when the article has no barcode. */
  ean: string | null;
  active: boolean;
}

export interface SaleLineInput {
  description: string;
  /** Signed: positive is a sale, negative is a return. */
  quantity: number;
  /** Unit price incl. VAT, øre, ≥ 0. */
  unitPriceOre: Ore;
  vatRateBp: number;
  /** The line's product group; absent = the default group of its VAT rate (a shop with no groups set up). */
  groupId?: string;
}

export interface SalePaymentInput {
  paymentTypeId: string;
  /**
   * What the customer paid (positive) or was paid back (negative), øre. For cash this is the rounded amount
   * that changed hands; for card/mobile the exact amount.
   */
  amountOre: Ore;
  /**
   * The tip included in a card or mobile payment (≥ 0, less than the amount): the customer is charged
   * amountOre, of which tipOre is not revenue but owed to the staff. Only in a sale, never on cash or a gift card.
   */
  tipOre?: Ore;
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
  /** Present (true) for a gift card payment type: its total is gift cards redeemed. */
  giftCard?: boolean;
}

/** A product group's part of a period: positive lines and the size of negative lines, incl. VAT. */
export interface GroupTotal {
  groupId: string;
  /** Name, kind, rate and account as they were at the close (a later rename does not rewrite the report). */
  name: string;
  kind: GroupKind;
  vatRateBp: number;
  accountNumber: number | null;
  salesOre: Ore;
  returnsOre: Ore;
}

/** Tips of a period taken by one cashier (null: no cashier named). */
export interface TipTotal {
  cashierName: string | null;
  tipsOre: Ore;
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
  /**
   * Per product group (goods and gift cards), in the groups' order. A report closed before groups existed has
   * none: its revenue is then by VAT rate alone, in the default groups.
   */
  groups: GroupTotal[];
  /** Net gift cards sold (Σ gift card lines): a liability, not revenue, and no VAT. */
  giftCardsSoldOre: Ore;
  /** Σ gift card payments: the liability redeemed. */
  giftCardsRedeemedOre: Ore;
  /** Tips taken with card/mobile payments: in those payments, owed to the staff, not revenue. */
  tipsOre: Ore;
  tipsByCashier: TipTotal[];
  /** Σ positive goods lines incl. VAT (gift cards are not sales). */
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
