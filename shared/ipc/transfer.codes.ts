// The transfer engine's closed code lists, free of zod (like error-codes.ts) so the renderer can check a
// code at runtime without bundling the schemas. transfer.schemas.ts builds its enums from these.

/**
 * Why a transfer waits or failed, from the engine's reading of Dinero's answer: the client's error kinds,
 * 'internal' (a local failure), and the engine's own codes for answers it does not trust.
 */
export const TRANSFER_REASONS = [
  'offline', 'timeout', 'server', 'bad_response', 'unknown_outcome', 'unclear', 'rate_limited', 'stale_version',
  'unauthorized', 'reconnect_needed', 'no_pro', 'forbidden', 'validation', 'not_found', 'duplicate', 'id_mismatch',
  'internal', 'bad_original', 'update_unconfirmed', 'no_version', 'duplicate_but_absent', 'other_id', 'company_changed',
  'lost_answer',
] as const;

export type TransferReasonCode = (typeof TRANSFER_REASONS)[number];

const REASONS = new Set<string>(TRANSFER_REASONS);

/** Whether a stored code (an open string in the database) is one of TRANSFER_REASONS. */
export function isTransferReason(code: unknown): code is TransferReasonCode {
  return typeof code === 'string' && REASONS.has(code);
}

/**
 * What one attempt led to: the transfer outcomes, the actions of a problem that stopped the whole queue
 * (logged under the action that fixes it), the engine's questions, 'answered' (the user's answer; params
 * question, answer), and 'other' for an outcome an older version wrote that this one does not know.
 */
export const ATTEMPT_OUTCOMES = [
  'sent', 'updated', 'found', 'not_found', 'uploaded', 'upload_failed', 'deleted_in_dinero', 'stale_version', 'needs_attention',
  'unknown', 'retry', 'interrupted', 'duplicate', 'booked', 'blocked',
  'reconnect', 'dinero_pro_required', 'no_access', 'choose_company', 'fix_account', 'check_transfer', 'wait_rate_limit', 'other_instance',
  'unclear', 'other_id', 'duplicate_but_absent', 'company_changed', 'not_draft', 'update_unconfirmed', 'no_version', 'nothing_to_transfer',
  'attached', 'attach_failed', 'answered', 'lost_answer', 'other',
] as const;

/** What happened to the report's PDF with an attempt. */
export const ATTACHMENT_NOTES = ['attached', 'not_made', 'upload_failed'] as const;
