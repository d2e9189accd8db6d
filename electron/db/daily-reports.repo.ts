// Closed daily reports: written once by the close (electron/till), read by the list and the detail view.
// Listing returns header columns only so ten years of reports list in milliseconds.
import { z } from 'zod';
import { ore, type Ore } from '../../shared/money/ore';
import type { ReportCorrection } from '../../shared/till/correction';
import type { PaymentKind, ZReport } from '../../shared/till/till.types';
import type { TillDatabase } from './connection';
import { parseInput } from './data-error';
import { registerIdSchema } from './sales.repo';

export type ReportHeader = Pick<
  ZReport,
  | 'id'
  | 'registerId'
  | 'registerName'
  | 'number'
  | 'businessDate'
  | 'periodStart'
  | 'periodEnd'
  | 'closedAt'
  | 'saleCount'
  | 'returnCount'
  | 'netRevenueOre'
  | 'expectedCashOre'
  | 'countedCashOre'
  | 'differenceOre'
  | 'emptyDayConfirmed'
> & {
  /** How many times the count was corrected ("Ret optælling"); the figures above are the original close's. */
  correctionCount: number;
  /** The cashier who closed (null: none named). */
  closedBy: string | null;
};

export interface ListReportsOptions {
  /** Default 50, at most 10,000. */
  limit?: number;
  /** Only reports numbered below this (paging backwards); needs a register id. */
  beforeNumber?: number;
}

/** What the next close of a register continues from. */
export interface LatestReport {
  number: number;
  businessDate: string;
  closedAt: string;
  periodEnd: string;
  closingFloatOre: Ore;
  lastSaleSeq: number;
  lastMovementSeq: number;
}

export interface DailyReportsRepo {
  /** Newest first: by number within a register, by close order across registers. */
  listReports(registerId?: string, options?: ListReportsOptions): ReportHeader[];
  getReport(id: string): ZReport | null;
  latestReport(registerId: string): LatestReport | undefined;
  /** Caller holds the close transaction. */
  insertReport(report: ZReport, seqs: { lastSaleSeq: number; lastMovementSeq: number }, cashierId?: string | null): void;
  /** The report's corrections, oldest first. */
  listCorrections(reportId: string): ReportCorrection[];
  getCorrection(id: string): ReportCorrection | null;
  /** Caller holds the transaction; the database refuses a correction of any but the latest report. */
  insertCorrection(correction: ReportCorrection, cashierId?: string | null): void;
}

const listOptionsSchema = z.object({
  limit: z.number().int().min(1).max(10_000).default(50),
  beforeNumber: z.number().int().min(1).optional(),
});

// Listing thousands of reports is dominated by building row objects, so the list reads raw value arrays in
// this column order and builds each header as one object literal.
const HEADER_COLUMNS = `id, register_id, register_name, number, business_date, period_start, period_end, closed_at,
  sale_count, return_count, net_revenue_ore, expected_cash_ore, counted_cash_ore, difference_ore, empty_day_confirmed,
  (SELECT name FROM cashiers WHERE id = daily_reports.cashier_id)`;
type HeaderValues = [string, string, string, number, string, string, string, string, number, number, Ore, Ore, Ore, Ore, number, string | null];

/** Corrections are rare: their counts come from one read of the small corrections table, not a lookup per row. */
function toHeader(v: HeaderValues, corrections: ReadonlyMap<string, number>): ReportHeader {
  return {
    id: v[0],
    registerId: v[1],
    registerName: v[2],
    number: v[3],
    businessDate: v[4],
    periodStart: v[5],
    periodEnd: v[6],
    closedAt: v[7],
    saleCount: v[8],
    returnCount: v[9],
    netRevenueOre: v[10],
    expectedCashOre: v[11],
    countedCashOre: v[12],
    differenceOre: v[13],
    emptyDayConfirmed: v[14] === 1,
    correctionCount: corrections.get(v[0]) ?? 0,
    closedBy: v[15],
  };
}

