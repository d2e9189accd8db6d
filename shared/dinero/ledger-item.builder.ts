// Builds the one Dinero ledger item of a daily report, "cash pivot" (design.md §6): revenue per VAT rate
// is booked against cash holdings, then each non-cash payment type is moved out of cash to its own
// account, and roundings, the till difference and bank transfers move cash holdings as they did the
// drawer. The result is also the preview the UI shows, so it stays in øre and keeps each line's role.
import { ore } from '../money/ore';
import { DEFAULT_GROUP_IDS, isDefaultGroup } from '../till/groups';
import type { GroupTotal, ZReport } from '../till/till.types';
import { formatVatRate } from './danish-number.format';
import { limitDescription, lineDescription } from './posting-description.format';
import {
  NO_VAT,
  type AccountRole,
  type BuildLedgerItemResult,
  type LedgerItemDraft,
  type PostingAccounts,
  type PostingLine,
  type PostingProblem,
  type PostingRole,
} from './posting.types';
import { checkReport } from './z-report.checks';

export * from './posting.types';
export { checkAgainstChart } from './chart.check';
export { buildReversal } from './reversal.builder';

/** Rates with a revenue account in the settings: 25 % (revenueAccount) and 0 % (vatExemptRevenueAccount). */
const STANDARD_RATE_BP = 2500;
const EXEMPT_RATE_BP = 0;

interface Side {
  account: number;
  vatCode: string;
}

/** Collects lines and problems; a missing account is recorded once per role/type and its lines skipped. */
class LineCollector {
  readonly lines: PostingLine[] = [];
  readonly problems: PostingProblem[] = [];
  /** Descriptions of non-zero lines left out because both sides were the same account. */
  readonly sameAccountLines: string[] = [];
  private readonly reported = new Set<string>();

  /** `prefix` starts every description (a correction's "Rettelse 1: "). */
  constructor(private readonly report: ZReport, private readonly prefix = '') {}

  account(value: number | null, role: AccountRole, paymentTypeName?: string): Side | null {
    if (value !== null) return { account: value, vatCode: NO_VAT };
    const key = `${role}:${paymentTypeName ?? ''}`;
    if (!this.reported.has(key)) {
      this.reported.add(key);
      const params: Record<string, string> = { role };
      if (paymentTypeName !== undefined) params.paymentTypeName = paymentTypeName;
      this.problems.push({ code: 'account_missing', params });
    }
    return null;
  }

  /** Adds a line unless it is zero, an account is missing, or both sides are the same account. */
  add(role: PostingRole, what: string, amount: number, debit: Side | null, credit: Side | null, whatIsName = false): void {
    if (amount === 0 || debit === null || credit === null) return;
    const description = limitDescription(this.prefix + lineDescription(this.report.number, this.report.registerName, what, whatIsName, this.report.closedBy));
    if (debit.account === credit.account) {
      this.sameAccountLines.push(description);
      return;
    }
    this.lines.push({
      role,
      description,
      amountOre: ore(amount),
      accountNumber: debit.account,
      accountVatCode: debit.vatCode,
      balancingAccountNumber: credit.account,
      balancingAccountVatCode: credit.vatCode,
    });
  }

  /**
   * A signed quantity is posted as its size on the side it belongs: positive debits `whenPositiveDebit`,
   * negative swaps the two sides (a −0.25 rounding loss debits the differences account with 0.25).
   */
  addSigned(role: PostingRole, what: string, signed: number, whenPositiveDebit: Side | null, whenPositiveCredit: Side | null, whatIsName = false): void {
    if (signed >= 0) this.add(role, what, signed, whenPositiveDebit, whenPositiveCredit, whatIsName);
    else this.add(role, what, -signed, whenPositiveCredit, whenPositiveDebit, whatIsName);
  }
}

function needs(amount: number): boolean {
  return amount !== 0;
}

