// Retransfer of a report Dinero already holds (the help article's "Post to Dinero"): status first.
// Draft → update in place with its current Version (a stale Version is re-read and retried once), and the
// update counts only once a status read shows Dinero's new Version. Deleted in Dinero (its own JSON error
// naming the Id) → posted again under the SAME Id. Booked, pending booking, or any Status nobody documented
// → left alone; a booked one may then get a reversal plus a corrected voucher (transfer.reverse.ts).
import { isDineroApiError } from '../dinero/client/dinero-api.error';
import type { LedgerItemStatus } from '../dinero/client/dinero.client';
import { markSending, noteInterrupted, prepareForSend, processCreate, readBack } from './transfer.create';
import { decide } from './transfer.policy';
import { attempt, fail, markSent, record, type RowOutcome, type StepContext } from './transfer.context';
import type { AttachmentNote, TransferRow } from './transfer.types';

const isBookedStatus = (status: string): status is 'Booked' | 'PendingBooking' => status === 'Booked' || status === 'PendingBooking';

/** Booked, being booked, or in a Status TillBridge does not know: record what Dinero said and touch nothing. */
export function leaveBooked(ctx: StepContext, row: TransferRow, s: LedgerItemStatus): RowOutcome {
  const known = isBookedStatus(s.status);
  const message = known
    ? `${s.status} in Dinero${s.voucherNumber === null ? '' : ` as voucher ${s.voucherNumber}`}: not changed`
    : `Dinero shows the status "${s.status}", which is not a draft: not changed`;
  record(ctx, row, {
    state: 'sent', action: 'create', dineroStatus: s.status, voucherNumber: s.voucherNumber ?? undefined, version: s.version ?? undefined,
    nextAttemptAt: null, lastErrorCode: null, lastErrorMessage: null, problems: [], sendingPayload: null, mayExist: true, unclearCount: 0,
  }, { operation: 'status', outcome: known ? 'booked' : 'not_draft', params: { status: s.status, ...(s.voucherNumber === null ? {} : { voucherNumber: s.voucherNumber }) }, message });
  if (!known) return { stop: false, result: { outcome: 'not_draft', status: s.status, itemId: row.ledgerItemId } };
  return { stop: false, result: { outcome: 'booked', status: s.status as 'Booked' | 'PendingBooking', itemId: row.ledgerItemId, voucherNumber: s.voucherNumber } };
}

/**
 * Deleted in Dinero (Dinero said so itself): posted again under the same Id, since that Id is the one thing
 * that keeps it from ever being there twice. Only the user's answer to a contradiction gives it a new Id.
 */
export async function recreate(ctx: StepContext, row: TransferRow): Promise<RowOutcome> {
  const again = record(ctx, row, {
    action: 'create', state: 'queued', version: null, dineroStatus: null, voucherNumber: null, fileGuid: null,
    sendingPayload: null, reversalItemId: null, correctedItemId: null, reversalSentAt: null, mayExist: false,
  }, { operation: 'recreate', outcome: 'deleted_in_dinero', params: { itemId: row.ledgerItemId }, message: `Not in Dinero any more (deleted there); posting it again under the same Id ${row.ledgerItemId}` });
  return processCreate(ctx, again, 'recreated');
}

/** A 2xx on the PUT counts only when a status read shows the draft with a Version other than the one sent. */
async function confirmUpdate(ctx: StepContext, row: TransferRow, sentVersion: string, payload: string, extra: { fileGuid: string | null; attachmentNote: AttachmentNote | null }): Promise<RowOutcome> {
  const back = await readBack(ctx, row, row.ledgerItemId, 'maybe');
  if (back.kind === 'failed') return back.outcome;
  if (back.kind === 'found' && back.status.status !== 'Draft') return leaveBooked(ctx, row, back.status);
  if (back.kind === 'found' && back.status.version !== sentVersion) {
    markSent(ctx, row, { version: back.status.version, status: 'Draft', pdfPending: ctx.attachPdf && extra.fileGuid === null }, {
      operation: 'update', outcome: 'updated', params: { fromVersion: sentVersion, version: back.status.version ?? '' }, message: `Updated in place (version ${sentVersion} → ${back.status.version ?? '(none given)'})`, payload, ...extra,
    });
    return { stop: false, result: { outcome: 'sent', how: 'updated', itemId: row.ledgerItemId, version: back.status.version } };
  }
  const answer = back.kind === 'found' ? `Dinero still shows version ${sentVersion}` : 'Dinero no longer shows the item';
  record(ctx, row, {
    state: 'needs_attention', action: 'update', lastErrorCode: 'update_unconfirmed', lastErrorMessage: answer, problems: [],
    sendingPayload: null, nextAttemptAt: null, mayExist: true,
  }, {
    operation: 'update', outcome: 'update_unconfirmed', params: back.kind === 'found' ? { version: sentVersion } : { gone: 1 },
    message: `Dinero accepted the update but a status read does not show it: ${answer}`, payload,
  });
  return { stop: false, result: { outcome: 'needs_attention', reason: 'update_unconfirmed', problems: [] } };
}

async function putDraft(ctx: StepContext, row: TransferRow, version: string, retried: boolean): Promise<RowOutcome> {
  const ready = await prepareForSend(ctx, row, row.ledgerItemId);
  if (ready.kind === 'outcome') return ready.outcome;
  const sending = markSending(ctx, ready.row, ready.payload);
  try {
    await ctx.client.updateLedgerItems(sending.orgId, [{ ...ready.input, version }]);
  } catch (error) {
    if (isDineroApiError(error, 'not_found')) return recreate(ctx, sending);
    if (isDineroApiError(error, 'stale_version') && !retried) {
      attempt(ctx, sending, { operation: 'update', outcome: 'stale_version', params: { version }, httpStatus: error.status ?? null, dineroCode: error.dineroCode ?? null, message: 'Changed in Dinero meanwhile; reading it again', payload: ready.payload });
      return updateFromStatus(ctx, sending, true);
    }
    return fail(ctx, sending, error, decide(error), 'absent', 'update', ready.payload);
  }
  return confirmUpdate(ctx, sending, version, ready.payload, { fileGuid: ready.input.fileGuid ?? null, attachmentNote: ready.note });
}

async function updateFromStatus(ctx: StepContext, row: TransferRow, retried: boolean): Promise<RowOutcome> {
  const back = await readBack(ctx, row, row.ledgerItemId, 'absent');
  if (back.kind === 'failed') return back.outcome;
  const current = ctx.repo.get(row.reportId) as TransferRow;
  if (back.kind === 'absent') return recreate(ctx, current);
  if (back.status.status !== 'Draft') return leaveBooked(ctx, current, back.status);
  if (back.status.version === null) {
    // Without the Version Dinero wants on a PUT, an update cannot be made safely: leave the draft as it is.
    const problem = 'Dinero did not say which version the draft has';
    record(ctx, current, { state: 'needs_attention', lastErrorCode: 'no_version', lastErrorMessage: problem, problems: [], sendingPayload: null, nextAttemptAt: null },
      { operation: 'status', outcome: 'no_version', message: `${problem}, so TillBridge did not update it` });
    return { stop: false, result: { outcome: 'needs_attention', reason: 'no_version', problems: [] } };
  }
  return putDraft(ctx, current, back.status.version, retried);
}

export async function processUpdate(ctx: StepContext, row: TransferRow): Promise<RowOutcome> {
  noteInterrupted(ctx, row, 'update');
  return updateFromStatus(ctx, row, false);
}