const REPORT_COLUMNS: ReadonlyArray<[column: string, field: keyof ZReport]> = [
  ['id', 'id'],
  ['register_id', 'registerId'],
  ['register_name', 'registerName'],
  ['number', 'number'],
  ['business_date', 'businessDate'],
  ['period_start', 'periodStart'],
  ['period_end', 'periodEnd'],
  ['closed_at', 'closedAt'],
  ['sale_count', 'saleCount'],
  ['return_count', 'returnCount'],
  ['void_count', 'voidCount'],
  ['voided_ore', 'voidedOre'],
  ['gift_cards_sold_ore', 'giftCardsSoldOre'],
  ['gift_cards_redeemed_ore', 'giftCardsRedeemedOre'],
  ['tips_ore', 'tipsOre'],
  ['gross_sales_ore', 'grossSalesOre'],
  ['returns_ore', 'returnsOre'],
  ['net_revenue_ore', 'netRevenueOre'],
  ['rounding_ore', 'roundingOre'],
  ['opening_float_ore', 'openingFloatOre'],
  ['opening_counted_ore', 'openingCountedOre'],
  ['opening_difference_ore', 'openingDifferenceOre'],
  ['cash_sales_ore', 'cashSalesOre'],
  ['cash_from_bank_ore', 'cashFromBankOre'],
  ['cash_to_bank_during_day_ore', 'cashToBankDuringDayOre'],
  ['expected_cash_ore', 'expectedCashOre'],
  ['counted_cash_ore', 'countedCashOre'],
  ['difference_ore', 'differenceOre'],
  ['cash_to_bank_at_close_ore', 'cashToBankAtCloseOre'],
  ['closing_float_ore', 'closingFloatOre'],
  ['empty_day_confirmed', 'emptyDayConfirmed'],
];

type Row = Record<string, string | number | null>;

/**
 * SQL for a report's count field as it stands: its latest correction's value, else the report's own. The
 * report is `r` in the query (the history's list and the next period's float both read it this way).
 */
export const latestCorrected = (column: 'counted_cash_ore' | 'difference_ore' | 'closing_float_ore'): string =>
  `COALESCE((SELECT c.${column} FROM report_corrections AS c WHERE c.report_id = r.id ORDER BY c.number DESC LIMIT 1), r.${column})`;

