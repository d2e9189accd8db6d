// Posting a report's ledger item (first time, again under the same Id after Dinero deleted it, or under a new
// Id once the user said so). Exactly-once effect: the Id is fixed before anything is sent, `sending` is
// committed before the HTTP call, and whenever an earlier write may have landed the item is read back by Id
// first. What the engine cannot be sure of never leads to another create: a 409 is confirmed by reading the
// status back, and a create answered with another Id (or none) stops and asks the user.
import { isDineroApiError } from '../dinero/client/dinero-api.error';
import type { LedgerItemStatus } from '../dinero/client/dinero.client';
import type { LedgerItemInput } from '../dinero/client/ledger-item.wire';
import { ensureAttachment } from './attachment.upload';
import { CHART_PROBLEM_CODES, prepareItem, type Prepared } from './ledger-item.prepare';
import { decide } from './transfer.policy';
import { ask, attempt, fail, markSent, record, type Knowledge, type RowOutcome, type StepContext } from './transfer.context';
import type { AttachmentNote, AttemptRecord, TransferRow } from './transfer.types';

export type ReadBack = { kind: 'found'; status: LedgerItemStatus } | { kind: 'absent' } | { kind: 'failed'; outcome: RowOutcome };

/**
 * Asks Dinero whether `itemId` exists. "Absent" only when Dinero's own JSON error names it (the client
 * turns anything less, an empty list, a bare 404, an HTML page, into `unclear`, which is retried).
 */
export async function readBack(ctx: StepContext, row: TransferRow, itemId: string, known: Knowledge): Promise<ReadBack> {
  try {
    const [status] = await ctx.client.getLedgerItemStatus(row.orgId, [itemId]);
    if (!status) throw new Error('the Dinero client answered a status read with no status');
    attempt(ctx, row, { operation: 'status', outcome: 'found', ledgerItemId: itemId, params: { status: status.status, version: status.version ?? '' }, message: `${status.status} in Dinero, version ${status.version ?? '(none given)'}` });
    if (row.unclearCount > 0) record(ctx, row, { unclearCount: 0 });
    return { kind: 'found', status };
  } catch (error) {
    if (isDineroApiError(error, 'not_found')) {
      // Dinero said so itself: nothing of this item is there, so the report is no longer tied to the company.
      const current = itemId === row.ledgerItemId ? { mayExist: false, unclearCount: 0 } : { unclearCount: 0 };
      record(ctx, row, current, { operation: 'status', outcome: 'not_found', ledgerItemId: itemId, params: { dinero: error.answer ?? '' }, httpStatus: error.status ?? null, dineroCode: error.dineroCode ?? null, message: error.answer ?? 'Not in Dinero' });
      return { kind: 'absent' };
    }
    return { kind: 'failed', outcome: fail(ctx, row, error, decide(error), known, 'status') };
  }
}

/** A send that crashed midway left `sending` and its payload: log that evidence before reading back. */
export function noteInterrupted(ctx: StepContext, row: TransferRow, operation: AttemptRecord['operation']): void {
  if (row.state !== 'sending') return;
  attempt(ctx, row, {
    operation,
    outcome: 'interrupted',
    payload: row.sendingPayload,
    message: 'TillBridge stopped while this was being sent; checking Dinero before sending again',
  });
}

export function block(ctx: StepContext, row: TransferRow, prepared: Extract<Prepared, { ok: false }>): RowOutcome {
  const chartOnly = prepared.problems.every((p) => CHART_PROBLEM_CODES.has(p.code));
  const codes = prepared.problems.map((p) => p.code).join(', ');
  record(ctx, row, {
    state: 'blocked',
    lastErrorCode: chartOnly ? 'chart' : 'posting',
    lastErrorMessage: `Blocked by TillBridge's own checks: ${codes}`,
    problems: prepared.problems,
    sendingPayload: null,
    nextAttemptAt: null,
  }, { operation: 'check', outcome: 'blocked', problems: prepared.problems, message: `Blocked by TillBridge's own checks: ${codes}` });
  return { stop: false, result: { outcome: 'blocked', problems: prepared.problems } };
}

/** An empty day: no line to post, so nothing is sent and nothing is wrong. */
export function markNothing(ctx: StepContext, row: TransferRow): RowOutcome {
  record(ctx, row, {
    state: 'nothing', lastErrorCode: null, lastErrorMessage: null, problems: [], sendingPayload: null, nextAttemptAt: null,
  }, { operation: 'check', outcome: 'nothing_to_transfer', message: 'The report has no amounts to post' });
  return { stop: false, result: { outcome: 'nothing_to_transfer' } };
}

export type Ready = { kind: 'ready'; row: TransferRow; input: LedgerItemInput; payload: string; note: AttachmentNote | null };

