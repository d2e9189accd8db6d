// The open period of a register: everything recorded since its last report, as the register and the CLI
// show it during the day. Where the period starts and ends is read in electron/db/open-period.query.ts.
import { ZERO_ORE, type Ore } from '../../shared/money/ore';
import { reportDate, type ReportDate } from '../../shared/till/business-date';
import type { LatestReport } from '../db/daily-reports.repo';
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
  /** The opening count − the carried float (0 when the day was not opened with a count). */
  openingDifferenceOre: Ore;
  /** Net cash paid in sales and refunds so far. */
  cashSalesOre: Ore;
  giftCardsSoldOre: Ore;
  giftCardsRedeemedOre: Ore;
  /** What the drawer should hold now: opening float + opening difference + cash sales + cash from bank − cash to bank. */
  expectedCashOre: Ore;
  isEmpty: boolean;
  /** The day can still be opened with a count: none yet, and nothing recorded in the period (not even undone). */
  openingCountable: boolean;
  /** The business date a close now gets, and whether the clock stands before the previous report. */
  date: ReportDate;
}

/** Whether a sale or cash movement (even a voided or undone one) is recorded in the period. */
export function periodHasRecords(b: PeriodBounds): boolean {
  return b.toSaleSeq > b.fromSaleSeq || b.toMovementSeq > b.fromMovementSeq;
}

export function buildPreview(p: {
  registerId: string;
  bounds: PeriodBounds;
  latest: LatestReport | undefined;
  periodStart: string | null;
  asOf: string;
  dayChangeHour: number;
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
    openingCountable: aggregates.openingCountedOre === null && !periodHasRecords(p.bounds),
    date: reportDate(Date.parse(p.asOf), p.dayChangeHour, latest ?? null),
  };
}
