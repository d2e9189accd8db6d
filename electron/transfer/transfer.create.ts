// Posting a report's ledger item (first time, or again under a new Id). Exactly-once effect: the Id is
// fixed before anything is sent, `sending` is committed before the HTTP call, and whenever an earlier
// write may have landed the item is read back by Id first; a 409 for our own Id means it is there.
import { isDineroApiError } from '../dinero/client/dinero-api.error';
import type { LedgerItemStatus } from '../dinero/client/dinero.client';
import type { LedgerItemInput } from '../dinero/client/ledger-item.wire';
import { ensureAttachment } from './attachment.upload';
import { CHART_PROBLEM_CODES, prepareItem, type Prepared } from './ledger-item.prepare';
import { decide } from './transfer.policy';
import { attempt, fail, markSent, record, type Knowledge, type RowOutcome, type StepContext } from './transfer.context';
import type { AttemptRecord, TransferRow } from './transfer.types';

export type ReadBack = { kind: 'found'; status: LedgerItemStatus } | { kind: 'absent' } | { kind: 'failed'; outcome: RowOutcome };

/** Asks Dinero whether `itemId` exists. Unknown ids come back as not_found. */
export async function readBack(ctx: StepContext, row: TransferRow, itemId: string, known: Knowledge): Promise<ReadBack> {
  try {
    const [status] = await ctx.client.getLedgerItemStatus(row.orgId, [itemId]);
    if (!status) return { kind: 'absent' };
    attempt(ctx, row, { operation: 'status', outcome: 'found', ledgerItemId: itemId, message: `${status.status} in Dinero, version ${status.version}` });
    return { kind: 'found', status };
  } catch (error) {
    if (isDineroApiError(error, 'not_found')) {
      attempt(ctx, row, { operation: 'status', outcome: 'not_found', ledgerItemId: itemId, httpStatus: error.status ?? null, dineroCode: error.dineroCode ?? null, message: 'Not in Dinero' });
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
  const chartOnly = prepared.codes.every((c) => CHART_PROBLEM_CODES.has(c));
  record(ctx, row, {
    state: 'blocked',
    lastErrorCode: chartOnly ? 'chart' : 'posting',
    lastErrorMessage: prepared.problems[0] ?? null,
    problems: prepared.problems,
    sendingPayload: null,
    nextAttemptAt: null,
  }, { operation: 'check', outcome: 'blocked', message: prepared.problems.join('\n') });
  return { stop: false, result: { outcome: 'blocked', problems: prepared.problems } };
}

export type Ready = { kind: 'ready'; row: TransferRow; input: LedgerItemInput; payload: string; note: string | null };

/**
 * Builds and checks `itemId` for the row's report from the current settings, uploading the PDF first when
 * asked. An outcome instead when something (a check, the chart fetch, a global Dinero problem) stops it.
 */
export async function prepareForSend(ctx: StepContext, row: TransferRow, itemId: string): Promise<Ready | { kind: 'outcome'; outcome: RowOutcome }> {
  const report = ctx.report(row.reportId);
  if (!report) {
    const prepared = { ok: false as const, problems: [`The daily report ${row.reportId} is missing from the database`], codes: ['report_missing'] };
    return { kind: 'outcome', outcome: block(ctx, row, prepared) };
  }
  const chart = await ctx.chart(row.orgId);
  const chartDecision = chart.error === undefined ? null : decide(chart.error);
  // Reconnect / Pro / access: nothing can go. Otherwise chart problems are named even from the offline copy.
  if (chartDecision?.kind === 'global') return { kind: 'outcome', outcome: fail(ctx, row, chart.error, chartDecision, 'absent', 'read') };
  let prepared = prepareItem(report, ctx.accounts(), chart.snapshot, { itemId, fileGuid: row.fileGuid, language: ctx.language });
  if (!prepared.ok) return { kind: 'outcome', outcome: block(ctx, row, prepared) };
  if (chartDecision) return { kind: 'outcome', outcome: fail(ctx, row, chart.error, chartDecision, 'absent', 'read') };

  let note: string | null = null;
  if (!row.fileGuid && ctx.attachPdf) {
    let attached;
    try {
      attached = await ensureAttachment(ctx, row, report, prepared.draft.lines);
    } catch (error) {
      return { kind: 'outcome', outcome: fail(ctx, row, error, decide(error), 'absent', 'upload') };
    }
    note = attached.note;
    row = ctx.repo.get(row.reportId) as TransferRow;
    if (attached.fileGuid) {
      prepared = prepareItem(report, ctx.accounts(), chart.snapshot, { itemId, fileGuid: attached.fileGuid, language: ctx.language });
      if (!prepared.ok) return { kind: 'outcome', outcome: block(ctx, row, prepared) };
    }
  }
  return { kind: 'ready', row, input: prepared.input, payload: prepared.payload, note };
}

/** Commits `sending` with exactly what is about to go out: the evidence a crash leaves behind. */
export function markSending(ctx: StepContext, row: TransferRow, payload: string): TransferRow {
  return record(ctx, row, { state: 'sending', attempts: row.attempts + 1, sendingPayload: payload, problems: [] });
}

/** Builds, checks, attaches and creates `itemId`. The caller has made sure it is not in Dinero yet. */
export async function buildAndCreate(ctx: StepContext, row: TransferRow, itemId: string, op: AttemptRecord['operation']): Promise<
  (Omit<Ready, 'kind'> & { kind: 'sent'; version: string | null; duplicate: boolean }) | { kind: 'outcome'; outcome: RowOutcome }
> {
  const ready = await prepareForSend(ctx, row, itemId);
  if (ready.kind === 'outcome') return ready;
  const sending = markSending(ctx, ready.row, ready.payload);
  try {
    const [ref] = await ctx.client.createLedgerItems(sending.orgId, [ready.input]);
    return { ...ready, kind: 'sent', row: sending, version: ref?.version ?? null, duplicate: false };
  } catch (error) {
    if (isDineroApiError(error, 'duplicate')) return { ...ready, kind: 'sent', row: sending, version: null, duplicate: true };
    return { kind: 'outcome', outcome: fail(ctx, sending, error, decide(error), 'absent', op, ready.payload) };
  }
}

/** The whole create action for a row: read back if needed, then send under the row's Id. */
export async function processCreate(ctx: StepContext, row: TransferRow, how: 'created' | 'recreated' = 'created'): Promise<RowOutcome> {
  const known: Knowledge = row.state === 'sending' || row.state === 'unknown' ? 'maybe' : 'absent';
  noteInterrupted(ctx, row, 'create');
  if (known === 'maybe') {
    const back = await readBack(ctx, row, row.ledgerItemId, known);
    if (back.kind === 'failed') return back.outcome;
    if (back.kind === 'found') {
      markSent(ctx, row, back.status, { operation: 'status', outcome: 'sent', message: 'An earlier send had reached Dinero', payload: row.sendingPayload });
      return { stop: false, result: { outcome: 'sent', how: 'already_there', itemId: row.ledgerItemId, version: back.status.version } };
    }
  }
  const sent = await buildAndCreate(ctx, row, row.ledgerItemId, 'create');
  if (sent.kind === 'outcome') return sent.outcome;
  markSent(ctx, sent.row, { version: sent.version }, {
    operation: 'create',
    outcome: sent.duplicate ? 'duplicate' : 'sent',
    httpStatus: sent.duplicate ? 409 : null,
    message: sent.duplicate ? 'Dinero already had this Id (an earlier send had landed)' : 'Created as a draft in the kassekladde',
    payload: sent.payload,
    fileGuid: sent.input.fileGuid ?? null,
    attachmentNote: sent.note,
  });
  return { stop: false, result: { outcome: 'sent', how: sent.duplicate ? 'already_there' : how, itemId: row.ledgerItemId, version: sent.version } };
}
