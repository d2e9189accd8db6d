// A booked daily report is never changed; on the user's explicit confirmation TillBridge posts a reversal of
// what Dinero booked plus a corrected voucher built from the report and the current settings. Both Ids are
// allocated and committed before either is sent, and each step reads back its own Id when an earlier send
// may have landed, so a crash midway resumes instead of posting anything twice.
import { buildReversal } from '../../shared/dinero/reversal.builder';
import type { LedgerItemDraft, PostingLine } from '../../shared/dinero/posting.types';
import type { LedgerItemRead } from '../dinero/client/ledger-item.wire';
import { buildAndCreate, confirmDuplicate, noteInterrupted, readBack } from './transfer.create';
import { payloadOf, toInput } from './ledger-item.prepare';
import { decide } from './transfer.policy';
import { fail, markSent, nowIso, record, type Knowledge, type RowOutcome, type StepContext } from './transfer.context';
import { processUpdate } from './transfer.update';
import type { AttachmentNote, AttemptParams, TransferRow } from './transfer.types';
import { isDineroApiError } from '../dinero/client/dinero-api.error';

/** What Dinero booked, as a draft to negate. Roles are ours only and never sent; Dinero's copy has none. */
function bookedAsDraft(read: LedgerItemRead): LedgerItemDraft | null {
  const lines: PostingLine[] = [];
  for (const l of read.lines) {
    if (l.accountNumber === null || l.balancingAccountNumber === null) return null;
    lines.push({
      role: 'sales',
      description: l.description,
      amountOre: l.amountOre,
      accountNumber: l.accountNumber,
      accountVatCode: l.accountVatCode ?? 'none',
      balancingAccountNumber: l.balancingAccountNumber,
      balancingAccountVatCode: l.balancingAccountVatCode ?? 'none',
    });
  }
  return { id: read.id, voucherDate: read.voucherDate, lines };
}

/** Step 1: the reversal of the booked original, under reversalItemId. */
async function postReversal(ctx: StepContext, row: TransferRow, reversalId: string, known: Knowledge): Promise<RowOutcome | null> {
  if (known === 'maybe') {
    const back = await readBack(ctx, row, reversalId, known);
    if (back.kind === 'failed') return back.outcome;
    if (back.kind === 'found') {
      record(ctx, row, { reversalSentAt: nowIso(ctx), state: 'queued', sendingPayload: null }, { operation: 'reverse', outcome: 'sent', ledgerItemId: reversalId, message: 'The reversal had reached Dinero' });
      return null;
    }
  } else {
    // Only a booked original is reversed; a draft is simply updated in place instead.
    const original = await readBack(ctx, row, row.ledgerItemId, 'absent');
    if (original.kind === 'failed') return original.outcome;
    if (original.kind === 'absent' || original.status.status === 'Draft') {
      const back = record(ctx, row, { action: 'update', reversalItemId: null, correctedItemId: null, reversalSentAt: null, state: 'queued' });
      return processUpdate(ctx, back);
    }
  }
  let read: LedgerItemRead | undefined;
  try {
    [read] = await ctx.client.getLedgerItems(row.orgId, [{ id: row.ledgerItemId }]);
  } catch (error) {
    return fail(ctx, row, error, decide(error), 'absent', 'read');
  }
  const original = read ? bookedAsDraft(read) : null;
  if (!original) return fail(ctx, row, new Error('Dinero sent the booked voucher without its accounts'), { kind: 'needs_attention', code: 'bad_original', message: 'The booked voucher in Dinero has lines without accounts; reverse it by hand in Dinero', problems: [] }, 'absent', 'read');
  const input = toInput(buildReversal(original, { itemId: reversalId, voucherDate: original.voucherDate }));
  const payload = payloadOf(input);
  const sending = record(ctx, row, { state: 'sending', attempts: row.attempts + 1, sendingPayload: payload });
  try {
    await ctx.client.createLedgerItems(row.orgId, [input]);
  } catch (error) {
    if (isDineroApiError(error, 'id_mismatch')) {
      return stopForCheck(ctx, sending, 'other_id', `Dinero answered the reversal with another Id than ${reversalId}: ${error.answer ?? ''}`, payload,
        { itemId: reversalId, answeredIds: (error.answeredIds ?? []).join(', '), dinero: error.answer ?? '' });
    }
    if (!isDineroApiError(error, 'duplicate')) return fail(ctx, sending, error, decide(error), 'absent', 'reverse', payload);
    // A 409 counts only when the status read finds the reversal.
    const back = await readBack(ctx, sending, reversalId, 'maybe');
    if (back.kind === 'failed') return back.outcome;
    if (back.kind === 'absent') {
      return stopForCheck(ctx, sending, 'duplicate_but_absent', `Dinero refused the reversal ${reversalId} as a duplicate and also says no item has it`, payload, { itemId: reversalId });
    }
  }
  record(ctx, sending, { reversalSentAt: nowIso(ctx), state: 'queued', sendingPayload: null }, { operation: 'reverse', outcome: 'sent', ledgerItemId: reversalId, payload, message: 'Reversal posted' });
  return null;
}

