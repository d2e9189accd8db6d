// The codes of every rule the till domain enforces, thrown as CodedError('till', …). The code is stable (the
// UI maps it to Danish or English text, the IPC layer passes it on); the message is plain English for logs.
import { CodedError, isCodedError } from '../coded-error';

export type TillErrorCode =
  | 'invalid_sale'
  | 'payment_mismatch'
  | 'unknown_payment_type'
  | 'inactive_payment_type'
  | 'invalid_amount'
  | 'invalid_cash_count'
  | 'empty_day_not_confirmed'
  | 'report_unbalanced'
  | 'invalid_date'
  /** A sale or movement would take the open period's totals past what can be posted (period-bound.ts). */
  | 'period_limit'
  /** A large amount was not confirmed yet (confirmations.ts); details: amountOre, limitOre. */
  | 'amount_unconfirmed'
  /** More to the bank than the drawer should hold, not confirmed yet; details: amountOre, expectedCashOre. */
  | 'movement_exceeds_drawer'
  /** The cash movement was undone already (details.id). */
  | 'movement_already_undone'
  /** The cash movement is counted in a closed report and cannot be undone (details.id). */
  | 'movement_in_closed_report';

export type TillError = CodedError<'till'>;

export function tillError(code: TillErrorCode, message: string, details?: Record<string, unknown>): TillError {
  return new CodedError('till', code, message, details);
}

export function isTillError(value: unknown): value is TillError {
  return isCodedError(value, 'till');
}
