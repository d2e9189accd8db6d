// The parts of the daily report views the till service does not cover: the cash count by denomination
// (written inside the close transaction) and a page of the report list with its total, for the list's
// offset paging and its filter, and the ids a CSV export of a date range reads.
import { ore, type Ore } from '../../shared/money/ore';
import type { TillDatabase } from './connection';
import { latestCorrected } from './daily-reports.repo';

export interface Denomination {
  valueOre: Ore;
  count: number;
}

export interface ReportListRow {
  id: string;
  number: number;
  businessDate: string;
  closedAt: string;
  netRevenueOre: Ore;
  /** Times the count was corrected ("Ret optælling"). */
  correctionCount: number;
  /** The cashier who closed (null: none named). */
  closedBy: string | null;
  /** The count as it stands: the latest correction's, when corrected. */
  countedCashOre: Ore;
  differenceOre: Ore;
}

/** The history's filter: business dates (inclusive, either end open) and a report number. */
export interface ReportFilter {
  fromDate?: string | undefined;
  toDate?: string | undefined;
  number?: number | undefined;
}

export interface ReportExtras {
  /** Called by the close inside its own transaction (CloseDayRequest.denominations). */
  saveDenominations(db: TillDatabase, reportId: string, counts: readonly Denomination[]): void;
  denominations(reportId: string): Denomination[] | null;
  /** Newest first. */
  page(registerId: string, offset: number, limit: number, filter?: ReportFilter): { rows: ReportListRow[]; total: number };
  /** The ids of the reports in a date range, oldest first, at most `limit`. */
  idsInRange(registerId: string, filter: Omit<ReportFilter, 'number'>, limit: number): string[];
}

// Open ends of a range: every business date lies between these.
const filterParams = (registerId: string, f: ReportFilter = {}) => ({
  registerId,
  fromDate: f.fromDate ?? '0000-01-01',
  toDate: f.toDate ?? '9999-12-31',
  number: f.number ?? null,
});
const FILTER = `register_id = @registerId AND business_date BETWEEN @fromDate AND @toDate AND (@number IS NULL OR number = @number)`;
type FilterParams = ReturnType<typeof filterParams>;

export function createReportExtras(db: TillDatabase): ReportExtras {
  const selectDenominations = db.prepare<[string], { valueOre: number; count: number }>(
    'SELECT value_ore AS valueOre, count FROM daily_report_denominations WHERE report_id = ? ORDER BY value_ore DESC',
  );
  type PageRow = Omit<ReportListRow, 'netRevenueOre' | 'countedCashOre' | 'differenceOre'> & { netRevenueOre: number; countedCashOre: number; differenceOre: number };
  const selectPage = db.prepare<[FilterParams & { limit: number; offset: number }], PageRow>(
    `SELECT id, number, business_date AS businessDate, closed_at AS closedAt, net_revenue_ore AS netRevenueOre,
            (SELECT COUNT(*) FROM report_corrections AS c WHERE c.report_id = r.id) AS correctionCount,
            (SELECT name FROM cashiers WHERE id = r.cashier_id) AS closedBy,
            ${latestCorrected('counted_cash_ore')} AS countedCashOre, ${latestCorrected('difference_ore')} AS differenceOre
     FROM daily_reports AS r WHERE ${FILTER} ORDER BY number DESC LIMIT @limit OFFSET @offset`,
  );
  const countReports = db.prepare<[FilterParams], { total: number }>(`SELECT COUNT(*) AS total FROM daily_reports WHERE ${FILTER}`);
  const selectIds = db.prepare<[FilterParams & { limit: number }], { id: string }>(`SELECT id FROM daily_reports WHERE ${FILTER} ORDER BY number LIMIT @limit`);

  return {
    saveDenominations(txDb, reportId, counts) {
      const insert = txDb.prepare('INSERT INTO daily_report_denominations (report_id, value_ore, count) VALUES (?, ?, ?)');
      // The same note or coin listed twice is one row with the counts added.
      const merged = new Map<number, number>();
      for (const d of counts) merged.set(d.valueOre, (merged.get(d.valueOre) ?? 0) + d.count);
      for (const [valueOre, count] of merged) insert.run(reportId, valueOre, count);
    },
    denominations(reportId) {
      const rows = selectDenominations.all(reportId);
      return rows.length === 0 ? null : rows.map((r) => ({ valueOre: ore(r.valueOre), count: r.count }));
    },
    page(registerId, offset, limit, filter) {
      const params = filterParams(registerId, filter);
      // One read transaction so the total and the rows agree.
      return db.transaction(() => ({
        total: countReports.get(params)?.total ?? 0,
        rows: selectPage.all({ ...params, limit, offset }).map((r) => ({ ...r, netRevenueOre: ore(r.netRevenueOre), countedCashOre: ore(r.countedCashOre), differenceOre: ore(r.differenceOre) })),
      })).deferred();
    },
    idsInRange(registerId, filter, limit) {
      return selectIds.all({ ...filterParams(registerId, { fromDate: filter.fromDate, toDate: filter.toDate }), limit }).map((r) => r.id);
    },
  };
}
