// What every transfer step needs, and the bookkeeping they share: each state change goes to the outbox row
// and to the append-only attempt log in ONE local transaction, so the log never disagrees with the state.
import type Database from 'better-sqlite3';
import type { PostingAccounts, PostingLine } from '../../shared/dinero/posting.types';
import type { Clock, IdGenerator, Logger } from '../../shared/ports';
import type { ReportCorrection } from '../../shared/till/correction';
import type { ZReport } from '../../shared/till/till.types';
import type { Voucher } from '../../shared/dinero/voucher';
import type { DineroClient, LedgerItemStatus } from '../dinero/client/dinero.client';
import type { ChartView } from './chart.source';
import type { Decision } from './transfer.policy';
import type { TransferRepo } from '../db/transfers.repo';
import type { AttemptRecord, RetransferResult, TransferProblem, TransferQuestion, TransferRow } from './transfer.types';

/** Unclear answers in a row before the user is asked to look in Dinero (each after a backoff). */
export const UNCLEAR_LIMIT = 3;

/** The PDF on a voucher: the report as closed, the voucher's lines, and (on a correction's voucher) the corrections so far. */
export type RenderPdf = (report: ZReport, opts: { language: 'da' | 'en'; lines?: PostingLine[]; corrections?: ReportCorrection[] }) => Promise<Uint8Array>;

export interface StepContext {
  db: Database.Database;
  repo: TransferRepo;
  client: DineroClient;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
  language: 'da' | 'en';
  /** What the row posts: its report, or a correction of a report's count (transfers.report_id holds either id). */
  voucher(id: string): Voucher | null;
  accounts(): PostingAccounts;
  /** The company's chart for this pass: fetched once, live if possible, else the offline copy. */
  chart(orgId: number): Promise<ChartView>;
  attachPdf: boolean;
  renderPdf?: RenderPdf;
  /** Milliseconds to wait after this transient failure (backoff or Retry-After, with jitter). */
  delayFor(decision: Extract<Decision, { kind: 'transient' }>): number;
}

/** A row either finished for now (the pass goes on) or hit something that pauses the whole queue. */
export type RowOutcome = { stop: false; result: RetransferResult } | { stop: true; decision: Decision; result: RetransferResult };

/** Whether an earlier write of the current item may have reached Dinero ('maybe': read back before writing). */
export type Knowledge = 'absent' | 'maybe';

export const nowIso = (ctx: Pick<StepContext, 'clock'>) => new Date(ctx.clock.now()).toISOString();

type AttemptInput = Partial<Omit<AttemptRecord, 'id' | 'reportId' | 'at' | 'operation' | 'outcome' | 'legacy'>> & Pick<AttemptRecord, 'operation' | 'outcome'>;

export function attempt(ctx: StepContext, row: TransferRow, a: AttemptInput): void {
  ctx.repo.appendAttempt({
    reportId: row.reportId,
    ledgerItemId: a.ledgerItemId ?? row.ledgerItemId,
    at: nowIso(ctx),
    operation: a.operation,
    outcome: a.outcome,
    params: a.params ?? {},
    problems: a.problems ?? [],
    httpStatus: a.httpStatus ?? null,
    dineroCode: a.dineroCode ?? null,
    message: a.message ?? null,
    payload: a.payload ?? null,
    fileGuid: a.fileGuid ?? null,
    attachmentNote: a.attachmentNote ?? null,
  });
}

/** Row change plus its log line, atomically. */
export function record(ctx: StepContext, row: TransferRow, patch: Parameters<TransferRepo['update']>[1], a?: AttemptInput): TransferRow {
  ctx.db.transaction(() => {
    ctx.repo.update(row.reportId, patch, nowIso(ctx));
    if (a) attempt(ctx, row, a);
  })();
  return ctx.repo.get(row.reportId) as TransferRow;
}

/**
 * Dinero holds the current item: the row is done. `pdfPending` marks a voucher that went without the PDF
 * it should carry (attached later while it is a draft).
 */
export function markSent(
  ctx: StepContext,
  row: TransferRow,
  s: { version: string | null; status?: LedgerItemStatus['status']; voucherNumber?: number | null; pdfPending?: boolean },
  a: AttemptInput,
): TransferRow {
  return record(ctx, row, {
    state: 'sent',
    action: 'create',
    version: s.version ?? undefined,
    dineroStatus: s.status ?? 'Draft',
    voucherNumber: s.voucherNumber ?? undefined,
    lastSuccessAt: nowIso(ctx),
    lastErrorCode: null,
    lastErrorMessage: null,
    problems: [],
    sendingPayload: null,
    nextAttemptAt: null,
    mayExist: true,
    question: null,
    unclearCount: 0,
    pdfPending: s.pdfPending ?? row.pdfPending,
  }, a);
}

