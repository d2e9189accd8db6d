// "Ret optælling": correct the count of a register's latest closed report. One IMMEDIATE transaction reads the
// report and its corrections, checks it is still the latest (a later close has used its float otherwise),
// records the numbered correction and, when the report is on its way to Dinero, queues the correction's own
// voucher (only the change) in the same commit, so it is transferred exactly once like any report.
import { z } from 'zod';
import { correctionVoucher } from '../../shared/dinero/voucher';
import type { Clock, IdGenerator, Logger } from '../../shared/ports';
import { toIsoUtc } from '../../shared/till/business-date';
import { asCorrected, nextCorrection, type ReportCorrection } from '../../shared/till/correction';
import { tillError } from '../../shared/till/till-error';
import type { ZReport } from '../../shared/till/till.types';
import type { TillDatabase } from '../db/connection';
import type { DailyReportsRepo } from '../db/daily-reports.repo';
import { dataError, parseInput } from '../db/data-error';
import { registerIdSchema } from '../db/sales.repo';
import type { TransferRepo } from '../db/transfers.repo';
import type { TransferState } from '../transfer/transfer.types';

export interface CorrectCountRequest {
  registerId: string;
  /** The report to correct; it must be the register's latest. */
  reportId: string;
  countedCashOre: number;
  cashToBankAtCloseOre: number;
  reason: string;
}

export interface CorrectedCount {
  correction: ReportCorrection;
  /** The report as the correction leaves it (counted, difference, to bank and closing float changed). */
  report: ZReport;
  /** The correction's voucher in the outbox, when the report itself is transferred; else null. */
  transfer: TransferState | null;
}

const requestSchema = z.object({
  registerId: registerIdSchema,
  reportId: z.string().min(1).max(100),
  countedCashOre: z.number(),
  cashToBankAtCloseOre: z.number(),
  reason: z.string().trim().min(1, 'a reason is needed').max(200),
});

export function createCountCorrector(deps: {
  db: TillDatabase;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
  reports: DailyReportsRepo;
  transfers: () => Pick<TransferRepo, 'get' | 'enqueue'>;
  /** Who is at the till, asked under the write lock (throws when cashiers are set up and nobody signed in). */
  cashier?: () => { id: string; name: string } | null;
}) {
  const inTransaction = deps.db.transaction((req: z.output<typeof requestSchema>): CorrectedCount => {
    const corrector = deps.cashier?.() ?? null;
    const report = deps.reports.getReport(req.reportId);
    if (!report || report.registerId !== req.registerId) throw dataError('not_found', `No daily report ${req.reportId} on this register`, { reportId: req.reportId });
    const latest = deps.reports.latestReport(req.registerId);
    if (latest && latest.number !== report.number) {
      throw tillError('report_not_latest', `Report ${report.number} cannot be corrected: report ${latest.number} has already used its float`, {
        number: report.number,
        latestNumber: latest.number,
      });
    }
    const earlier = deps.reports.listCorrections(report.id);
    const after = nextCorrection(asCorrected(report, earlier), { countedCashOre: req.countedCashOre, cashToBankAtCloseOre: req.cashToBankAtCloseOre });
    const at = toIsoUtc(deps.clock.now());
    const correction: ReportCorrection = {
      id: deps.ids.newId(),
      reportId: report.id,
      number: earlier.length + 1,
      createdAt: at,
      reason: req.reason,
      countedCashOre: after.countedCashOre,
      cashToBankAtCloseOre: after.cashToBankAtCloseOre,
      differenceOre: after.differenceOre,
      closingFloatOre: after.closingFloatOre,
      cashierName: corrector?.name ?? null,
    };
    deps.reports.insertCorrection(correction, corrector?.id ?? null);
    // Where the report goes, its correction goes: same company, its own voucher, queued in this commit.
    const reportRow = deps.transfers().get(report.id);
    const transfer = reportRow
      ? deps.transfers().enqueue(correctionVoucher(report, correction, [...earlier, correction]), reportRow.orgId, deps.ids.newId(), at)
      : null;
    return { correction, report: after, transfer };
  });

  return function correctCount(req: CorrectCountRequest): CorrectedCount {
    const parsed = parseInput(requestSchema, req, 'count correction');
    const result = inTransaction.immediate(parsed);
    deps.logger.info('daily report count corrected', {
      registerId: result.report.registerId, number: result.report.number, correction: result.correction.number, transfer: result.transfer,
    });
    return result;
  };
}
