// Posting problems (shared/dinero POSTING_PROBLEM_CODES) in the user's language, each naming what to fix.
import type { PostingProblem } from '../../shared/dinero/posting.types';
import type { Ore } from '../../shared/money/ore';
import type { Language } from '../../shared/settings/settings.schema';
import type { MessageKey, T } from '../i18n/i18n';
import { formatOre } from '../money/amount.format';

const ROLES = ['revenue', 'vat_exempt_revenue', 'bank', 'cash_holdings', 'differences', 'payment_type'] as const;

function amount(value: string | number | undefined, lang: Language): string {
  return typeof value === 'number' && Number.isSafeInteger(value) ? formatOre(value as Ore, lang) : '?';
}

export function problemText(t: T, lang: Language, problem: PostingProblem): string {
  const p = problem.params;
  const params = {
    ...p,
    expected: amount(p.expectedOre, lang),
    actual: amount(p.actualOre, lang),
    payments: amount(p.paymentsOre, lang),
    movement: amount(p.movementOre, lang),
    floatChange: amount(p.floatChangeOre, lang),
  };
  if (problem.code === 'account_missing') {
    const role = ROLES.find((r) => r === p.role) ?? 'revenue';
    return t(`problem.account_missing.${role}` as MessageKey, params);
  }
  return t(`problem.${problem.code}`, params);
}

/** Problems the user fixes under Settings → Cash → Accounts (the rest need support or Dinero). */
export function isAccountProblem(problem: PostingProblem): boolean {
  return ['account_missing', 'account_unknown', 'account_hidden', 'vat_code_unknown', 'cash_account_mismatch'].includes(problem.code);
}
