// The opening count of a period (0110-opening-counts.ts): written once, before the period's first sale, by
// the till service's countOpening (electron/till/open-day.ts), which holds the write transaction.
import { ore, type Ore } from '../../shared/money/ore';
import { cashDifference } from '../../shared/till/cash-count';
import type { TillDatabase } from './connection';

export interface OpeningCount {
  id: string;
  registerId: string;
  /** The report the period follows (0: the register's first period). */
  afterReportNumber: number;
  createdAt: string;
  /** The float the previous report carried over (its latest correction's, when corrected). */
  carriedOre: Ore;
  countedOre: Ore;
  /** counted − carried: a till difference found at opening. */
  differenceOre: Ore;
  cashierName: string | null;
}

export interface OpeningCountsRepo {
  /** Caller holds the write transaction. */
  insert(count: Omit<OpeningCount, 'differenceOre' | 'cashierName'>, cashierId: string | null): void;
  get(registerId: string, afterReportNumber: number): OpeningCount | null;
}

export function createOpeningCountsRepo(db: TillDatabase): OpeningCountsRepo {
  const insertRow = db.prepare(
    `INSERT INTO opening_counts (id, register_id, after_report_number, created_at, carried_ore, counted_ore, cashier_id)
     VALUES (@id, @registerId, @afterReportNumber, @createdAt, @carriedOre, @countedOre, @cashierId)`,
  );
  const selectRow = db.prepare<[string, number], Omit<OpeningCount, 'differenceOre'>>(
    `SELECT id, register_id AS registerId, after_report_number AS afterReportNumber, created_at AS createdAt,
            carried_ore AS carriedOre, counted_ore AS countedOre, (SELECT name FROM cashiers WHERE id = o.cashier_id) AS cashierName
     FROM opening_counts AS o WHERE register_id = ? AND after_report_number = ?`,
  );
  return {
    insert: (count, cashierId) => void insertRow.run({ ...count, cashierId }),
    get(registerId, afterReportNumber) {
      const row = selectRow.get(registerId, afterReportNumber);
      return row ? { ...row, carriedOre: ore(row.carriedOre), countedOre: ore(row.countedOre), differenceOre: cashDifference(ore(row.countedOre), ore(row.carriedOre)) } : null;
    },
  };
}
