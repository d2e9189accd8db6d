// One error type for every rule the till domain enforces. The code is stable (the UI maps it to Danish or
// English text, the IPC layer passes it on); the message is plain English for logs and the CLI.

export type TillErrorCode =
  | 'invalid_sale'
  | 'payment_mismatch'
  | 'unknown_payment_type'
  | 'inactive_payment_type'
  | 'invalid_amount'
  | 'invalid_cash_count'
  | 'empty_day_not_confirmed'
  | 'report_unbalanced'
  | 'invalid_date';

export class TillError extends Error {
  override readonly name = 'TillError';

  constructor(
    readonly code: TillErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export function isTillError(value: unknown): value is TillError {
  return value instanceof TillError;
}