/**
 * The report's goods groups. A report closed before product groups existed has none: its VAT totals are then
 * its groups, one default group per rate, posted to the settings' accounts exactly as before.
 */
export function revenueGroupsOf(report: ZReport): GroupTotal[] {
  if (report.groups.length > 0) return report.groups.filter((g) => g.kind === 'goods');
  return report.vatTotals.map((t) => ({
    groupId: DEFAULT_GROUP_IDS[t.vatRateBp] ?? `rate-${String(t.vatRateBp)}`,
    name: '', kind: 'goods', vatRateBp: t.vatRateBp, accountNumber: null, salesOre: t.salesOre, returnsOre: t.returnsOre,
  }));
}

interface RevenueBucket {
  vatRateBp: number;
  side: Side;
  /** Groups of the bucket that are not a default group, named in the description. */
  names: string[];
  salesOre: number;
  returnsOre: number;
}

/** The VAT code revenue at a rate posts with: the settings' revenue code at 25 %, none at 0 %; null for any other rate. */
export function revenueVatCode(vatRateBp: number, settingsRevenueVatCode: string): string | null {
  return vatRateBp === STANDARD_RATE_BP ? settingsRevenueVatCode : vatRateBp === EXEMPT_RATE_BP ? NO_VAT : null;
}

/** The revenue side of a group: its own account (as mapped now, else as recorded), else the settings' for its rate. */
function revenueSide(c: LineCollector, g: GroupTotal, accounts: PostingAccounts): Side | null | 'unsupported' {
  const vatCode = revenueVatCode(g.vatRateBp, accounts.revenueVatCode);
  if (vatCode === null) return 'unsupported';
  const own = accounts.groupAccounts !== undefined && Object.hasOwn(accounts.groupAccounts, g.groupId) ? accounts.groupAccounts[g.groupId] ?? null : g.accountNumber;
  const side = own !== null ? { account: own, vatCode } : g.vatRateBp === STANDARD_RATE_BP ? c.account(accounts.revenueAccount, 'revenue') : c.account(accounts.vatExemptRevenueAccount, 'vat_exempt_revenue');
  return side && { account: side.account, vatCode };
}

function addRevenueLines(c: LineCollector, report: ZReport, accounts: PostingAccounts, cash: () => Side | null): void {
  // One sales line and one returns line per (account, VAT code): groups on one account share its lines.
  const buckets = new Map<string, RevenueBucket>();
  const unsupported = new Set<number>();
  for (const g of revenueGroupsOf(report)) {
    if (!needs(g.salesOre) && !needs(g.returnsOre)) continue;
    const side = revenueSide(c, g, accounts);
    if (side === 'unsupported') {
      if (!unsupported.has(g.vatRateBp)) c.problems.push({ code: 'vat_rate_unsupported', params: { vatRateBp: g.vatRateBp, vatRate: formatVatRate(g.vatRateBp) } });
      unsupported.add(g.vatRateBp);
      continue;
    }
    if (side === null) continue;
    const key = `${String(side.account)}:${side.vatCode}:${String(g.vatRateBp)}`;
    const bucket = buckets.get(key) ?? { vatRateBp: g.vatRateBp, side, names: [], salesOre: 0, returnsOre: 0 };
    bucket.salesOre += g.salesOre;
    bucket.returnsOre += g.returnsOre;
    if (!isDefaultGroup(g.groupId) && g.name !== '') bucket.names.push(g.name);
    buckets.set(key, bucket);
  }
  // 25 % before 0 %, then in the groups' order, so the order never depends on how the report listed them.
  const ordered = [...buckets.values()].sort((a, b) => b.vatRateBp - a.vatRateBp);
  for (const b of ordered) {
    const rate = formatVatRate(b.vatRateBp);
    const named = b.names.length > 0 ? ` ${b.names.join(', ')}` : '';
    const cashSide = cash();
    c.add('sales', `salg ${rate}${named}`, b.salesOre, cashSide, b.side);
    c.add('returns', `retur ${rate}${named}`, -b.returnsOre, cashSide, b.side);
  }
}

