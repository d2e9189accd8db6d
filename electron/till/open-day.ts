// Opening the day with a count ("Byttepenge ved start"): before the period's first sale the cashier counts the
// drawer, prefilled with the float the previous report carried over. One IMMEDIATE transaction reads the
// latest report and the open period under the write lock, so a sale racing it on another connection cannot
// slip in between the check and the write. The count is the period's, once; a difference is recorded as one.
import { z } from 'zod';
import { formatDecimal, ZERO_ORE, type Ore } from '../../shared/money/ore';
import type { Clock, IdGenerator } from '../../shared/ports';
import { toIsoUtc } from '../../shared/till/business-date';
import { cashDifference } from '../../shared/till/cash-count';
import { checkPeriodBound, MAX_COUNTED_CASH_ORE } from '../../shared/till/period-bound';
import { tillError } from '../../shared/till/till-error';
import type { TillDatabase } from '../db/connection';
import type { DailyReportsRepo } from '../db/daily-reports.repo';
import type { createOpenPeriodLocator } from '../db/open-period.query';
import { createOpeningCountsRepo, type OpeningCount } from '../db/opening-counts.repo';
import { registerIdSchema } from '../db/sales.repo';
import { parseInput } from '../db/data-error';
import { periodHasRecords } from './open-period';

export type { OpeningCount } from '../db/opening-counts.repo';

export interface OpeningCountRequest {
  registerId: string;
  /** The whole drawer as counted at opening, øre. */
  countedOre: number;
}

const requestSchema = z.object({ registerId: registerIdSchema, countedOre: z.unknown() });

export function createDayOpener(deps: {
  db: TillDatabase;
  clock: Clock;
  ids: IdGenerator;
  reports: Pick<DailyReportsRepo, 'latestReport'>;
  locate: ReturnType<typeof createOpenPeriodLocator>;
  cashier: () => { id: string; name: string } | null;
}) {
  const { db } = deps;
  // Made on first use: a database of an older schema (tests of the migrations) has no opening_counts table.
  let repo: ReturnType<typeof createOpeningCountsRepo> | undefined;
  const counts = () => (repo ??= createOpeningCountsRepo(db));

  const openInTransaction = db.transaction((req: { registerId: string; countedOre: Ore }): OpeningCount => {
    const who = deps.cashier();
    const latest = deps.reports.latestReport(req.registerId);
    const afterReportNumber = latest?.number ?? 0;
    const already = counts().get(req.registerId, afterReportNumber);
    if (already) throw tillError('day_already_opened', `The open period was opened with ${formatDecimal(already.countedOre)} already`, { countedOre: already.countedOre });
    const { bounds } = deps.locate(req.registerId, latest);
    if (periodHasRecords(bounds)) {
      throw tillError('day_already_started', 'Sales or cash movements are recorded in the open period already: the opening count belongs before them');
    }
    const carriedOre = latest?.closingFloatOre ?? ZERO_ORE;
    // The count is one of the period's parts (shared/till/period-bound.ts): with the carried float it must leave
    // room for the day, like any movement.
    checkPeriodBound(carriedOre, req.countedOre, 'cash_movement');
    const count = {
      id: deps.ids.newId(),
      registerId: req.registerId,
      afterReportNumber,
      createdAt: toIsoUtc(deps.clock.now()),
      carriedOre,
      countedOre: req.countedOre,
    };
    counts().insert(count, who?.id ?? null);
    return { ...count, differenceOre: cashDifference(req.countedOre, carriedOre), cashierName: who?.name ?? null };
  });

  return {
    countOpening(req: OpeningCountRequest): OpeningCount {
      const parsed = parseInput(requestSchema, req, 'opening count');
      const counted = parsed.countedOre;
      if (typeof counted !== 'number' || !Number.isSafeInteger(counted) || counted < 0 || counted > MAX_COUNTED_CASH_ORE) {
        throw tillError('invalid_cash_count', `The opening count must be a whole number of øre from 0 to ${formatDecimal(MAX_COUNTED_CASH_ORE)}`, { field: 'countedOre' });
      }
      return openInTransaction.immediate({ registerId: parsed.registerId, countedOre: counted as Ore });
    },
    /** The open period's opening count, or null. */
    openingCount(registerId: string): OpeningCount | null {
      const latest = deps.reports.latestReport(registerId);
      return counts().get(registerId, latest?.number ?? 0);
    },
  };
}
