// Read side for the UI: the last successful transfer per report (the report list shows it next to each
// report, thousands at a time, in one query), the append-only attempt log shown in a report's detail, and
// every Dinero Id a report has had.
import type Database from 'better-sqlite3';
import { createTransferRepo, type ItemRecord, type TransferSummary, type VoucherAttachment } from '../db/transfers.repo';
import type { AttemptRecord, TransferRow } from './transfer.types';

export interface TransferHistory {
  /** ISO time of the last successful transfer, or null when it never went (or was never queued). */
  lastSuccessfulTransferAt(reportId: string): string | null;
  /** State and last success of many reports in one query; reports without a transfer are absent. */
  summaries(reportIds: readonly string[]): Map<string, TransferSummary>;
  attemptLog(reportId: string): AttemptRecord[];
  /** Every ledger item Id used for the report (original, re-created, reversal, corrected), oldest first. */
  itemHistory(reportId: string): ItemRecord[];
  transfer(reportId: string): TransferRow | null;
  /** The PDF on the voucher now (the row's FileGuid), as uploaded; null when none went with it. */
  pdf(row: TransferRow): VoucherAttachment | null;
  pdfBytes(fileGuid: string): Uint8Array | null;
}

export function createTransferHistory(db: Database.Database): TransferHistory {
  const repo = createTransferRepo(db);
  return {
    lastSuccessfulTransferAt: (reportId) => repo.get(reportId)?.lastSuccessAt ?? null,
    summaries: (reportIds) => repo.summaries(reportIds),
    attemptLog: (reportId) => repo.attempts(reportId),
    itemHistory: (reportId) => repo.items(reportId),
    transfer: (reportId) => repo.get(reportId),
    pdf: (row) => (row.fileGuid ? repo.attachment(row.fileGuid) : null),
    pdfBytes: (fileGuid) => repo.attachmentBytes(fileGuid),
  };
}
