// Fast loading of large demo histories, for the benchmark (millions of sales, years of closed days). A few
// thousand baskets are evaluated by the domain once and then written again and again with fresh ids and
// times through the same prepared statements the register uses, thousands per transaction. Days are closed
// by the real close, so reports and running totals are exactly what the app would have written.
import { ore } from '../../shared/money/ore';
import { toIsoUtc } from '../../shared/till/business-date';
import { evaluateSale, type EvaluatedSale } from '../../shared/till/sale';
import type { TillDatabase } from '../db/connection';
import { createSaleWriter } from '../db/sales.repo';
import { createTillService, type TillService } from '../till/till.service';
import { createDemoClock, DAY_MS, type DemoClock } from './demo-data';
import { randomSaleInput } from './demo-sales';
import { seededIds, seededRandom, type Rng } from './seeded-random';

const OPEN_MS = 10 * 3_600_000;
const FLOAT_ORE = 150_000;
const DAYS_PER_TRANSACTION = 10;

export interface BulkLoader {
  readonly service: TillService;
  readonly clock: DemoClock;
  /** Records count sales spread over the 10 opening hours starting at openMs; the caller may hold a transaction. */
  addSales(count: number, openMs: number): void;
  /** Closes `days` days of totalSales sales in all (spread evenly), starting at startMs. */
  loadHistory(o: { days: number; totalSales: number; startMs: number; onProgress?: (daysDone: number) => void }): void;
  /** Opens a day with `count` sales without closing it. */
  addOpenDay(count: number, openMs: number): void;
}

export function createBulkLoader(
  db: TillDatabase,
  o: { seed: number; registerId: string; registerName?: string; baskets?: number },
): BulkLoader {
  const rng: Rng = seededRandom(o.seed);
  const ids = seededIds(rng);
  const clock = createDemoClock(0);
  const service = createTillService({ db, clock, ids });
  const writeSale = createSaleWriter(db);
  const baskets: EvaluatedSale[] = Array.from({ length: o.baskets ?? 4000 }, () =>
    evaluateSale(randomSaleInput(rng), service.paymentTypes.lookup),
  );

  const addSales = (count: number, openMs: number) => {
    for (let i = 0; i < count; i++) {
      writeSale({
        id: ids.newId(),
        registerId: o.registerId,
        createdAt: toIsoUtc(openMs + Math.floor((i * OPEN_MS) / count)),
        source: 'register',
        externalId: null,
        evaluated: rng.pick(baskets),
      });
    }
  };

  const closeDay = (atMs: number) => {
    clock.set(atMs);
    const counted = service.previewOpenPeriod(o.registerId).expectedCashOre;
    service.closeDay({
      registerId: o.registerId,
      registerName: o.registerName ?? 'Kasse 1',
      dayChangeHour: 4,
      countedCashOre: counted,
      cashToBankAtCloseOre: ore(Math.max(0, counted - FLOAT_ORE)),
      confirmEmptyDay: true,
    });
  };

  return {
    service,
    clock,
    addSales,
    loadHistory({ days, totalSales, startMs, onProgress }) {
      clock.set(startMs);
      service.recordCashMovement({ registerId: o.registerId, direction: 'from_bank', amountOre: ore(FLOAT_ORE), note: 'Byttepenge' });
      for (let first = 0; first < days; first += DAYS_PER_TRANSACTION) {
        db.transaction(() => {
          for (let day = first; day < Math.min(days, first + DAYS_PER_TRANSACTION); day++) {
            // Spread totalSales evenly: day d gets the sales numbered [d·N/days, (d+1)·N/days).
            const count = Math.floor(((day + 1) * totalSales) / days) - Math.floor((day * totalSales) / days);
            const openMs = startMs + day * DAY_MS;
            addSales(count, openMs);
            closeDay(openMs + OPEN_MS + 60_000);
          }
        }).immediate();
        onProgress?.(Math.min(days, first + DAYS_PER_TRANSACTION));
      }
    },
    addOpenDay(count, openMs) {
      db.transaction(() => addSales(count, openMs)).immediate();
    },
  };
}
