// The open period of a register: everything recorded since its last report. Read by the close (inside its
// write transaction) and by the running totals the CLI and the UI show during the day.
import { ZERO_ORE, type Ore } from '../../shared/money/ore';
import type { LatestReport } from '../db/daily-reports.repo';
import type { TillDatabase } from '../db/connection';
import type { PeriodBounds } from '../db/period-totals.query';
import type { VatRateTotals } from '../../shared/till/till.types';
import { isEmptyPeriod, periodFigures, type ZReportAggregates } from '../../shared/till/z-report';

export interface OpenPeriodPreview {
  registerId: string;
  /** The number the next report of this register gets. */
  nextNumber: number;
  /** End of the previous report, or the register's first activity; null before anything happened. */
  periodStart: string | null;
  /** When these totals were read (the period's end if the day were closed now). */
  asOf: string;
  aggregates: ZReportAggregates;
  vatTotals: VatRateTotals[];
  grossSalesOre: Ore;
  returnsOre: Ore;
  netRevenueOre: Ore;
  openingFloatOre: Ore;
  /** Net cash paid in sales and refunds so far. */
  cashSalesOre: Ore;
  /** What the drawer should hold now: opening float + cash sales + cash from bank − cash to bank. */
  expectedCashOre: Ore;
  isEmpty: boolean;
}

/** Finds where the open period of a register starts and ends (the end is "everything recorded so far"). */
export function createOpenPeriodLocator(db: TillDatabase) {
  const maxSaleSeq = db.prepare<[string], { seq: number }>(
    'SELECT COALESCE(MAX(seq), 0) AS seq FROM sales WHERE register_id = ?',
  );
  const maxMovementSeq = db.prepare<[string], { seq: number }>(
    'SELECT COALESCE(MAX(seq), 0) AS seq FROM cash_movements WHERE register_id = ?',
  );
  // The first report's period starts at the register's first sale or cash movement, whichever came first.
  const firstActivity = db.prepare<{ registerId: string }, { firstAt: string | null }>(`
    SELECT MIN(created_at) AS firstAt FROM (
      SELECT * FROM (SELECT created_at FROM sales WHERE register_id = @registerId ORDER BY seq LIMIT 1)
      UNION ALL
      SELECT * FROM (SELECT created_at FROM cash_movements WHERE register_id = @registerId ORDER BY seq LIMIT 1))`);

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
    };
    const periodStart = latest ? latest.periodEnd : (firstActivity.get({ registerId })?.firstAt ?? null);
    return { bounds, periodStart };
  };
}

export function buildPreview(p: {
  registerId: string;
  latest: LatestReport | undefined;
  periodStart: string | null;
  asOf: string;
  aggregates: ZReportAggregates;
}): OpenPeriodPreview {
  const { registerId, latest, periodStart, aggregates } = p;
  const openingFloatOre = latest?.closingFloatOre ?? ZERO_ORE;
  return {
    registerId,
    nextNumber: (latest?.number ?? 0) + 1,
    periodStart,
    asOf: p.asOf,
    aggregates,
    ...periodFigures(aggregates, openingFloatOre),
    openingFloatOre,
    isEmpty: isEmptyPeriod(aggregates),
  };
}
