// Daily reports: close the day (with the transfer outbox row in the same transaction when "Transfer to
// Dinero" is ticked and Dinero is set up), list them with their last transfer, and show one in full.
import type { ReportDetail, ReportExport, TransferAttempt, TransferDetail, VoucherPdf } from '../../../shared/ipc/contract.types';
import { MAX_EXPORT_REPORTS } from '../../../shared/ipc/transfer.schemas';
import { exportPaymentTypes, toExportRow } from '../../../shared/report/report-export';
import { asCorrected } from '../../../shared/till/correction';
import type { ZReport } from '../../../shared/till/till.types';
import type { CloseDayRequest } from '../../till/till.service';
import { reportJournal } from '../../journal/journal-signing';
import { closeDayAndQueue } from '../../transfer/transfer.outbox';
import type { AttemptRecord, TransferRow } from '../../transfer/transfer.types';
import { appFailure } from '../app-failure';
import type { AppServices, HandlerGroup, ServicesOf } from './handler.types';

type VoucherPdfInfo = { fileName: string; uploadedAt: string; sizeBytes: number } | null;

export function toTransferDetail(row: TransferRow, pdf: VoucherPdfInfo): TransferDetail {
  return {
    state: row.state,
    lastSuccessAt: row.lastSuccessAt,
    action: row.action,
    ledgerItemId: row.ledgerItemId,
    dineroStatus: row.dineroStatus,
    voucherNumber: row.voucherNumber,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    lastErrorCode: row.lastErrorCode,
    problems: row.problems,
    question: row.question,
    orgId: row.orgId,
    pdf: pdf && { fileName: pdf.fileName, uploadedAt: pdf.uploadedAt, sizeBytes: pdf.sizeBytes },
  };
}

/** Codes and data cross the contract; the technical English stays in main, except for rows that have nothing else. */
function toAttempt({ reportId: _reportId, message, legacy, attachmentNote, ...attempt }: AttemptRecord): TransferAttempt {
  return { ...attempt, attachment: attachmentNote, legacyMessage: legacy ? message : null };
}

export function storedReport(s: Pick<AppServices, 'till'>, reportId: string): ZReport {
  const report = s.till.getReport(reportId);
  if (!report) throw appFailure('not_found', `There is no daily report ${reportId}`);
  return report;
}

/** The services reportHandlers uses, and nothing else (app-core hands over exactly these). */
export const REPORT_DEPS = ['backups', 'history', 'logger', 'preview', 'reportExtras', 'settings', 'till', 'worker'] as const;

