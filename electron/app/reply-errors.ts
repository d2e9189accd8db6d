// Translates the errors the services throw into reply errors with a code from the closed ERROR_CODES list,
// so both shells answer alike. Messages are the services' own plain English (they never contain tokens);
// anything not recognised here returns null and the dispatcher answers 'internal'.
import { CodedError, type ErrorDomain } from '../../shared/coded-error';
import { errorCodeForTillError, type ErrorCode, type IpcError } from '../../shared/ipc/error-codes';
import type { DataError } from '../db/data-error';
import type { CashierError } from '../cashiers/cashier-error';
import { DineroApiError, type DineroErrorKind } from '../dinero/client/dinero-api.error';
import type { SettingsError, SettingsErrorCode } from '../settings/settings.service';

const DINERO_CODES: Record<DineroErrorKind, ErrorCode> = {
  offline: 'dinero_offline',
  timeout: 'dinero_offline',
  // The API or Visma Connect refused our credentials: logging in again is what the user can do about it.
  unauthorized: 'dinero_reconnect_needed',
  reconnect_needed: 'dinero_reconnect_needed',
  no_pro: 'dinero_no_pro',
  forbidden: 'dinero_no_access',
  validation: 'dinero_validation',
  not_found: 'not_found',
  duplicate: 'dinero_validation',
  stale_version: 'dinero_validation',
  rate_limited: 'dinero_rate_limited',
  server: 'dinero_unavailable',
  unknown_outcome: 'dinero_unavailable',
  bad_response: 'dinero_unavailable',
  unclear: 'dinero_unavailable',
  id_mismatch: 'dinero_unavailable',
};

const SETTINGS_CODES: Record<SettingsErrorCode, ErrorCode> = {
  invalid_settings: 'settings_invalid',
  settings_from_newer_version: 'settings_newer_version',
  settings_write_failed: 'settings_write_failed',
};

function withDetails(code: ErrorCode, message: string, details?: Record<string, unknown>): IpcError {
  return details && Object.keys(details).length > 0 ? { code, message, details } : { code, message };
}

function dineroError(error: DineroApiError): IpcError {
  const details: Record<string, unknown> = {};
  if (error.fieldErrors) details.messages = Object.values(error.fieldErrors);
  if (error.retryAfterMs !== undefined) details.retryAfterMs = error.retryAfterMs;
  if (error.dineroCode !== undefined) details.dineroCode = error.dineroCode;
  return withDetails(DINERO_CODES[error.kind], error.message, details);
}

function dataReply(error: DataError): IpcError {
  if (error.code === 'not_found') return { code: 'not_found', message: error.message };
  // A channel's conflicts are a name or barcode already taken: the repo says which (details.taken).
  if (error.code === 'conflict') {
    const taken = error.details?.taken;
    const code = taken === 'group_name' ? 'group_name_taken' : taken === 'article_ean' ? 'article_ean_taken' : 'payment_type_name_taken';
    return { code, message: error.message };
  }
  const issues = Array.isArray(error.details?.issues) ? error.details.issues : [{ path: '', message: error.message }];
  return { code: 'invalid_input', message: error.message, details: { issues } };
}

/** Each domain's codes to the contract's, in one table (a new domain must say how it replies). */
const CODED_REPLY: { [D in ErrorDomain]: (error: CodedError<D>) => IpcError | null } = {
  app: (e) => withDetails(e.code, e.message, e.details),
  till: (e) => withDetails(errorCodeForTillError(e.code), e.message, e.details),
  data: dataReply,
  cashier: (e: CashierError) => withDetails(`cashier_${e.code}`, e.message, e.details),
  settings: (e) => {
    const issues = ((e as SettingsError).details?.issues ?? []).map((i) => ({ path: i.path, message: i.message }));
    return withDetails(SETTINGS_CODES[e.code], e.message, issues.length > 0 ? { issues } : undefined);
  },
  journal: (e) => withDetails(`journal_${e.code}`, e.message, e.details),
  backup: (e) => withDetails(`backup_${e.code}`, e.message, e.details),
  // The other vault failures (a damaged token file, a disk error) are unexpected here: 'internal'.
  vault: (e) => (e.code === 'secure_storage_unavailable' ? { code: 'secure_storage_unavailable', message: e.message } : null),
};

/** The reply error for a known service error, or null when the error is unexpected (a bug, a disk failure). */
export function replyErrorFor(error: unknown): IpcError | null {
  if (error instanceof CodedError) {
    const coded = error as CodedError;
    return (CODED_REPLY[coded.domain] as (e: CodedError) => IpcError | null)(coded);
  }
  if (error instanceof DineroApiError) return dineroError(error);
  return null;
}
