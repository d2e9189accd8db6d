// The transactional outbox: the transfer row (with the ledger item's Id, generated here once and never
// changed by a retry) is written in the SAME SQLite transaction as the daily report, so a closed day that
// should go to Dinero can never be lost, and never be queued twice.
import type Database from 'better-sqlite3';
import type { Clock, IdGenerator } from '../../shared/ports';
import type { Settings } from '../../shared/settings/settings.schema';
import type { ZReport } from '../../shared/till/till.types';
import type { CloseDayHooks, CloseDayRequest } from '../till/close-day';
import { hasNothingToPost } from '../../shared/dinero/ledger-item.builder';
import { createTransferRepo } from '../db/transfers.repo';
import type { TransferRow } from './transfer.types';

export interface EnqueueOptions {
  orgId: number;
  ids: IdGenerator;
  clock: Clock;
}

export function newTransferRow(report: Pick<ZReport, 'id' | 'closedAt'>, orgId: number, itemId: string, at: string): TransferRow {
  return {
    reportId: report.id,
    orgId,
    ledgerItemId: itemId,
    action: 'create',
    state: 'queued',
    version: null,
    dineroStatus: null,
    voucherNumber: null,
    fileGuid: null,
    attempts: 0,
    nextAttemptAt: null,
    lastSuccessAt: null,
    lastErrorCode: null,
    lastErrorMessage: null,
    problems: [],
    sendingPayload: null,
    reversalItemId: null,
    correctedItemId: null,
    reversalSentAt: null,
    reportClosedAt: report.closedAt,
    createdAt: at,
    updatedAt: at,
    mayExist: false,
    question: null,
    unclearCount: 0,
    pdfPending: false,
    orgKept: false,
  };
}

/**
 * Inserts the transfer row for a report. Call it inside the transaction that writes the report (the till
 * service's `withinTransaction` hook); it opens a savepoint of its own when called outside one.
 * Returns the ledger item Id.
 */
export function enqueueTransferInTransaction(db: Database.Database, report: Pick<ZReport, 'id' | 'closedAt'> & Partial<ZReport>, o: EnqueueOptions): string {
  if (!Number.isSafeInteger(o.orgId) || o.orgId <= 0) throw new Error('A transfer needs a Dinero company (organization id)');
  const itemId = o.ids.newId();
  const at = new Date(o.clock.now()).toISOString();
  const repo = createTransferRepo(db);
  // An empty day has nothing to post: it is "nothing to transfer" from the start, and never queued.
  const empty = report.payments !== undefined && hasNothingToPost(report as ZReport);
  db.transaction(() => {
    repo.insert({ ...newTransferRow(report, o.orgId, itemId, at), ...(empty ? { state: 'nothing' as const } : {}) });
    repo.addItem(report.id, { itemId, kind: 'original', replacesItemId: null, createdAt: at });
  })();
  return itemId;
}

/** Why a close cannot queue a transfer even though the user asked for one; null when it can. */
export function transferUnavailableReason(settings: Pick<Settings, 'dineroEnabled' | 'organizationId'>): string | null {
  if (!settings.dineroEnabled) return 'The Dinero integration is switched off (Settings → Dinero)';
  if (settings.organizationId === null) return 'No Dinero company is chosen (Settings → Dinero)';
  return null;
}

/**
 * The till service's close hook for a close with "Transfer to Dinero" ticked. Throws (rolling the whole
 * close back) when Dinero is not set up, so the user never believes a report was queued when it was not.
 */
export function transferOnClose(settings: Pick<Settings, 'dineroEnabled' | 'organizationId'>, o: Omit<EnqueueOptions, 'orgId'>) {
  return (db: Database.Database, report: ZReport): void => {
    const reason = transferUnavailableReason(settings);
    if (reason !== null) throw new Error(`Cannot transfer to Dinero: ${reason}`);
    enqueueTransferInTransaction(db, report, { ...o, orgId: settings.organizationId as number });
  };
}

/**
 * Closes the day through the till service; with `transfer` the outbox row is written in the same
 * transaction and the worker is woken. Without it nothing is queued (a later "Post to Dinero" queues it).
 */
export function closeDayAndQueue(
  till: { closeDay(req: CloseDayRequest, hooks?: CloseDayHooks): ZReport },
  req: CloseDayRequest,
  o: { transfer: boolean; settings: Pick<Settings, 'dineroEnabled' | 'organizationId'>; ids: IdGenerator; clock: Clock; worker?: { notify(): void } },
): ZReport {
  const report = till.closeDay(req, o.transfer ? { withinTransaction: transferOnClose(o.settings, { ids: o.ids, clock: o.clock }) } : {});
  if (o.transfer) o.worker?.notify();
  return report;
}
