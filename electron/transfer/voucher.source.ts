// The voucher an outbox row posts, read from the till database: a report (as it was closed), or a correction
// of a report's count (transfers.report_id holds either id; migration 0090).
import { correctionVoucher, reportVoucher, type Voucher } from '../../shared/dinero/voucher';
import type { DailyReportsRepo } from '../db/daily-reports.repo';

export interface VoucherSource {
  voucher(id: string): Voucher | null;
  /** The ids of a report's corrections, oldest first (each is a voucher of its own). */
  correctionIds(reportId: string): string[];
}

export function createVoucherSource(reports: Pick<DailyReportsRepo, 'getReport' | 'getCorrection' | 'listCorrections'>): VoucherSource {
  const voucher = (id: string): Voucher | null => {
    const report = reports.getReport(id);
    if (report) return reportVoucher(report);
    const correction = reports.getCorrection(id);
    if (!correction) return null;
    const corrected = reports.getReport(correction.reportId);
    return corrected && correctionVoucher(corrected, correction, reports.listCorrections(correction.reportId));
  };
  return { voucher, correctionIds: (reportId) => reports.listCorrections(reportId).map((c) => c.id) };
}
