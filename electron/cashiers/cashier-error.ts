// The cashier rules' codes, thrown as CodedError('cashier', …); the reply layer prefixes them with "cashier_".
import { CodedError } from '../../shared/coded-error';

export type CashierErrorCode =
  /** Cashiers are set up and nobody is signed in at the till. */
  | 'sign_in_required'
  /** The channel or the change needs the owner (Settings: Dinero, accounts, payment types, cashiers). */
  | 'owner_required'
  /** The PIN does not match (details.triesLeft before a lockout). */
  | 'pin_wrong'
  /** Too many wrong PINs: try again after details.retryAt (ISO instant). */
  | 'pin_locked'
  /** Another cashier has that name. */
  | 'name_taken'
  /** The last active owner cannot be demoted or deactivated. */
  | 'last_owner'
  /** The first cashier set up must be the owner. */
  | 'first_must_be_owner'
  /** The cashier is deactivated. */
  | 'inactive';

declare module '../../shared/coded-error' {
  interface ErrorCodes {
    cashier: CashierErrorCode;
  }
}

export type CashierError = CodedError<'cashier'>;

export function cashierError(code: CashierErrorCode, message: string, details?: Record<string, unknown>): CashierError {
  return new CodedError('cashier', code, message, details);
}
