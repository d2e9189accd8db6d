// Checks the Accounts form before anything is saved: numbers only, a cash holdings account that no other
// role uses (its lines would cancel out), and, against the company's chart, accounts that exist and are not
// hidden. With a live chart those block saving; with the offline copy they are warnings only. Several
// payment types may share one account.
import { vatCodesDisagree } from '../../shared/dinero/chart.check';
import { revenueVatCode } from '../../shared/dinero/ledger-item.builder';
import type { Chart } from '../../shared/ipc/contract.types';

export type AccountFieldKey = 'revenueAccount' | 'vatExemptRevenueAccount' | 'bankAccount' | 'cashHoldingsAccount' | 'differencesAccount' | 'giftCardAccount' | 'tipsAccount' | `type:${string}`;

export type AccountIssue = 'format' | 'cash_shared' | 'unknown' | 'hidden' | 'vat';
export type VatIssue = 'format' | 'unknown';

export interface AccountsDraft {
  /** Typed text per field ('' = not set). */
  fields: Partial<Record<AccountFieldKey, string>>;
  revenueVatCode: string;
}

export interface AccountsCheck {
  values: Partial<Record<AccountFieldKey, number | null>>;
  issues: Partial<Record<AccountFieldKey, AccountIssue>>;
  vatIssue: VatIssue | null;
  /** Issues that stop the save (warnings do not). */
  blocking: boolean;
}

/**
 * The VAT code each of these accounts' lines post with; the chart's own code for the account must agree (the
 * transfer's chart check, shared/dinero/chart.check.ts, refuses it otherwise). An account the chart gives no
 * code is left be.
 */
/** The chart's rule (chart.check.ts) for an account whose posting code is known. */
function vatAgainstChart(chartVatCode: string | null, posted: string | null): boolean {
  return posted !== null && vatCodesDisagree(chartVatCode, posted);
}

/** What the chart says against an account: not in it, hidden, or another VAT code than its lines post with. */
export function chartIssue(account: Chart['accounts'][number] | undefined, posted: string | null): AccountIssue | undefined {
  if (!account) return 'unknown';
  if (account.isHidden) return 'hidden';
  return vatAgainstChart(account.vatCode, posted) ? 'vat' : undefined;
}

export function postedVatCode(key: AccountFieldKey, settingsRevenueVatCode: string): string | null {
  if (key === 'revenueAccount') return revenueVatCode(2500, settingsRevenueVatCode.trim());
  if (key === 'vatExemptRevenueAccount') return revenueVatCode(0, settingsRevenueVatCode);
  // Gift cards and tips are no revenue: their lines carry no VAT.
  return key === 'giftCardAccount' || key === 'tipsAccount' ? 'none' : null;
}


const MAIN_ROLES: AccountFieldKey[] = ['revenueAccount', 'vatExemptRevenueAccount', 'bankAccount', 'differencesAccount', 'giftCardAccount', 'tipsAccount'];

export function parseAccountNumber(text: string): number | null | 'format' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d{1,8}$/.test(trimmed) || Number(trimmed) < 1) return 'format';
  return Number(trimmed);
}

export function checkAccounts(draft: AccountsDraft, chart: Chart | null): AccountsCheck {
  const values: AccountsCheck['values'] = {};
  const issues: AccountsCheck['issues'] = {};
  const keys = Object.keys(draft.fields) as AccountFieldKey[];
  for (const key of keys) {
    const parsed = parseAccountNumber(draft.fields[key] ?? '');
    if (parsed === 'format') issues[key] = 'format';
    else values[key] = parsed;
  }

  const cash = values.cashHoldingsAccount ?? null;
  if (cash !== null) {
    const others = keys.filter((k) => k !== 'cashHoldingsAccount' && (MAIN_ROLES.includes(k) || k.startsWith('type:')));
    if (others.some((k) => values[k] === cash)) issues.cashHoldingsAccount = 'cash_shared';
  }

  if (chart) {
    const byNumber = new Map(chart.accounts.map((a) => [a.accountNumber, a]));
    for (const key of keys) {
      const n = values[key];
      if (n === null || n === undefined || issues[key]) continue;
      const issue = chartIssue(byNumber.get(n), postedVatCode(key, draft.revenueVatCode));
      if (issue) issues[key] = issue;
    }
  }

  const vat = draft.revenueVatCode.trim();
  let vatIssue: VatIssue | null = null;
  if (!/^(none|[A-Z][A-Z0-9]{0,9})$/.test(vat)) vatIssue = 'format';
  else if (chart && vat !== 'none' && !chart.vatCodes.some((v) => v.vatCode === vat)) vatIssue = 'unknown';

  const live = chart?.source === 'live';
  const blockingIssue = (issue: AccountIssue | VatIssue) => issue === 'format' || issue === 'cash_shared' || live;
  const blocking = Object.values(issues).some((i) => i !== undefined && blockingIssue(i)) || (vatIssue !== null && blockingIssue(vatIssue));
  return { values, issues, vatIssue, blocking };
}