/** An answer the reversal cannot be sure of: nothing more is sent until the user has looked in Dinero. */
function stopForCheck(ctx: StepContext, row: TransferRow, code: 'other_id' | 'duplicate_but_absent', message: string, payload: string, params: AttemptParams): RowOutcome {
  record(ctx, row, { state: 'needs_attention', lastErrorCode: code, lastErrorMessage: message, problems: [], sendingPayload: null, nextAttemptAt: null },
    { operation: 'reverse', outcome: code, params, message, payload });
  return { stop: false, result: { outcome: 'needs_attention', reason: code, problems: [] } };
}

/** Step 2: the corrected voucher; when it is in Dinero it becomes the report's current item. */
async function postCorrected(ctx: StepContext, row: TransferRow, correctedId: string, known: Knowledge): Promise<RowOutcome> {
  const done = (version: string | null, message: string, payload: string | null, extra: { fileGuid?: string | null; attachmentNote?: AttachmentNote | null } = {}) => {
    const moved = record(ctx, row, { ledgerItemId: correctedId, reversalItemId: null, correctedItemId: null, reversalSentAt: null });
    markSent(ctx, moved, { version }, { operation: 'create', outcome: 'sent', message, payload, ...extra });
    return { stop: false as const, result: { outcome: 'sent' as const, how: 'reversed_and_reposted' as const, itemId: correctedId, version } };
  };
  if (known === 'maybe') {
    const back = await readBack(ctx, row, correctedId, known);
    if (back.kind === 'failed') return back.outcome;
    if (back.kind === 'found') return done(back.status.version, 'The corrected voucher had reached Dinero', row.sendingPayload);
  }
  const sent = await buildAndCreate(ctx, row, correctedId, 'create');
  if (sent.kind === 'outcome') return sent.outcome;
  if (sent.kind === 'duplicate') {
    const confirmed = await confirmDuplicate(ctx, sent, correctedId, 'create');
    if (confirmed.kind === 'outcome') return confirmed.outcome;
    return done(confirmed.status.version, 'The corrected voucher had reached Dinero', sent.payload, { fileGuid: sent.input.fileGuid ?? null, attachmentNote: sent.note });
  }
  return done(sent.version, 'Corrected voucher posted after the reversal', sent.payload, { fileGuid: sent.input.fileGuid ?? null, attachmentNote: sent.note });
}

export async function processReverse(ctx: StepContext, row: TransferRow): Promise<RowOutcome> {
  const reversalId = row.reversalItemId;
  const correctedId = row.correctedItemId;
  if (!reversalId || !correctedId) return processUpdate(ctx, record(ctx, row, { action: 'update' }));
  const known: Knowledge = row.state === 'sending' || row.state === 'unknown' ? 'maybe' : 'absent';
  noteInterrupted(ctx, row, 'reverse');
  if (!row.reversalSentAt) {
    const stopped = await postReversal(ctx, row, reversalId, known);
    if (stopped) return stopped;
    return postCorrected(ctx, ctx.repo.get(row.reportId) as TransferRow, correctedId, 'absent');
  }
  return postCorrected(ctx, row, correctedId, known);
}