/**
 * Builds and checks `itemId` for the row's report from the current settings, uploading the PDF first when
 * asked. An outcome instead when something (a check, the chart fetch, a global Dinero problem) stops it.
 */
export async function prepareForSend(ctx: StepContext, row: TransferRow, itemId: string): Promise<Ready | { kind: 'outcome'; outcome: RowOutcome }> {
  const voucher = ctx.voucher(row.reportId);
  if (!voucher) {
    const prepared: Extract<Prepared, { ok: false }> = { ok: false, problems: [{ code: 'report_missing', params: { reportId: row.reportId } }] };
    return { kind: 'outcome', outcome: block(ctx, row, prepared) };
  }
  // Before anything is fetched or uploaded: an empty day never talks to Dinero.
  if (voucher.nothingToPost) return { kind: 'outcome', outcome: markNothing(ctx, row) };
  const chart = await ctx.chart(row.orgId);
  const chartDecision = chart.error === undefined ? null : decide(chart.error);
  // Reconnect / Pro / access: nothing can go. Otherwise chart problems are named even from the offline copy.
  if (chartDecision?.kind === 'global') return { kind: 'outcome', outcome: fail(ctx, row, chart.error, chartDecision, 'absent', 'read') };
  let prepared = prepareItem(voucher, ctx.accounts(), chart.snapshot, { itemId, fileGuid: row.fileGuid });
  if (!prepared.ok) return { kind: 'outcome', outcome: block(ctx, row, prepared) };
  if (chartDecision) return { kind: 'outcome', outcome: fail(ctx, row, chart.error, chartDecision, 'absent', 'read') };

  let note: AttachmentNote | null = null;
  if (!row.fileGuid && ctx.attachPdf) {
    let attached;
    try {
      attached = await ensureAttachment(ctx, row, voucher, prepared.draft.lines);
    } catch (error) {
      return { kind: 'outcome', outcome: fail(ctx, row, error, decide(error), 'absent', 'upload') };
    }
    note = attached.note;
    row = ctx.repo.get(row.reportId) as TransferRow;
    if (attached.fileGuid) {
      prepared = prepareItem(voucher, ctx.accounts(), chart.snapshot, { itemId, fileGuid: attached.fileGuid });
      if (!prepared.ok) return { kind: 'outcome', outcome: block(ctx, row, prepared) };
    }
  }
  return { kind: 'ready', row, input: prepared.input, payload: prepared.payload, note };
}

/** Commits `sending` with exactly what is about to go out: the evidence a crash leaves behind. */
export function markSending(ctx: StepContext, row: TransferRow, payload: string): TransferRow {
  return record(ctx, row, { state: 'sending', attempts: row.attempts + 1, sendingPayload: payload, problems: [], mayExist: true });
}

export type Created =
  | (Omit<Ready, 'kind'> & { kind: 'sent'; version: string | null })
  /** 409: Dinero says the Id exists; not counted as sent until a status read confirms it. */
  | (Omit<Ready, 'kind'> & { kind: 'duplicate'; httpStatus: number | null })
  | { kind: 'outcome'; outcome: RowOutcome };

/** Builds, checks, attaches and creates `itemId`. The caller has made sure it is not in Dinero yet. */
export async function buildAndCreate(ctx: StepContext, row: TransferRow, itemId: string, op: AttemptRecord['operation']): Promise<Created> {
  const ready = await prepareForSend(ctx, row, itemId);
  if (ready.kind === 'outcome') return ready;
  const sending = markSending(ctx, ready.row, ready.payload);
  try {
    const [ref] = await ctx.client.createLedgerItems(sending.orgId, [ready.input]);
    return { ...ready, kind: 'sent', row: sending, version: ref?.version ?? null };
  } catch (error) {
    if (isDineroApiError(error, 'duplicate')) return { ...ready, kind: 'duplicate', row: sending, httpStatus: error.status ?? null };
    if (isDineroApiError(error, 'id_mismatch')) {
      // Something was created, but not (only) under our Id: another create could be a second voucher.
      const answeredIds = (error.answeredIds ?? []).join(', ');
      return {
        kind: 'outcome',
        outcome: ask(ctx, sending, { code: 'other_id', params: { itemId, answeredIds, answer: error.answer ?? '' } }, {
          operation: op, outcome: 'other_id', params: { itemId, answeredIds, dinero: error.answer ?? '' }, httpStatus: error.status ?? null, payload: ready.payload, ledgerItemId: itemId,
          message: `Dinero answered with another Id than ${itemId} (${answeredIds || 'none'}): ${error.answer ?? ''}`,
        }),
      };
    }
    return { kind: 'outcome', outcome: fail(ctx, sending, error, decide(error), 'absent', op, ready.payload) };
  }
}

