// Transfer problems (posting problems, Dinero's own words, older rows' sentences) and the transfer engine's
// reasons in the user's language, each naming what to fix. Main sends codes and data only.
import type { TransferProblem } from '../../shared/ipc/contract.types';
import { isTransferReason } from '../../shared/ipc/transfer.codes';
import type { Ore } from '../../shared/money/ore';
import type { Language } from '../../shared/settings/settings.schema';
import type { MessageKey, T } from '../i18n/i18n';
import { formatOre } from '../money/amount.format';

const ROLES = ['revenue', 'vat_exempt_revenue', 'bank', 'cash_holdings', 'differences', 'payment_type'] as const;

function amount(value: string | number | undefined, lang: Language): string {
  return typeof value === 'number' && Number.isSafeInteger(value) ? formatOre(value as Ore, lang) : '?';
}

export function problemText(t: T, lang: Language, problem: TransferProblem): string {
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

/** A reason code in words; an older or unknown code (it is an open string in the database) as it is. */
export function reasonText(t: T, reason: string | number | null | undefined): string {
  if (reason === null || reason === undefined || reason === '') return '';
  return isTransferReason(reason) ? t(`transfer.reason.${reason}`) : String(reason);
}

/** Problems the user fixes under Settings → Cash → Accounts (the rest need support or Dinero). */
export function isAccountProblem(problem: TransferProblem): boolean {
  return ['account_missing', 'account_unknown', 'account_hidden', 'vat_code_unknown', 'cash_account_mismatch'].includes(problem.code);
}