export function createDailyReportsRepo(db: TillDatabase): DailyReportsRepo {
  const listByRegister = db
    .prepare<[string, number, number], HeaderValues>(
      `SELECT ${HEADER_COLUMNS} FROM daily_reports WHERE register_id = ? AND number < ? ORDER BY number DESC LIMIT ?`,
    )
    .raw();
  const listAll = db.prepare<[number], HeaderValues>(`SELECT ${HEADER_COLUMNS} FROM daily_reports ORDER BY rowid DESC LIMIT ?`).raw();
  const selectCorrectionCounts = db.prepare<[], [string, number]>('SELECT report_id, COUNT(*) FROM report_corrections GROUP BY report_id').raw();
  const correctionCounts = () => new Map(selectCorrectionCounts.all());
  const selectReport = db.prepare<[string], Row>(
    `SELECT ${REPORT_COLUMNS.map(([c, f]) => `${c} AS ${f}`).join(', ')}, (SELECT name FROM cashiers WHERE id = daily_reports.cashier_id) AS closedBy
     FROM daily_reports WHERE id = ?`,
  );
  const selectVat = db.prepare<[string], Row>(
    `SELECT vat_rate_bp AS vatRateBp, sales_ore AS salesOre, sales_vat_ore AS salesVatOre, returns_ore AS returnsOre,
            returns_vat_ore AS returnsVatOre
     FROM daily_report_vat_totals WHERE report_id = ? ORDER BY vat_rate_bp DESC`,
  );
  const selectPayments = db.prepare<[string], Row>(
    `SELECT payment_type_id AS paymentTypeId, name, kind, account_number AS accountNumber, amount_ore AS amountOre, count, gift_card AS giftCard
     FROM daily_report_payments WHERE report_id = ? ORDER BY position`,
  );
  const selectGroups = db.prepare<[string], Row>(
    `SELECT group_id AS groupId, name, kind, vat_rate_bp AS vatRateBp, account_number AS accountNumber, sales_ore AS salesOre, returns_ore AS returnsOre
     FROM daily_report_groups WHERE report_id = ? ORDER BY position`,
  );
  const selectTips = db.prepare<[string], Row>(
    'SELECT cashier_name AS cashierName, tips_ore AS tipsOre, count FROM daily_report_tips WHERE report_id = ? ORDER BY position',
  );
  const insertGroup = db.prepare(
    `INSERT INTO daily_report_groups (report_id, position, group_id, name, kind, vat_rate_bp, account_number, sales_ore, returns_ore)
     VALUES (@reportId, @position, @groupId, @name, @kind, @vatRateBp, @accountNumber, @salesOre, @returnsOre)`,
  );
  const insertTip = db.prepare(
    'INSERT INTO daily_report_tips (report_id, position, cashier_name, tips_ore, count) VALUES (@reportId, @position, @cashierName, @tipsOre, @count)',
  );
  // The next period continues from the latest correction's float when the count was corrected.
  const selectLatest = db.prepare<[string], LatestReport>(
    `SELECT number, business_date AS businessDate, closed_at AS closedAt, period_end AS periodEnd, last_sale_seq AS lastSaleSeq,
            last_movement_seq AS lastMovementSeq,
            ${latestCorrected('closing_float_ore')} AS closingFloatOre
     FROM daily_reports AS r WHERE register_id = ? ORDER BY number DESC LIMIT 1`,
  );
  const CORRECTION_COLUMNS = `id, report_id AS reportId, number, created_at AS createdAt, reason, counted_cash_ore AS countedCashOre,
    cash_to_bank_at_close_ore AS cashToBankAtCloseOre, difference_ore AS differenceOre, closing_float_ore AS closingFloatOre,
    (SELECT name FROM cashiers WHERE id = report_corrections.cashier_id) AS cashierName`;
  const selectCorrections = db.prepare<[string], ReportCorrection>(`SELECT ${CORRECTION_COLUMNS} FROM report_corrections WHERE report_id = ? ORDER BY number`);
  const selectCorrection = db.prepare<[string], ReportCorrection>(`SELECT ${CORRECTION_COLUMNS} FROM report_corrections WHERE id = ?`);
  const insertCorrectionRow = db.prepare(
    `INSERT INTO report_corrections (id, report_id, number, created_at, reason, counted_cash_ore, cash_to_bank_at_close_ore, difference_ore, closing_float_ore, cashier_id)
     VALUES (@id, @reportId, @number, @createdAt, @reason, @countedCashOre, @cashToBankAtCloseOre, @differenceOre, @closingFloatOre, @cashierId)`,
  );
  const insertHeader = db.prepare(
    `INSERT INTO daily_reports (${REPORT_COLUMNS.map(([c]) => c).join(', ')}, last_sale_seq, last_movement_seq, cashier_id)
     VALUES (${REPORT_COLUMNS.map(([, f]) => `@${f}`).join(', ')}, @lastSaleSeq, @lastMovementSeq, @cashierId)`,
  );
  const insertVat = db.prepare(
    `INSERT INTO daily_report_vat_totals (report_id, vat_rate_bp, sales_ore, sales_vat_ore, returns_ore, returns_vat_ore)
     VALUES (@reportId, @vatRateBp, @salesOre, @salesVatOre, @returnsOre, @returnsVatOre)`,
  );
  const insertPayment = db.prepare(
    `INSERT INTO daily_report_payments (report_id, position, payment_type_id, name, kind, account_number, amount_ore, count, gift_card)
     VALUES (@reportId, @position, @paymentTypeId, @name, @kind, @accountNumber, @amountOre, @count, @giftCard)`,
  );

  return {
    listReports(registerId, options = {}) {
      const { limit, beforeNumber } = parseInput(listOptionsSchema, options, 'report list options');
      if (registerId === undefined) {
        if (beforeNumber !== undefined) parseInput(registerIdSchema, registerId, 'register id (needed with beforeNumber)');
        const counts = correctionCounts();
        return listAll.all(limit).map((v) => toHeader(v, counts));
      }
      const register = parseInput(registerIdSchema, registerId, 'register id');
      const counts = correctionCounts();
      return listByRegister.all(register, beforeNumber ?? Number.MAX_SAFE_INTEGER, limit).map((v) => toHeader(v, counts));
    },

    getReport(id) {
      const row = selectReport.get(id);
      if (!row) return null;
      return {
        ...(row as unknown as ZReport),
        emptyDayConfirmed: row.emptyDayConfirmed === 1,
        vatTotals: selectVat.all(id) as unknown as ZReport['vatTotals'],
        payments: selectPayments.all(id).map(({ giftCard, ...p }) => ({ ...p, kind: p.kind as PaymentKind, ...(giftCard === 1 ? { giftCard: true } : {}) })) as unknown as ZReport['payments'],
        groups: selectGroups.all(id) as unknown as ZReport['groups'],
        tipsByCashier: selectTips.all(id) as unknown as ZReport['tipsByCashier'],
      };
    },

    latestReport(registerId) {
      const latest = selectLatest.get(registerId);
      return latest && { ...latest, closingFloatOre: ore(latest.closingFloatOre) };
    },

    insertReport(report, seqs, cashierId = null) {
      const { closedBy: _closedBy, groups, tipsByCashier, vatTotals, payments, ...figures } = report;
      insertHeader.run({ ...figures, emptyDayConfirmed: report.emptyDayConfirmed ? 1 : 0, ...seqs, cashierId });
      for (const v of vatTotals) insertVat.run({ reportId: report.id, ...v });
      payments.forEach((p, i) => insertPayment.run({ reportId: report.id, position: i + 1, ...p, giftCard: p.giftCard === true ? 1 : 0 }));
      groups.forEach((g, i) => insertGroup.run({ reportId: report.id, position: i + 1, ...g }));
      tipsByCashier.forEach((t, i) => insertTip.run({ reportId: report.id, position: i + 1, ...t }));
    },

    listCorrections: (reportId) => selectCorrections.all(reportId),
    getCorrection: (id) => selectCorrection.get(id) ?? null,
    insertCorrection: (correction, cashierId = null) => {
      const { cashierName: _name, ...row } = correction;
      insertCorrectionRow.run({ ...row, cashierId });
    },
  };
}