/** Gift cards sold (a liability, no VAT) and the tips owed to the staff: both came into the till, neither is revenue. */
function addGiftCardAndTipLines(c: LineCollector, report: ZReport, accounts: PostingAccounts, cash: () => Side | null): void {
  if (needs(report.giftCardsSoldOre)) {
    c.addSigned('gift_cards', 'gavekort solgt', report.giftCardsSoldOre, cash(), c.account(accounts.giftCardAccount, 'gift_card'));
  }
  if (needs(report.tipsOre)) c.addSigned('tips', 'drikkepenge', report.tipsOre, cash(), c.account(accounts.tipsAccount, 'tips'));
}

function addPaymentTypeLines(c: LineCollector, report: ZReport, accounts: PostingAccounts, cash: () => Side | null): void {
  for (const p of report.payments) {
    // Cash takings stay in cash holdings: the revenue lines already put them there.
    if (p.kind === 'cash' || !needs(p.amountOre)) continue;
    // A gift card taken is the gift card liability redeemed: always the settings' gift card account.
    const mapped = Object.hasOwn(accounts.paymentTypeAccounts, p.paymentTypeId)
      ? accounts.paymentTypeAccounts[p.paymentTypeId] ?? null
      : p.accountNumber;
    const own = p.giftCard === true ? c.account(accounts.giftCardAccount, 'gift_card') : c.account(mapped, 'payment_type', p.name);
    c.addSigned('payment_type', p.name, p.amountOre, own, cash(), true);
  }
}

/** The till difference and the cash to the bank: the lines a count decides (and a correction changes). */
function addCountLines(c: LineCollector, accounts: PostingAccounts, cash: () => Side | null, differenceOre: number, toBankOre: number): void {
  const differences = (): Side | null => c.account(accounts.differencesAccount, 'differences');
  const bank = (): Side | null => c.account(accounts.bankAccount, 'bank');
  if (needs(differenceOre)) c.addSigned('difference', 'kassedifference', differenceOre, cash(), differences());
  if (needs(toBankOre)) c.addSigned('to_bank', 'til bank', toBankOre, bank(), cash());
}

function addCashLines(c: LineCollector, report: ZReport, accounts: PostingAccounts, cash: () => Side | null): void {
  const differences = (): Side | null => c.account(accounts.differencesAccount, 'differences');
  const bank = (): Side | null => c.account(accounts.bankAccount, 'bank');
  if (needs(report.roundingOre)) c.addSigned('rounding', 'øreafrunding', report.roundingOre, cash(), differences());
  // Found when the day was opened (counted ≠ carried over): a till difference of its own, posted as such.
  if (needs(report.openingDifferenceOre)) c.addSigned('opening_difference', 'kassedifference ved åbning', report.openingDifferenceOre, cash(), differences());
  addCountLines(c, accounts, cash, report.differenceOre, report.cashToBankDuringDayOre + report.cashToBankAtCloseOre);
  if (needs(report.cashFromBankOre)) c.addSigned('from_bank', 'fra bank', report.cashFromBankOre, cash(), bank());
}

/** Net debit of one account across the lines (debits − credits), øre. */
export function netMovement(lines: readonly PostingLine[], account: number): number {
  let net = 0;
  for (const l of lines) {
    if (l.accountNumber === account) net += l.amountOre;
    if (l.balancingAccountNumber === account) net -= l.amountOre;
  }
  return net;
}

/** Every line of the report with these accounts, and the problems of accounts a line needed but lacks. */
function collectLines(report: ZReport, accounts: PostingAccounts): LineCollector {
  const c = new LineCollector(report);
  // Asked for only when a line needs it, so a report that needs no cash line needs no cash account.
  const cash = (): Side | null => c.account(accounts.cashHoldingsAccount, 'cash_holdings');
  addRevenueLines(c, report, accounts, cash);
  addGiftCardAndTipLines(c, report, accounts, cash);
  addPaymentTypeLines(c, report, accounts, cash);
  addCashLines(c, report, accounts, cash);
  return c;
}

