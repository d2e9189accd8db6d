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
  /** The open period is already past the bound (written by a build without it): void the wrong sale to recover. */
  | 'period_over_limit'
  /** A large amount was not confirmed yet (confirmations.ts); details: amountOre, limitOre. */
  | 'amount_unconfirmed'
  /** More to the bank than the drawer should hold, not confirmed yet; details: amountOre, expectedCashOre. */
  | 'movement_exceeds_drawer'
  /** The cash movement was undone already (details.id). */
  | 'movement_already_undone'
  /** The cash movement is counted in a closed report and cannot be undone (details.id). */
  | 'movement_in_closed_report'
  /** The sale was voided already (details.id). */
  | 'sale_already_voided'
  /** The sale is counted in a closed report: it cannot be voided, only refunded (details.id). */
  | 'sale_in_closed_report'
  /** A refund of the sale stands; void that refund first (details.id, refundIds). */
  | 'sale_has_refunds'
  /** The sale was voided, so there is nothing to refund (details.id). */
  | 'sale_voided'
  /** More would be refunded of a line than it sold less what was refunded before (details.lineNo, remaining). */
  | 'refund_exceeds_sale'
  /** Only the latest report of a register can be corrected (details.number, latestNumber). */
  | 'report_not_latest'
  /** The correction changes nothing: counted cash and cash to bank are as the report already has them. */
  | 'correction_unchanged'
  /** The open period was opened with a count already (details.countedOre). */
  | 'day_already_opened'
  /** Something was recorded in the open period already: the opening count belongs before the first sale. */
  | 'day_already_started'
  /** A line names a product group the till does not have (details.groupId). */
  | 'unknown_group'
  /** A line names a product group that is not active (details.groupId). */
  | 'inactive_group'
  /** A line's VAT rate is not its group's (details.groupId, vatRateBp, groupVatRateBp). */
  | 'group_vat_mismatch'
  /** A tip where none can be: on cash or a gift card, in a return, negative or not less than its payment. */
  | 'invalid_tip'
  /** Training mode is on at this register: only training sales are rung up until it is turned off (details.action). */
  | 'training_mode'
  /** Training mode is already on (or already off) at this register. */
  | 'training_unchanged';

export type TillError = CodedError<'till'>;

export function tillError(code: TillErrorCode, message: string, details?: Record<string, unknown>): TillError {
  return new CodedError('till', code, message, details);
}

export function isTillError(value: unknown): value is TillError {
  return isCodedError(value, 'till');
}
