// Translates the errors the services throw into reply errors with a code from the closed ERROR_CODES list,
// so both shells answer alike. Messages are the services' own plain English (they never contain tokens);
// anything not recognised here returns null and the dispatcher answers 'internal'.
import { errorCodeForTillError, type ErrorCode, type IpcError } from '../../shared/ipc/error-codes';
import { isTillError } from '../../shared/till/till-error';
import { TokenVaultError } from '../auth/token-cipher';
import { DataError } from '../db/data-error';
import { DineroApiError, type DineroErrorKind } from '../dinero/client/dinero-api.error';
import { SettingsError } from '../settings/settings.service';
import { AppFailure } from './app-failure';

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

const SETTINGS_CODES: Record<SettingsError['code'], ErrorCode> = {
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

function dataError(error: DataError): IpcError {
  if (error.code === 'not_found') return { code: 'not_found', message: error.message };
  // The only conflicts a channel can cause are duplicate payment type names (imports are not a channel).
  if (error.code === 'conflict') return { code: 'payment_type_name_taken', message: error.message };
  const issues = Array.isArray(error.details?.issues) ? error.details.issues : [{ path: '', message: error.message }];
  return { code: 'invalid_input', message: error.message, details: { issues } };
}

/** The reply error for a known service error, or null when the error is unexpected (a bug, a disk failure). */
export function replyErrorFor(error: unknown): IpcError | null {
  if (error instanceof AppFailure) return withDetails(error.code, error.message, error.details);
  if (isTillError(error)) return withDetails(errorCodeForTillError(error.code), error.message, error.details);
  if (error instanceof DataError) return dataError(error);
  if (error instanceof SettingsError) {
    const issues = error.issues.map((i) => ({ path: i.path, message: i.message }));
    return withDetails(SETTINGS_CODES[error.code], error.message, issues.length > 0 ? { issues } : undefined);
  }
  if (error instanceof DineroApiError) return dineroError(error);
  if (error instanceof TokenVaultError && error.code === 'secure_storage_unavailable') {
    return { code: 'secure_storage_unavailable', message: error.message };
  }
  return null;
}
