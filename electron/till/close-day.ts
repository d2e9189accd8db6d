// Closing the day: one IMMEDIATE transaction that takes the write lock first, then reads the previous
// report, totals the open period, numbers the report, writes it and lets the caller add rows (the transfer
// outbox) before anything commits. Two closes racing from two connections are serialised by the lock, so
// they cannot read the same previous report and cannot get the same number.
import { reportVoucher } from '../../shared/dinero/voucher';
import { z } from 'zod';
import { formatDecimal, ZERO_ORE } from '../../shared/money/ore';
import { MAX_COUNTED_CASH_ORE } from '../../shared/till/period-bound';
import type { Clock, IdGenerator, Logger } from '../../shared/ports';
import { reportDate, toIsoUtc, type ReportDate } from '../../shared/till/business-date';
import { tillError } from '../../shared/till/till-error';
import type { ZReport } from '../../shared/till/till.types';
import { projectReport } from '../../shared/till/z-report';
import type { TillDatabase } from '../db/connection';
import type { DailyReportsRepo } from '../db/daily-reports.repo';
import { dataError } from '../db/data-error';
import type { PeriodTotalsReader } from '../db/period-totals.query';
import type { ReportExtras } from '../db/report-extras.repo';
import type { TransferRepo } from '../db/transfers.repo';
import { totalOfCount } from '../../shared/till/cash-count';
import { registerIdSchema } from '../db/sales.repo';
import type { createOpenPeriodLocator } from '../db/open-period.query';

export interface CloseDayRequest {
  registerId: string;
  registerName: string;
  /** Local hour at which the business day changes (settings, default 4). */
  dayChangeHour: number;
  /** The whole drawer as counted, øre. */
  countedCashOre: number;
  /** Part of the counted cash taken to the bank/safe now, øre. */
  cashToBankAtCloseOre: number;
  /** Needed to close a period without sales, returns or cash movements. */
  confirmEmptyDay: boolean;
  /** The count by note and coin, when counted that way: checked by the domain, stored with the report. */
  denominations?: ReadonlyArray<{ valueOre: number; count: number }>;
  /** Queue the report for Dinero in this company: its outbox row commits with the report. */
  transferTo?: { orgId: number };
}

/** The stored report, and whether the PC's clock stood before the previous report (it still closed). */
export interface ClosedDay {
  report: ZReport;
  clockBehind: ReportDate['clockBehind'];
}

export interface CloseDayHooks {
  /**
   * Runs inside the close transaction after the report (and its outbox row) is written; a throw rolls the
   * report back too. Must be synchronous. A seam for tests (two closes racing); the app itself needs none.
   */
  withinTransaction?: (db: TillDatabase, report: ZReport) => void;
}

const cashAmount = z.number().refine(Number.isSafeInteger, 'must be a whole number of øre');
const requestSchema = z.object({
  registerId: registerIdSchema,
  registerName: z.string().trim().min(1, 'register name is empty').max(40, 'register name is longer than 40 characters'),
  dayChangeHour: z.number().int().min(0).max(23),
  countedCashOre: cashAmount.refine((v) => v <= MAX_COUNTED_CASH_ORE, `must be at most ${formatDecimal(MAX_COUNTED_CASH_ORE)} (more cannot be posted exactly)`),
  cashToBankAtCloseOre: cashAmount,
  confirmEmptyDay: z.boolean(),
  denominations: z.array(z.object({ valueOre: z.number(), count: z.number() })).max(20).optional(),
  transferTo: z.object({ orgId: z.number().int().positive() }).optional(),
});
const CASH_FIELDS = new Set<PropertyKey>(['countedCashOre', 'cashToBankAtCloseOre']);

/** The count by note and coin must be Danish notes and coins, each once, adding up to the counted cash. */
function checkDenominations(req: CloseDayRequest): void {
  if (!req.denominations) return;
  const total = totalOfCount(req.denominations);
  if (total !== req.countedCashOre) {
    throw tillError('invalid_cash_count', 'The notes and coins counted do not add up to the counted cash', { countedCashOre: req.countedCashOre, denominationsTotalOre: total });
  }
}

