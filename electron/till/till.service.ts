// The till as the rest of the app sees it: record sales and cash movements, see the open period's running
// totals, close the day, read reports. One object per database connection; IPC, the CLI and the demo all
// go through it.
import { silentLogger, type Clock, type IdGenerator, type Logger } from '../../shared/ports';
import { DEFAULT_DAY_CHANGE_HOUR, toIsoUtc } from '../../shared/till/business-date';
import { checkPeriodBound, periodLoad, saleLoad } from '../../shared/till/period-bound';
import { checkLargeAmount, checkWithinDrawer } from '../../shared/till/confirmations';
import { periodFigures } from '../../shared/till/z-report';
import { ZERO_ORE } from '../../shared/money/ore';
import type { ZReport } from '../../shared/till/till.types';
import type { TillDatabase } from '../db/connection';
import { createCashMovementsRepo, type CashMovementsRepo } from '../db/cash-movements.repo';
import { createDailyReportsRepo, type DailyReportsRepo } from '../db/daily-reports.repo';
import { parseInput } from '../db/data-error';
import { createPaymentTypesRepo, type PaymentTypesRepo } from '../db/payment-types.repo';
import { createProductGroupsRepo, type ProductGroupsRepo } from '../db/product-groups.repo';
import { createArticlesRepo, type ArticlesRepo } from '../db/articles.repo';
import { createPeriodTotalsReader } from '../db/period-totals.query';
import { createSalesRepo, registerIdSchema, type SalesRepo } from '../db/sales.repo';
import { createDayCloser, type ClosedDay, type CloseDayHooks, type CloseDayRequest } from './close-day';
import { createCountCorrector, type CorrectCountRequest, type CorrectedCount } from './correct-count';
import { createOpenPeriodLocator } from '../db/open-period.query';
import { createReportExtras, type ReportExtras } from '../db/report-extras.repo';
import { createTransferRepo, type TransferRepo } from '../db/transfers.repo';
import { buildPreview, type OpenPeriodPreview } from './open-period';
import { createDayOpener, type OpeningCount, type OpeningCountRequest } from './open-day';
import { hasJournal } from '../db/journal.repo';
import { createTraining, type Training } from './training';
import { createJournal, type Journal, type JournalEntryInput } from '../journal/journal.service';
import {
  correctionEntry, movementEntry, movementUndoEntry, openingCountEntry, periodSummaryOf, recordedSaleEntry, reportEntry, voidEntry,
} from '../journal/till-entries';

export type { ClosedDay, CloseDayHooks, CloseDayRequest } from './close-day';
export type { CorrectCountRequest, CorrectedCount } from './correct-count';
export type { OpenPeriodPreview } from './open-period';
export type { OpeningCount, OpeningCountRequest } from './open-day';

export interface TillService {
  readonly paymentTypes: PaymentTypesRepo;
  readonly groups: ProductGroupsRepo;
  readonly articles: ArticlesRepo;
  recordSale: SalesRepo['recordSale'];
  getSale: SalesRepo['getSale'];
  listRecentSales: SalesRepo['listRecentSales'];
  saleByNumber: SalesRepo['saleByNumber'];
  voidSale: SalesRepo['voidSale'];
  recordRefund: SalesRepo['recordRefund'];
  recordCashMovement: CashMovementsRepo['recordCashMovement'];
  listOpenMovements: CashMovementsRepo['listOpenMovements'];
  undoCashMovement: CashMovementsRepo['undoCashMovement'];
  listReports: DailyReportsRepo['listReports'];
  getReport: DailyReportsRepo['getReport'];
  /** Running totals of the register's open period (a consistent snapshot). */
  previewOpenPeriod(registerId: string, dayChangeHour?: number): OpenPeriodPreview;
  /** Closes the day: the stored report, and what the cashier should be told about the close (the clock). */
  close(req: CloseDayRequest, hooks?: CloseDayHooks): ClosedDay;
  /** "Ret optælling": a numbered correction of the latest report's count (and its voucher queued with it). */
  correctCount(req: CorrectCountRequest): CorrectedCount;
  listCorrections: DailyReportsRepo['listCorrections'];
  /** "Byttepenge ved start": the open period's opening count, before its first sale, once. */
  countOpening(req: OpeningCountRequest): OpeningCount;
  /** The open period's opening count, or null when the day was not opened with one. */
  openingCount(registerId: string): OpeningCount | null;
  /** close(), for callers that need only the report. */
  closeDay(req: CloseDayRequest, hooks?: CloseDayHooks): ZReport;
  /** An X-report: the open period's running totals, taken (a journal entry), without closing anything. */
  xReport(registerId: string, dayChangeHour?: number): OpenPeriodPreview;
  /** The electronic journal every write above appends to (null on a database older than migration 0140). */
  readonly journal: Journal | null;
  /**
   * Training mode (training.ts): while on, recordSale keeps a register's sale as a training sale (journal only)
   * and the other writes are refused. Null with no journal.
   */
  readonly training: Pick<Training, 'status' | 'set' | 'sinceLastZ'> | null;
}