/** Stops the transfer with a question only the user can answer; nothing more is sent until they do. */
export function ask(ctx: StepContext, row: TransferRow, question: TransferQuestion, a: AttemptInput): RowOutcome {
  record(ctx, row, {
    state: 'needs_answer', question, mayExist: true, nextAttemptAt: null, sendingPayload: null,
    lastErrorCode: question.code, lastErrorMessage: null, problems: [],
  }, a);
  return { stop: false, result: { outcome: 'question', question } };
}

const WRITE_OPS = new Set<AttemptRecord['operation']>(['create', 'update', 'reverse']);

function errorDetails(error: unknown): { httpStatus?: number; dineroCode?: number } {
  const e = error as { status?: number; dineroCode?: number };
  return { httpStatus: e?.status, dineroCode: e?.dineroCode };
}

/** Applies a failed Dinero call's decision to the row and says whether the pass must pause. */
export function fail(ctx: StepContext, row: TransferRow, error: unknown, decision: Decision, known: Knowledge, op: AttemptRecord['operation'], payload?: string): RowOutcome {
  const details = errorDetails(error);
  if (decision.kind === 'transient' && decision.unclear && row.unclearCount + 1 >= UNCLEAR_LIMIT) {
    // Asked again after backoffs and still not understood: show the user what Dinero answered.
    const problems = [unclearProblem(decision.unclear.answer)];
    record(ctx, row, {
      state: 'needs_attention', lastErrorCode: 'unclear', lastErrorMessage: decision.message, problems,
      sendingPayload: null, nextAttemptAt: null, unclearCount: 0,
    }, { operation: op, outcome: 'unclear', params: { reason: decision.code, dinero: decision.unclear.answer }, message: `${decision.message}\n${decision.unclear.answer}`, payload, ...details });
    return { stop: false, result: { outcome: 'needs_attention', reason: 'unclear', problems } };
  }
  if (decision.kind === 'needs_attention') {
    // A refused write was not applied: when nothing of the item could be in Dinero before it, nothing is now.
    const refusedFirstWrite = decision.code === 'validation' && known === 'absent' && WRITE_OPS.has(op);
    record(ctx, row, {
      state: 'needs_attention', lastErrorCode: decision.code, lastErrorMessage: decision.message, problems: decision.problems, sendingPayload: null, nextAttemptAt: null,
      ...(refusedFirstWrite && row.action === 'create' ? { mayExist: false } : {}),
    },
      { operation: op, outcome: 'needs_attention', params: { reason: decision.code }, problems: decision.problems, message: decision.message, payload, ...details });
    return { stop: false, result: { outcome: 'needs_attention', reason: decision.code, problems: decision.problems } };
  }
  if (decision.kind === 'global') {
    record(ctx, row, { state: known === 'maybe' ? 'unknown' : 'queued', lastErrorCode: decision.code, lastErrorMessage: decision.message, sendingPayload: null, nextAttemptAt: null },
      { operation: op, outcome: decision.action, params: { reason: decision.code }, message: decision.message, payload, ...details });
    return { stop: true, decision, result: { outcome: 'queued', reason: decision.code, nextAttemptAt: null } };
  }
  const state = known === 'maybe' || decision.mayHaveApplied ? 'unknown' : 'retry_wait';
  const nextAttemptAt = new Date(ctx.clock.now() + ctx.delayFor(decision)).toISOString();
  const unclearCount = decision.unclear ? row.unclearCount + 1 : undefined;
  // A write Dinero did not apply (429, no connection) to an item that was not there before: still not there.
  const notApplied = state === 'retry_wait' && known === 'absent' && WRITE_OPS.has(op) && row.action === 'create';
  record(ctx, row, { state, lastErrorCode: decision.code, lastErrorMessage: decision.message, sendingPayload: null, nextAttemptAt, unclearCount, ...(notApplied ? { mayExist: false } : {}) },
    {
      operation: op, outcome: decision.unclear ? 'unclear' : state === 'unknown' ? 'unknown' : 'retry',
      params: decision.unclear ? { reason: decision.code, dinero: decision.unclear.answer } : { reason: decision.code },
      message: decision.unclear ? `${decision.message}\n${decision.unclear.answer}` : decision.message, payload, ...details,
    });
  return { stop: true, decision, result: { outcome: 'queued', reason: decision.code, nextAttemptAt } };
}

/** Dinero's answer the engine did not understand, as the user sees it. */
export function unclearProblem(answer: string): TransferProblem {
  return { code: 'dinero_unclear', params: { text: answer } };
}
