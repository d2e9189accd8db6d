// The shapes of a daily report's Dinero posting: one ledger item (kassekladde entry) with one line per
// movement. Amounts stay integer øre here; the Dinero client converts them with toDineroAmount at the wire.
import type { Ore } from '../money/ore';
import type { AccountSettings } from '../settings/settings.schema';

/** The four main accounts from the settings plus the current account of each payment type. */
export interface PostingAccounts extends AccountSettings {
  /**
   * paymentTypeId → account (null = not chosen). The current mapping wins over the account recorded in the
   * report at close, so fixing a mapping and sending again works. A type missing from this map (deleted
   * since) falls back to the account recorded in the report.
   */
  paymentTypeAccounts: Record<string, number | null>;
  /**
   * groupId → the group's own revenue account as it is now (null = the settings' account for its rate). A group
   * missing from the map falls back to the account recorded in the report. Optional: none given = as recorded.
   */
  groupAccounts?: Record<string, number | null>;
}

export type PostingRole =
  | 'sales' | 'returns' | 'gift_cards' | 'tips' | 'payment_type' | 'rounding' | 'opening_difference' | 'difference' | 'to_bank' | 'from_bank';

/** Lines that book revenue-like amounts: their non-cash account must not carry another VAT code in the chart. */
export const REVENUE_ROLES: ReadonlySet<PostingRole> = new Set(['sales', 'returns', 'gift_cards', 'tips']);

/**
 * One kassekladde line. A positive amount debits accountNumber and credits balancingAccountNumber
 * (dinero-api.md §5.4). Only 'returns' lines carry a negative amount.
 */
export interface PostingLine {
  role: PostingRole;
  description: string;
  amountOre: Ore;
  accountNumber: number;
  accountVatCode: string;
  balancingAccountNumber: number;
  balancingAccountVatCode: string;
}

export interface LedgerItemDraft {
  /** The ledger item's Id: generated once per report and kept across retries (exactly-once effect). */
  id: string;
  /** "YYYY-MM-DD": the report's business date. */
  voucherDate: string;
  /** Guid of an uploaded PDF of the report, when there is one. */
  fileGuid?: string;
  lines: PostingLine[];
}

/** Dinero's literal for "no VAT on this side"; always sent explicitly so the account default never applies. */
export const NO_VAT = 'none';

/** Which account setting a missing-account problem is about. */
export type AccountRole = 'revenue' | 'vat_exempt_revenue' | 'bank' | 'cash_holdings' | 'differences' | 'payment_type' | 'gift_card' | 'tips';

export const POSTING_PROBLEM_CODES = [
  /** A needed account is not set. params: role (AccountRole), paymentTypeName (only for payment_type). */
  'account_missing',
  /** The report's payments do not cover its revenue. params: paymentsOre, expectedOre (net revenue + rounding). */
  'report_unbalanced',
  /** A total does not equal the sum it is made of. params: field, expectedOre, actualOre. */
  'totals_mismatch',
  /** The cash count arithmetic does not hold. params: field, expectedOre, actualOre. */
  'drawer_mismatch',
  /**
   * The lines would move cash holdings by movementOre, the drawer moved by floatChangeOre. params also:
   * accountNumber, sameAccountLines (the lines left out because both sides were one account, '; '-joined).
   */
  'cash_account_mismatch',
  /** A VAT rate the settings have no revenue account for (only 25 % and 0 % are mapped). params: vatRateBp, vatRate. */
  'vat_rate_unsupported',
  /** Not in the company's chart of accounts. params: accountNumber, description (first line using it). */
  'account_unknown',
  /** In the chart but hidden. params: accountNumber, description. */
  'account_hidden',
  /** Not one of the company's VAT codes. params: vatCode, description. */
  'vat_code_unknown',
  /**
   * A revenue, gift card or tips line would post with another VAT code than the account has in the chart (a
   * 25 % group on an account without VAT, a gift card on a sales account). params: accountNumber,
   * accountVatCode (the chart's), vatCode (the line's), description.
   */
  'account_vat_mismatch',
] as const;
export type PostingProblemCode = (typeof POSTING_PROBLEM_CODES)[number];

export interface PostingProblem {
  code: PostingProblemCode;
  params: Record<string, string | number>;
}

export type BuildLedgerItemResult = { ok: true; item: LedgerItemDraft } | { ok: false; problems: PostingProblem[] };
