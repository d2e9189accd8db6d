// The closed set of error codes a channel can reply with, and the reply envelope. Deliberately free of zod
// so the renderer can import the list at runtime for its small reply check without bundling schemas.
// User-facing text for each code lives in the renderer's i18n files, never here.
import type { TillErrorCode } from '../till/till-error';

export const ERROR_CODES = [
  /** The input failed the channel's zod schema; details.issues lists { path, message }. */
  'invalid_input',
  /** The report, payment type, sale or login the input names does not exist. */
  'not_found',
  /** Unknown channel name, or a caller the shell does not trust (wrong secret, wrong frame). */
  'forbidden',
  // The till domain's rules (shared/till/till-error.ts), one code each.
  'till_invalid_sale',
  'till_payment_mismatch',
  'till_unknown_payment_type',
  'till_inactive_payment_type',
  'till_invalid_amount',
  'till_invalid_cash_count',
  'till_empty_day_not_confirmed',
  'till_report_unbalanced',
  'till_invalid_date',
  'till_period_limit',
  'till_period_over_limit',
  'till_amount_unconfirmed',
  'till_movement_exceeds_drawer',
  'till_movement_already_undone',
  'till_movement_in_closed_report',
  'till_sale_already_voided',
  'till_sale_in_closed_report',
  'till_sale_has_refunds',
  'till_sale_voided',
  'till_refund_exceeds_sale',
  'till_report_not_latest',
  'till_correction_unchanged',
  'till_day_already_opened',
  'till_day_already_started',
  'till_unknown_group',
  'till_inactive_group',
  'till_group_vat_mismatch',
  'till_invalid_tip',
  'till_training_mode',
  'till_training_unchanged',
  // Cashiers (electron/cashiers/cashier-error.ts), one code each.
  /** Cashiers are set up and nobody is signed in at the till. */
  'cashier_sign_in_required',
  /** Only the owner may do this (the settings: Dinero, accounts, payment types, cashiers). */
  'cashier_owner_required',
  /** The PIN does not match; details.triesLeft. */
  'cashier_pin_wrong',
  /** Too many wrong PINs; details.retryAt. */
  'cashier_pin_locked',
  'cashier_name_taken',
  'cashier_last_owner',
  'cashier_first_must_be_owner',
  'cashier_inactive',
  /** A payment type name already in use (names must be unique so reports read clearly). */
  'payment_type_name_taken',
  /** A product group name already in use. */
  'group_name_taken',
  /** Another article has that barcode already. */
  'article_ean_taken',
  /** Settings rejected as a whole; details.issues lists { path, message }. */
  'settings_invalid',
  /** The settings file is from a newer TillBridge; nothing can be changed until the app is updated. */
  'settings_newer_version',
  'settings_write_failed',
  /** The report's posting has problems (details.problems: PostingProblem[]); nothing was sent. */
  'posting_blocked',
  /** The Dinero integration is switched off in Settings → Dinero. */
  'dinero_disabled',
  /** No Dinero company is chosen yet. */
  'no_company',
  /** Not logged in with a Visma account (or logged out since). */
  'not_connected',
  'dinero_offline',
  /** The refresh token no longer works: the user must log in again. */
  'dinero_reconnect_needed',
  /** The company has no Dinero Pro subscription (Dinero's 403 codes 90/48). */
  'dinero_no_pro',
  /** The user has no access to the company in Dinero. */
  'dinero_no_access',
  /** Dinero refused the data (400); details.messages holds Dinero's own words. */
  'dinero_validation',
  'dinero_rate_limited',
  /** Dinero answered with 5xx or nonsense. */
  'dinero_unavailable',
  /** The Visma login failed or was refused. */
  'login_failed',
  /** The OS offers no encrypted storage for tokens; TillBridge refuses to keep them in plaintext. */
  'secure_storage_unavailable',
  // The electronic journal and its certificate (electron/journal/certificate.ts).
  /** Not a PKCS#12 file, or the wrong password. */
  'journal_certificate_unreadable',
  'journal_certificate_no_key',
  'journal_certificate_not_rsa',
  /** details.notBefore, details.notAfter. */
  'journal_certificate_expired',
  'journal_signing_key_unavailable',
  /** The shop's CVR (8 digits) is needed in Settings → Kasse. */
  'journal_cvr_missing',
  'journal_invalid_period',
  // Backups (electron/backup).
  /** No backup folder is chosen, or it cannot be written. */
  'backup_folder_unavailable',
  /** details.file: the backup fails its checksum or SQLite's integrity check. */
  'backup_invalid',
  /** Another operation on the same thing is in progress (e.g. a transfer of this report is being sent). */
  'busy',
  /** The app is still opening (perhaps migrating) its database: only app.startup answers yet. */
  'app_starting',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface IpcError {
  code: ErrorCode;
  /** Plain English for logs and developers; the UI shows its own translation of `code`. */
  message: string;
  details?: Record<string, unknown>;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: IpcError };

const KNOWN = new Set<string>(ERROR_CODES);

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && KNOWN.has(value);
}

/** The shells map a TillError to its reply code with this, so every shell says the same. */
export function errorCodeForTillError(code: TillErrorCode): ErrorCode {
  return `till_${code}`;
}
