// Checks a built ledger item against the company's chart of accounts and VAT codes (fetched from Dinero,
// or the cached copy when offline) before sending: Dinero would refuse an unknown account, and a hidden
// one is an account the accountant has retired (dinero-api.md §8, pitfalls 7 and 11).
import { NO_VAT, REVENUE_ROLES, type LedgerItemDraft, type PostingProblem } from './posting.types';

/**
 * The chart gives an account another VAT code than a line posts to it with. An account the chart gives no code
 * (assets, liabilities) agrees with any; the screens apply the same rule when an account is chosen.
 */
export function vatCodesDisagree(chartVat: string | null | undefined, lineVat: string): boolean {
  return chartVat != null && chartVat.toUpperCase() !== lineVat.toUpperCase();
}

export function checkAgainstChart(
  item: LedgerItemDraft,
  chart: ReadonlyArray<{ accountNumber: number; isHidden: boolean; vatCode?: string | null }>,
  vatCodes: ReadonlyArray<string>,
): PostingProblem[] {
  const accounts = new Map(chart.map((a) => [a.accountNumber, a]));
  const knownVat = new Set(vatCodes.map((v) => v.toUpperCase()));
  const problems: PostingProblem[] = [];
  const seenAccounts = new Set<number>();
  const seenVat = new Set<string>();
  const seenMismatch = new Set<number>();

  for (const line of item.lines) {
    const sides = [
      [line.accountNumber, line.accountVatCode],
      [line.balancingAccountNumber, line.balancingAccountVatCode],
    ] as const;
    for (const [accountNumber, vatCode] of sides) {
      if (!seenAccounts.has(accountNumber)) {
        seenAccounts.add(accountNumber);
        const entry = accounts.get(accountNumber);
        if (entry === undefined) {
          problems.push({ code: 'account_unknown', params: { accountNumber, description: line.description } });
        } else if (entry.isHidden) {
          problems.push({ code: 'account_hidden', params: { accountNumber, description: line.description } });
        }
      }
      // A revenue-like line on an account the chart gives another VAT code: the accountant set that account up
      // for something else (or the group's rate is wrong). An account without a code in the chart (assets) is left be.
      const chartVat = accounts.get(accountNumber)?.vatCode;
      if (REVENUE_ROLES.has(line.role) && vatCodesDisagree(chartVat, vatCode) && !seenMismatch.has(accountNumber)) {
        seenMismatch.add(accountNumber);
        problems.push({ code: 'account_vat_mismatch', params: { accountNumber, accountVatCode: chartVat ?? '', vatCode, description: line.description } });
      }
      // "none" is Dinero's literal for no VAT, not an entry of the VAT code list.
      const vatKey = vatCode.toUpperCase();
      if (vatKey !== NO_VAT.toUpperCase() && !seenVat.has(vatKey)) {
        seenVat.add(vatKey);
        if (!knownVat.has(vatKey)) problems.push({ code: 'vat_code_unknown', params: { vatCode, description: line.description } });
      }
    }
  }
  return problems;
}