function parseRequest(req: CloseDayRequest): CloseDayRequest {
  const result = requestSchema.safeParse(req);
  if (result.success) {
    checkDenominations(result.data);
    return result.data;
  }
  const issue = result.error.issues[0];
  const field = issue?.path[0] ?? '';
  const message = `Invalid close request: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;
  if (CASH_FIELDS.has(field)) throw tillError('invalid_cash_count', message, { field });
  throw dataError('invalid_input', message);
}

export function createDayCloser(deps: {
  db: TillDatabase;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
  reports: DailyReportsRepo;
  readTotals: PeriodTotalsReader;
  locate: ReturnType<typeof createOpenPeriodLocator>;
  extras: Pick<ReportExtras, 'saveDenominations'>;
  transfers: Pick<TransferRepo, 'enqueue'>;
  /** Who is at the till, asked under the write lock (throws when cashiers are set up and nobody signed in). */
  cashier?: () => { id: string; name: string } | null;
}) {
  const { db, reports } = deps;

  const closeInTransaction = db.transaction((req: CloseDayRequest, hooks: CloseDayHooks): ClosedDay => {
    const closer = deps.cashier?.() ?? null;
    const latest = reports.latestReport(req.registerId);
    const { bounds, periodStart } = deps.locate(req.registerId, latest);
    const aggregates = deps.readTotals(bounds);
    const now = deps.clock.now();
    const closedAt = toIsoUtc(now);
    const date = reportDate(now, req.dayChangeHour, latest ?? null);
    const projected = projectReport({
      aggregates,
      place: {
        id: deps.ids.newId(), registerId: req.registerId, registerName: req.registerName, number: (latest?.number ?? 0) + 1,
        periodStart: periodStart ?? closedAt, closedAt, businessDate: date.businessDate,
      },
      openingFloatOre: latest?.closingFloatOre ?? ZERO_ORE,
      countedCashOre: req.countedCashOre as ZReport['countedCashOre'],
      cashToBankAtCloseOre: req.cashToBankAtCloseOre as ZReport['cashToBankAtCloseOre'],
      confirmEmptyDay: req.confirmEmptyDay,
    });
    const report: ZReport = { ...projected, closedBy: closer?.name ?? null };
    reports.insertReport(report, { lastSaleSeq: bounds.toSaleSeq, lastMovementSeq: bounds.toMovementSeq }, closer?.id ?? null);
    // What belongs to the report commits with it: the count by note and coin, and the Dinero outbox row.
    if (req.denominations) deps.extras.saveDenominations(db, report.id, req.denominations.map((d) => ({ valueOre: d.valueOre as ZReport['countedCashOre'], count: d.count })));
    if (req.transferTo) deps.transfers.enqueue(reportVoucher(report), req.transferTo.orgId, deps.ids.newId(), toIsoUtc(deps.clock.now()));
    const result: unknown = hooks.withinTransaction?.(db, report);
    if (typeof (result as PromiseLike<unknown> | undefined)?.then === 'function') {
      // An async hook would run its awaited part after the commit, outside the transaction.
      throw new Error('closeDay: withinTransaction must be synchronous (it returned a promise); nothing was saved');
    }
    return { report, clockBehind: date.clockBehind };
  });

  return function closeDay(req: CloseDayRequest, hooks: CloseDayHooks = {}): ClosedDay {
    const parsed = parseRequest(req);
    const { report, clockBehind } = closeInTransaction.immediate(parsed, hooks);
    if (clockBehind) {
      deps.logger.warn('pc clock is behind the last report: the report took the previous business date', {
        registerId: report.registerId, number: report.number, closedAt: report.closedAt, previousNumber: clockBehind.reportNumber, previousClosedAt: clockBehind.closedAt,
      });
    }
    deps.logger.info('daily report closed', {
      registerId: report.registerId,
      number: report.number,
      businessDate: report.businessDate,
      saleCount: report.saleCount,
      returnCount: report.returnCount,
    });
    return { report, clockBehind };
  };
}