export function reportHandlers(s: ServicesOf<typeof REPORT_DEPS>): HandlerGroup<'reports.close' | 'reports.list' | 'reports.get' | 'reports.correctCount' | 'reports.export' | 'reports.pdf'> {
  const detail = (reportId: string): ReportDetail => {
    const report = storedReport(s, reportId);
    const facts = s.till.journal ? reportJournal(s.till.journal.repo, report.registerId, report.id) : null;
    const row = s.history.transfer(reportId);
    const latest = s.till.listReports(report.registerId, { limit: 1 })[0];
    return {
      report,
      corrections: s.till.listCorrections(reportId).map((c) => {
        const t = s.history.transfer(c.id);
        return { id: c.id, number: c.number, createdAt: c.createdAt, reason: c.reason, countedCashOre: c.countedCashOre, cashToBankAtCloseOre: c.cashToBankAtCloseOre, differenceOre: c.differenceOre, closingFloatOre: c.closingFloatOre, cashierName: c.cashierName, transfer: t ? toTransferDetail(t, s.history.pdf(t)) : null };
      }),
      correctable: latest?.id === report.id,
      denominations: s.reportExtras.denominations(reportId),
      transfer: row ? toTransferDetail(row, s.history.pdf(row)) : null,
      attempts: s.history.attemptLog(reportId).map(toAttempt),
      preview: s.preview.preview(report),
      journal: facts?.signing ?? null,
      trainingSales: facts?.trainingSales ?? null,
    };
  };
  return {
    'reports.close': (input) => {
      const settings = s.settings.get();
      // Unticked, or Dinero not set up (the dialog only offers the box when it is): nothing is queued and the
      // reply says so (transfer: null); "Post to Dinero" can queue it later.
      const queue = input.transfer && settings.dineroEnabled && settings.organizationId !== null;
      const request: CloseDayRequest = {
        registerId: settings.registerId,
        registerName: settings.registerName,
        dayChangeHour: settings.dayChangeHour,
        countedCashOre: input.countedCashOre,
        cashToBankAtCloseOre: input.cashToBankAtCloseOre,
        confirmEmptyDay: input.confirmEmptyDay,
        ...(input.denominations ? { denominations: input.denominations } : {}),
      };
      const { report, clockBehind } = closeDayAndQueue(s.till, request, { transfer: queue, settings, worker: s.worker });
      // The day's records to the owner's backup folder, in steps behind the reply (the close never waits for it).
      if (settings.backupFolder && settings.backupAfterClose) {
        s.backups.backupNow('close').catch((error: unknown) => s.logger.warn('the backup after the close failed', { error: (error as Error).message }));
      }
      const summary = queue ? s.history.summaries([report.id]).get(report.id) : undefined;
      return { report, transfer: summary ? { state: summary.state, lastSuccessAt: summary.lastSuccessAt } : null, clockBehind };
    },

    'reports.list': ({ offset, limit, fromDate, toDate, number }) => {
      const { rows, total } = s.reportExtras.page(s.settings.get().registerId, offset, limit, { fromDate, toDate, number });
      const summaries = s.history.summaries(rows.map((r) => r.id));
      return {
        total,
        items: rows.map((r) => {
          const t = summaries.get(r.id);
          return { ...r, transfer: t ? { state: t.state, lastSuccessAt: t.lastSuccessAt } : null };
        }),
      };
    },

    'reports.get': ({ reportId }): ReportDetail => detail(reportId),

    'reports.export': ({ fromDate, toDate }): ReportExport => {
      const ids = s.reportExtras.idsInRange(s.settings.get().registerId, { fromDate, toDate }, MAX_EXPORT_REPORTS + 1);
      const kept = ids.slice(0, MAX_EXPORT_REPORTS);
      const summaries = s.history.summaries(kept);
      const reports = kept.map((id) => {
        const corrections = s.till.listCorrections(id);
        return { report: asCorrected(storedReport(s, id), corrections), corrections: corrections.length };
      });
      return {
        rows: reports.map(({ report, corrections }) => toExportRow(report, corrections, summaries.get(report.id) ?? null)),
        paymentTypes: exportPaymentTypes(reports.map((r) => r.report), s.till.paymentTypes.list()),
        truncated: ids.length > MAX_EXPORT_REPORTS,
      };
    },

    'reports.pdf': ({ voucherId }): VoucherPdf => {
      const row = s.history.transfer(voucherId);
      const pdf = row ? s.history.pdf(row) : null;
      const bytes = pdf ? s.history.pdfBytes(pdf.fileGuid) : null;
      if (!pdf || !bytes) throw appFailure('not_found', `No PDF went to Dinero with voucher ${voucherId}`);
      return { fileName: pdf.fileName, uploadedAt: pdf.uploadedAt, sha256: pdf.sha256, base64: Buffer.from(bytes).toString('base64') };
    },

    'reports.correctCount': ({ reportId, countedCashOre, cashToBankAtCloseOre, reason }): ReportDetail => {
      const settings = s.settings.get();
      const { transfer } = s.till.correctCount({ registerId: settings.registerId, reportId, countedCashOre, cashToBankAtCloseOre, reason });
      // Its voucher was queued with it: the worker sends it now if it can.
      if (transfer === 'queued') s.worker.notify();
      return detail(reportId);
    },
  };
}