/**
 * A 409 for our own Id: read the status back before the report counts as sent. Found → sent; Dinero says
 * absent → the user is asked (it cannot be both); not understood → retried like any unclear answer.
 */
export async function confirmDuplicate(ctx: StepContext, dup: Extract<Created, { kind: 'duplicate' }>, itemId: string, op: AttemptRecord['operation']): Promise<
  { kind: 'found'; status: LedgerItemStatus } | { kind: 'outcome'; outcome: RowOutcome }
> {
  attempt(ctx, dup.row, { operation: op, outcome: 'duplicate', params: { itemId }, httpStatus: dup.httpStatus, payload: dup.payload, ledgerItemId: itemId, message: 'Dinero says this Id exists; checking its status' });
  const back = await readBack(ctx, dup.row, itemId, 'maybe');
  if (back.kind === 'failed') return { kind: 'outcome', outcome: back.outcome };
  if (back.kind === 'found') return back;
  const current = ctx.repo.get(dup.row.reportId) as TransferRow;
  return {
    kind: 'outcome',
    outcome: ask(ctx, current, { code: 'duplicate_but_absent', params: { itemId } }, {
      operation: op, outcome: 'duplicate_but_absent', params: { itemId }, ledgerItemId: itemId,
      message: `Dinero refused ${itemId} as a duplicate and also says no item has it`,
    }),
  };
}

/** The whole create action for a row: read back if needed, then send under the row's Id. */
export async function processCreate(ctx: StepContext, row: TransferRow, how: 'created' | 'recreated' = 'created'): Promise<RowOutcome> {
  // Read back first whenever the item may be there: after a crash or a lost answer, and also when a row
  // that once went out comes back from the user (needs attention → "try again").
  const known: Knowledge = row.state === 'sending' || row.state === 'unknown' || row.mayExist ? 'maybe' : 'absent';
  noteInterrupted(ctx, row, 'create');
  if (known === 'maybe') {
    const back = await readBack(ctx, row, row.ledgerItemId, known);
    if (back.kind === 'failed') return back.outcome;
    if (back.kind === 'found') {
      markSent(ctx, row, back.status, { operation: 'status', outcome: 'sent', message: 'An earlier send had reached Dinero', payload: row.sendingPayload });
      return { stop: false, result: { outcome: 'sent', how: 'already_there', itemId: row.ledgerItemId, version: back.status.version } };
    }
    row = ctx.repo.get(row.reportId) as TransferRow;
    // "No item has our Id" proves the earlier send did not land only where Dinero keeps our Ids. A company
    // that has not shown that (its first voucher, or one that answered with Ids of its own) may hold the
    // item under an Id of Dinero's: sending again could be a second voucher, so the user looks first.
    if (!ctx.repo.orgKeepsOwnIds(row.orgId)) {
      return ask(ctx, row, { code: 'lost_answer', params: { itemId: row.ledgerItemId } }, {
        operation: 'create', outcome: 'lost_answer', params: { itemId: row.ledgerItemId }, ledgerItemId: row.ledgerItemId, payload: row.sendingPayload,
        message: `An earlier send of ${row.ledgerItemId} may have reached Dinero, which has no item with that Id; this company has not yet shown that it keeps TillBridge's Ids`,
      });
    }
  }
  const sent = await buildAndCreate(ctx, row, row.ledgerItemId, 'create');
  if (sent.kind === 'outcome') return sent.outcome;
  const pdfPending = ctx.attachPdf && !sent.input.fileGuid;
  if (sent.kind === 'duplicate') {
    const confirmed = await confirmDuplicate(ctx, sent, row.ledgerItemId, 'create');
    if (confirmed.kind === 'outcome') return confirmed.outcome;
    markSent(ctx, sent.row, { ...confirmed.status, pdfPending }, {
      operation: 'status', outcome: 'sent', message: 'Dinero already had this Id (an earlier send had landed)', payload: sent.payload,
      fileGuid: sent.input.fileGuid ?? null, attachmentNote: sent.note,
    });
    return { stop: false, result: { outcome: 'sent', how: 'already_there', itemId: row.ledgerItemId, version: confirmed.status.version } };
  }
  markSent(ctx, sent.row, { version: sent.version, pdfPending }, {
    operation: 'create',
    outcome: 'sent',
    message: 'Created as a draft in the kassekladde',
    payload: sent.payload,
    fileGuid: sent.input.fileGuid ?? null,
    attachmentNote: sent.note,
  });
  return { stop: false, result: { outcome: 'sent', how, itemId: row.ledgerItemId, version: sent.version } };
}
