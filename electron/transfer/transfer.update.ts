// Retransfer of a report Dinero already holds (the help article's "Post to Dinero"): status first.
// Draft → update in place with its current Version (a stale Version is re-read and retried once).
// Deleted in Dinero → posted again under a NEW Id (the old one stays in the history). Booked or pending
// booking → left alone; the user may then confirm a reversal plus a corrected voucher (transfer.reverse.ts).
import { isDineroApiError } from '../dinero/client/dinero-api.error';
import type { LedgerItemStatus } from '../dinero/client/dinero.client';
import { markSending, noteInterrupted, prepareForSend, processCreate, readBack } from './transfer.create';
import { decide } from './transfer.policy';
import { attempt, fail, markSent, nowIso, record, type RowOutcome, type StepContext } from './transfer.context';
import type { TransferRow } from './transfer.types';

export function bookedMessage(s: Pick<LedgerItemStatus, 'status' | 'voucherNumber'>): string {
  const which = s.voucherNumber === null ? '' : ` as voucher ${s.voucherNumber}`;
  const state = s.status === 'Booked' ? `already booked in Dinero${which}` : 'being booked in Dinero right now';
  return `This daily report is ${state}, so TillBridge did not change it. To correct it, post a reversal plus a corrected voucher.`;
}

/** Booked or being booked: record what Dinero said and touch nothing. */
export function leaveBooked(ctx: StepContext, row: TransferRow, s: LedgerItemStatus): RowOutcome {
  const message = bookedMessage(s);
  record(ctx, row, {
    state: 'sent', action: 'create', dineroStatus: s.status, voucherNumber: s.voucherNumber ?? undefined, version: s.version,
    nextAttemptAt: null, lastErrorCode: null, lastErrorMessage: null, problems: [], sendingPayload: null,
  }, { operation: 'status', outcome: 'booked', message });
  return { stop: false, result: { outcome: 'booked', status: s.status as 'Booked' | 'PendingBooking', itemId: row.ledgerItemId, voucherNumber: s.voucherNumber, message } };
}

/** Deleted in Dinero: a new Id, recorded with the old one, committed before anything is sent. */
export async function recreate(ctx: StepContext, row: TransferRow): Promise<RowOutcome> {
  const newId = ctx.ids.newId();
  const at = nowIso(ctx);
  ctx.db.transaction(() => {
    ctx.repo.addItem(row.reportId, { itemId: newId, kind: 'recreated', replacesItemId: row.ledgerItemId, createdAt: at });
    ctx.repo.update(row.reportId, {
      ledgerItemId: newId, action: 'create', state: 'queued', version: null, dineroStatus: null, voucherNumber: null,
      fileGuid: null, sendingPayload: null, reversalItemId: null, correctedItemId: null, reversalSentAt: null,
    }, at);
    attempt(ctx, row, { operation: 'recreate', outcome: 'deleted_in_dinero', message: `Not in Dinero any more (deleted there); posting it again as ${newId}` });
  })();
  return processCreate(ctx, ctx.repo.get(row.reportId) as TransferRow, 'recreated');
}

async function putDraft(ctx: StepContext, row: TransferRow, version: string, retried: boolean): Promise<RowOutcome> {
  const ready = await prepareForSend(ctx, row, row.ledgerItemId);
  if (ready.kind === 'outcome') return ready.outcome;
  const sending = markSending(ctx, ready.row, ready.payload);
  try {
    const [ref] = await ctx.client.updateLedgerItems(sending.orgId, [{ ...ready.input, version }]);
    markSent(ctx, sending, { version: ref?.version ?? null, status: 'Draft' }, {
      operation: 'update', outcome: 'updated', message: `Updated in place (version ${version} → ${ref?.version ?? '?'})`,
      payload: ready.payload, fileGuid: ready.input.fileGuid ?? null, attachmentNote: ready.note,
    });
    return { stop: false, result: { outcome: 'sent', how: 'updated', itemId: row.ledgerItemId, version: ref?.version ?? null } };
  } catch (error) {
    if (isDineroApiError(error, 'not_found')) return recreate(ctx, sending);
    if (isDineroApiError(error, 'stale_version') && !retried) {
      attempt(ctx, sending, { operation: 'update', outcome: 'stale_version', httpStatus: error.status ?? null, dineroCode: error.dineroCode ?? null, message: 'Changed in Dinero meanwhile; reading it again', payload: ready.payload });
      return updateFromStatus(ctx, sending, true);
    }
    return fail(ctx, sending, error, decide(error), 'absent', 'update', ready.payload);
  }
}

async function updateFromStatus(ctx: StepContext, row: TransferRow, retried: boolean): Promise<RowOutcome> {
  const back = await readBack(ctx, row, row.ledgerItemId, 'absent');
  if (back.kind === 'failed') return back.outcome;
  if (back.kind === 'absent') return recreate(ctx, row);
  if (back.status.status !== 'Draft') return leaveBooked(ctx, row, back.status);
  return putDraft(ctx, row, back.status.version, retried);
}

export async function processUpdate(ctx: StepContext, row: TransferRow): Promise<RowOutcome> {
  noteInterrupted(ctx, row, 'update');
  return updateFromStatus(ctx, row, false);
}
