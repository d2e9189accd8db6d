// Where the open period of a register starts and ends: everything recorded since its last report. Read by
// the close (inside its write transaction) and by the running totals the CLI and the UI show during the day.
import type { TillDatabase } from './connection';
import type { LatestReport } from './daily-reports.repo';
import type { PeriodBounds } from './period-totals.query';

/** Finds where the open period of a register starts and ends (the end is "everything recorded so far"). */
export function createOpenPeriodLocator(db: TillDatabase) {
  const maxSaleSeq = db.prepare<[string], { seq: number }>(
    'SELECT COALESCE(MAX(seq), 0) AS seq FROM sales WHERE register_id = ?',
  );
  const maxMovementSeq = db.prepare<[string], { seq: number }>(
    'SELECT COALESCE(MAX(seq), 0) AS seq FROM cash_movements WHERE register_id = ?',
  );
  // The first report's period starts at the register's first sale, cash movement or opening count, whichever
  // came first.
  const firstActivity = db.prepare<{ registerId: string }, { firstAt: string | null }>(`
    SELECT MIN(created_at) AS firstAt FROM (
      SELECT * FROM (SELECT created_at FROM sales WHERE register_id = @registerId ORDER BY seq LIMIT 1)
      UNION ALL
      SELECT * FROM (SELECT created_at FROM cash_movements WHERE register_id = @registerId ORDER BY seq LIMIT 1)
      UNION ALL
      SELECT * FROM (SELECT created_at FROM opening_counts WHERE register_id = @registerId ORDER BY seq LIMIT 1))`);

  return function locate(registerId: string, latest: LatestReport | undefined): {
    bounds: PeriodBounds;
    periodStart: string | null;
  } {
    const bounds: PeriodBounds = {
      registerId,
      fromSaleSeq: latest?.lastSaleSeq ?? 0,
      toSaleSeq: maxSaleSeq.get(registerId)?.seq ?? 0,
      fromMovementSeq: latest?.lastMovementSeq ?? 0,
      toMovementSeq: maxMovementSeq.get(registerId)?.seq ?? 0,
      afterReportNumber: latest?.number ?? 0,
    };
    const periodStart = latest ? latest.periodEnd : (firstActivity.get({ registerId })?.firstAt ?? null);
    return { bounds, periodStart };
  };
}