export interface TillServiceDeps {
  db: TillDatabase;
  clock: Clock;
  ids: IdGenerator;
  logger?: Logger;
  /** Called after every committed write (sale, cash movement, close); e.g. DeferredCheckpoints.noteWrite. */
  afterWrite?: () => void;
  /**
   * Who is at the till, asked inside every write's transaction: the record names them. Throws (the cashier
   * service's sign_in_required) when cashiers are set up and nobody is signed in. Default: nobody named.
   */
  cashier?: () => CashierStamp | null;
  /**
   * The electronic journal each write appends its entry to, in the write's own transaction. Default: one on
   * this database that signs nothing (the app passes one with the installed certificate and the shop's CVR).
   */
  journal?: Journal;
}

export type { CashierStamp } from '../journal/journal.service';
export type { TrainingStatus } from './training';
import type { CashierStamp } from '../journal/journal.service';

const registerNamed = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export function createTillService(deps: TillServiceDeps): TillService {
  const { db, clock, ids } = deps;
  const logger = deps.logger ?? silentLogger;
  const cashier = deps.cashier ?? (() => null);
  const cashierId = () => cashier()?.id ?? null;
  const paymentTypes = createPaymentTypesRepo(db, ids);
  // Made on first use: the till service also opens on a database of an older schema (the migration tests).
  let groupsRepo: ProductGroupsRepo | undefined;
  let articlesRepo: ArticlesRepo | undefined;
  const groups = () => (groupsRepo ??= createProductGroupsRepo(db, ids));
  const reports = createDailyReportsRepo(db);
  const readTotals = createPeriodTotalsReader(db);
  const locate = createOpenPeriodLocator(db);
  // The open period as it stands, read under the write lock of the sale or movement being added.
  const periodNow = (registerId: string) => {
    const latest = reports.latestReport(registerId);
    const aggregates = readTotals(locate(registerId, latest).bounds);
    const float = latest?.closingFloatOre ?? ZERO_ORE;
    return { load: periodLoad(aggregates, float), expectedCashOre: () => periodFigures(aggregates, float).expectedCashOre };
  };
  const sales = createSalesRepo({
    db, clock, ids, paymentTypes: paymentTypes.lookup, groups: (id) => groups().lookup(id), cashier: cashierId,
    // The hard bound first: no "is it right?" for an amount that would be refused anyway.
    beforeWrite: (registerId, sale, confirmation) => {
      checkPeriodBound(periodNow(registerId).load, saleLoad(sale), 'sale');
      if (confirmation) checkLargeAmount(sale.totalOre, confirmation.limitOre, confirmation.confirmed);
    },
  });
  const movements = createCashMovementsRepo({
    db, clock, ids, cashier: cashierId,
    beforeWrite: (m, confirmation) => {
      const period = periodNow(m.registerId);
      checkPeriodBound(period.load, m.amountOre, 'cash_movement');
      if (!confirmation) return;
      checkLargeAmount(m.amountOre, confirmation.limitOre, confirmation.confirmed);
      checkWithinDrawer(m.direction, m.amountOre, period.expectedCashOre(), confirmation.confirmed);
    },
  });
  // Made on the first close that needs them: a database of an older schema (tests of the migrations) has
  // neither table, and the till service must still open on it.
  let extras: ReportExtras | undefined;
  let transfers: TransferRepo | undefined;
  const closeDay = createDayCloser({
    db, clock, ids, logger, reports, readTotals, locate, cashier,
    extras: { saveDenominations: (...args) => (extras ??= createReportExtras(db)).saveDenominations(...args) },
    transfers: { enqueue: (...args) => (transfers ??= createTransferRepo(db)).enqueue(...args) },
  });
  const opener = createDayOpener({ db, clock, ids, reports, locate, cashier });
  const correctCount = createCountCorrector({ db, clock, ids, logger, reports, cashier, transfers: () => (transfers ??= createTransferRepo(db)) });

  // A read transaction: the previous report and the totals come from the same snapshot.
  const preview = db.transaction((registerId: string, dayChangeHour: number) => {
    const latest = reports.latestReport(registerId);
    const { bounds, periodStart } = locate(registerId, latest);
    return buildPreview({ registerId, bounds, latest, periodStart, asOf: toIsoUtc(clock.now()), dayChangeHour, aggregates: readTotals(bounds) });
  });

  // Every write and its journal entry commit together: the write's own IMMEDIATE transaction becomes a savepoint
  // inside this one, so neither can be stored without the other.
  const journal = deps.journal ?? (hasJournal(db) ? createJournal({ db, clock, cashier }) : null);
  const training = journal
    ? createTraining({ journal, ids, paymentTypes: paymentTypes.lookup, groups: (id) => groups().lookup(id) })
    : null;
  /**
   * The write and its entries in one IMMEDIATE transaction; with `refusedInTraining` (the write's register and
   * what it is), refused while the register is in training mode, checked under the same lock.
   */
  const journaled =
    <A extends unknown[], R>(
      write: (...args: A) => R,
      entries: (result: R, ...args: A) => JournalEntryInput[],
      refusedInTraining?: { action: string; registerOf: (first: A[0]) => string | null },
    ) => {
      if (!journal) return write;
      const inTransaction = db.transaction((...args: A): R => {
        const register = refusedInTraining && training ? refusedInTraining.registerOf(args[0]) : null;
        if (register !== null) training?.assertOff(register, refusedInTraining?.action ?? '');
        const result = write(...args);
        for (const entry of entries(result, ...args)) journal.record(entry);
        return result;
      });
      return (...args: A): R => inTransaction.immediate(...args);
    };
  // Refused in training mode, for a write whose first argument is the register's id or a request naming it
  // (input that names none is the write's own to refuse, with its clear error).
  const inTraining = (action: string, byId = false) => ({ action, registerOf: (first: unknown) => registerNamed(byId ? first : (first as { registerId?: unknown } | null)?.registerId) });
  const reportTaken = (type: 'z_report' | 'x_report', registerId: string, refId: string, report: Parameters<typeof reportEntry>[4]): JournalEntryInput[] => {
    if (!journal) return [];
    const { summary } = periodSummaryOf(journal.repo, registerId, journal.repo.ends().lastNr + 1);
    return [reportEntry(type, registerId, refId, summary, report)];
  };
  const journaledClose = journaled(closeDay, ({ report }) => reportTaken('z_report', report.registerId, report.id, report), inTraining('close'));
  const recordSale = journaled(sales.recordSale, (sale) => [recordedSaleEntry(sale)]);
  // A sale rung up at a register in training mode is a training sale; an imported sale (rung up elsewhere) is real.
  const saleOrTraining: SalesRepo['recordSale'] = (registerId, input, options) =>
    !journal || !training || options?.source === 'import'
      ? recordSale(registerId, input, options)
      : journal.atomically(() => (training.status(parseInput(registerIdSchema, registerId, 'register id')).on ? training.recordSale(registerId, input) : recordSale(registerId, input, options)));
  const xReport = journaled(
    (registerId: string, dayChangeHour: number) => preview.deferred(parseInput(registerIdSchema, registerId, 'register id'), dayChangeHour),
    (p, registerId) => reportTaken('x_report', registerId, `x:${p.asOf}`, { asOf: p.asOf, nextNumber: p.nextNumber, grossSalesOre: p.grossSalesOre, returnsOre: p.returnsOre, netRevenueOre: p.netRevenueOre, cashSalesOre: p.cashSalesOre, expectedCashOre: p.expectedCashOre }),
  );

  const afterWrite = deps.afterWrite ?? (() => {});
  const thenNote =
    <A extends unknown[], R>(write: (...args: A) => R) =>
    (...args: A): R => {
      const result = write(...args);
      afterWrite();
      return result;
    };

  const close = thenNote(journaledClose);
  return {
    paymentTypes,
    get groups() {
      return groups();
    },
    get articles() {
      return (articlesRepo ??= createArticlesRepo(db, ids, clock));
    },
    journal,
    training,
    recordSale: thenNote(saleOrTraining),
    getSale: sales.getSale,
    listRecentSales: sales.listRecentSales,
    saleByNumber: sales.saleByNumber,
    voidSale: thenNote(journaled(sales.voidSale, (sale) => [voidEntry(sale)], inTraining('void'))),
    recordRefund: thenNote(journaled(sales.recordRefund, (sale) => [recordedSaleEntry(sale)], inTraining('refund', true))),
    recordCashMovement: thenNote(journaled(movements.recordCashMovement, (m) => [movementEntry(m)], inTraining('cash_movement'))),
    listOpenMovements: movements.listOpenMovements,
    undoCashMovement: thenNote(journaled(movements.undoCashMovement, (m) => [movementUndoEntry(m)], inTraining('cash_movement_undo'))),
    listReports: reports.listReports,
    getReport: reports.getReport,
    previewOpenPeriod: (registerId, dayChangeHour = DEFAULT_DAY_CHANGE_HOUR) => preview.deferred(parseInput(registerIdSchema, registerId, 'register id'), dayChangeHour),
    close,
    closeDay: (req, hooks) => close(req, hooks).report,
    xReport: (registerId, dayChangeHour = DEFAULT_DAY_CHANGE_HOUR) => xReport(registerId, dayChangeHour),
    correctCount: thenNote(journaled(correctCount, (c, req) => [correctionEntry(req.registerId, c.correction)], inTraining('count_correction'))),
    countOpening: thenNote(journaled(opener.countOpening, (c) => [openingCountEntry(c)], inTraining('opening_count'))),
    openingCount: (registerId) => opener.openingCount(parseInput(registerIdSchema, registerId, 'register id')),
    listCorrections: reports.listCorrections,
  };
}
