// The parts of the daily report views the till service does not cover: the cash count by denomination
// (written inside the close transaction) and a page of the report list with its total, for the list's
// offset paging.
import { ore, type Ore } from '../../shared/money/ore';
import type { TillDatabase } from './connection';

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
}

export interface ReportExtras {
  /** Called by the close inside its own transaction (CloseDayRequest.denominations). */
  saveDenominations(db: TillDatabase, reportId: string, counts: readonly Denomination[]): void;
  denominations(reportId: string): Denomination[] | null;
  /** Newest first. */
  page(registerId: string, offset: number, limit: number): { rows: ReportListRow[]; total: number };
}

export function createReportExtras(db: TillDatabase): ReportExtras {
  const selectDenominations = db.prepare<[string], { valueOre: number; count: number }>(
    'SELECT value_ore AS valueOre, count FROM daily_report_denominations WHERE report_id = ? ORDER BY value_ore DESC',
  );
  const selectPage = db.prepare<[string, number, number], { id: string; number: number; businessDate: string; closedAt: string; netRevenueOre: number; correctionCount: number; closedBy: string | null }>(
    `SELECT id, number, business_date AS businessDate, closed_at AS closedAt, net_revenue_ore AS netRevenueOre,
            (SELECT COUNT(*) FROM report_corrections AS c WHERE c.report_id = daily_reports.id) AS correctionCount,
            (SELECT name FROM cashiers WHERE id = daily_reports.cashier_id) AS closedBy
     FROM daily_reports WHERE register_id = ? ORDER BY number DESC LIMIT ? OFFSET ?`,
  );
  const countReports = db.prepare<[string], { total: number }>('SELECT COUNT(*) AS total FROM daily_reports WHERE register_id = ?');

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
    page(registerId, offset, limit) {
      // One read transaction so the total and the rows agree.
      return db.transaction(() => ({
        total: countReports.get(registerId)?.total ?? 0,
        rows: selectPage.all(registerId, limit, offset).map((r) => ({ ...r, netRevenueOre: ore(r.netRevenueOre) })),
      })).deferred();
    },
  };
}