/**
 * The item from collected lines: refused with problems, or with the books' cash account moving exactly as
 * the drawer did (`floatChange`). That fails e.g. when a card type or the bank is mapped to the cash holdings
 * account itself (those lines drop out as same-account lines). Every line touches cash holdings, so with no
 * cash account set there are no lines and no movement.
 */
function finish(c: LineCollector, accounts: PostingAccounts, checks: PostingProblem[], floatChange: number, voucherDate: string, opts: { itemId: string; fileGuid?: string }): BuildLedgerItemResult {
  const problems = [...c.problems, ...checks];
  if (problems.length === 0) {
    const cashAccount = accounts.cashHoldingsAccount;
    const movement = cashAccount === null ? 0 : netMovement(c.lines, cashAccount);
    if (movement !== floatChange) {
      problems.push({
        code: 'cash_account_mismatch',
        params: {
          accountNumber: cashAccount ?? 0,
          movementOre: movement,
          floatChangeOre: floatChange,
          sameAccountLines: c.sameAccountLines.join('; '),
        },
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const item: LedgerItemDraft = { id: opts.itemId, voucherDate, lines: c.lines };
  if (opts.fileGuid !== undefined) item.fileGuid = opts.fileGuid;
  return { ok: true, item };
}

export function buildLedgerItem(
  report: ZReport,
  accounts: PostingAccounts,
  opts: { itemId: string; fileGuid?: string },
): BuildLedgerItemResult {
  const c = collectLines(report, accounts);
  return finish(c, accounts, checkReport(report), report.closingFloatOre - report.openingFloatOre, report.businessDate, opts);
}

/**
 * The ledger item of a correction of a report's count: only the change, on the report's own business date.
 * `before` is the report as it stood (the original, or as the previous correction left it), `after` as this
 * correction leaves it; only the count differs between them, so only the till difference and the cash to the
 * bank change, and the books' cash account moves by the change in the closing float. Each line says which
 * correction of which report it is ("Rettelse 1: Z12 Kasse 1 kassedifference"); the original voucher is
 * never touched.
 */
export function buildCorrectionItem(
  before: ZReport,
  after: ZReport,
  correctionNumber: number,
  accounts: PostingAccounts,
  opts: { itemId: string; fileGuid?: string },
): BuildLedgerItemResult {
  const c = new LineCollector(after, `Rettelse ${String(correctionNumber)}: `);
  const cash = (): Side | null => c.account(accounts.cashHoldingsAccount, 'cash_holdings');
  addCountLines(c, accounts, cash, after.differenceOre - before.differenceOre, after.cashToBankAtCloseOre - before.cashToBankAtCloseOre);
  return finish(c, accounts, checkReport(after), after.closingFloatOre - before.closingFloatOre, after.businessDate, opts);
}

/**
 * True when the report has no amount to post at all (an empty day): whatever the accounts, no line would
 * ever be sent. Accounts are asked for only by lines that need them, so building with none set yields no
 * line and no problem exactly then.
 */
export function hasNothingToPost(report: ZReport): boolean {
  const none: PostingAccounts = {
    revenueAccount: null, revenueVatCode: 'U25', vatExemptRevenueAccount: null, bankAccount: null,
    cashHoldingsAccount: null, differencesAccount: null, giftCardAccount: null, tipsAccount: null,
    groupAccounts: Object.fromEntries(report.groups.map((g) => [g.groupId, null])), paymentTypeAccounts: Object.fromEntries(report.payments.map((p) => [p.paymentTypeId, null])),
  };
  const c = collectLines(report, none);
  return c.problems.length === 0 && c.lines.length === 0;
}
