// Realistic shop days for the demo, the CLI and tests: a float brought from the bank on the first morning,
// customers through the day, takings sometimes taken to the bank at midday, and a close in the evening where
// the counted cash is usually exact and now and then a few kroner off. Deterministic for a seed and start.
import { ore, type Ore } from '../../shared/money/ore';
import type { Clock } from '../../shared/ports';
import type { ZReport } from '../../shared/till/till.types';
import type { TillService } from '../till/till.service';
import { randomSaleInput } from './demo-sales';
import { seededRandom, type Rng } from './seeded-random';

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const OPEN_HOURS = 10;
/** What the shop leaves in the drawer overnight. */
const FLOAT_ORE = 150_000;

export interface DemoClock extends Clock {
  set(ms: number): void;
}

export function createDemoClock(startMs: number): DemoClock {
  let now = startMs;
  return { now: () => now, set: (ms) => void (now = ms) };
}

export interface DemoDaysOptions {
  /** Closed days to generate. */
  days: number;
  /** Average customers per day (each day varies ±20 %). */
  salesPerDay: number;
  seed: number;
  /** Opening time of the first day, epoch ms; each following day opens 24 h later. */
  startMs: number;
  registerId: string;
  registerName?: string;
  dayChangeHour?: number;
  /** A last day left open (not closed): its customers arrive evenly from startMs over spanMs. */
  openDay?: { sales: number; startMs: number; spanMs: number };
}

export interface DemoDaysResult {
  reports: ZReport[];
  salesRecorded: number;
}

function midDayToBank(service: TillService, registerId: string): void {
  const expected = service.previewOpenPeriod(registerId).expectedCashOre;
  const spare = Math.floor((expected - FLOAT_ORE) / 50_000) * 50_000; // whole 500 kr bundles
  if (spare >= 50_000) {
    service.recordCashMovement({ registerId, direction: 'to_bank', amountOre: ore(spare), note: 'Overskud til banken' });
  }
}

/** Counted cash: usually exact; sometimes up to 20 kr off, in whole 50-øre coins. */
function countedCash(expected: Ore, rng: Rng): Ore {
  const difference = rng.chance(0.85) ? 0 : rng.int(-40, 40) * 50;
  return ore(Math.max(0, expected + difference));
}

function customers(service: TillService, clock: DemoClock, rng: Rng, o: DemoDaysOptions, span: { startMs: number; spanMs: number; count: number }): void {
  const { startMs, spanMs, count } = span;
  const middle = Math.floor(count / 2);
  const bankAtMidday = rng.chance(0.3);
  for (let i = 0; i < count; i++) {
    clock.set(startMs + Math.floor(((i + rng.next()) * spanMs) / count));
    service.recordSale(o.registerId, randomSaleInput(rng));
    if (i === middle && bankAtMidday) midDayToBank(service, o.registerId);
  }
}

export function generateDemoDays(service: TillService, clock: DemoClock, o: DemoDaysOptions): DemoDaysResult {
  const rng = seededRandom(o.seed);
  const reports: ZReport[] = [];
  let salesRecorded = 0;
  for (let day = 0; day < o.days; day++) {
    const openMs = o.startMs + day * DAY_MS;
    clock.set(openMs);
    if (day === 0) {
      service.recordCashMovement({ registerId: o.registerId, direction: 'from_bank', amountOre: ore(FLOAT_ORE), note: 'Byttepenge' });
    } else if (rng.chance(0.05)) {
      service.recordCashMovement({ registerId: o.registerId, direction: 'from_bank', amountOre: ore(50_000), note: 'Småmønt fra banken' });
    }
    const count = Math.max(1, Math.round(o.salesPerDay * (0.8 + 0.4 * rng.next())));
    customers(service, clock, rng, o, { startMs: openMs, spanMs: OPEN_HOURS * HOUR_MS, count });
    salesRecorded += count;

    clock.set(openMs + OPEN_HOURS * HOUR_MS + 15 * 60_000);
    const counted = countedCash(service.previewOpenPeriod(o.registerId).expectedCashOre, rng);
    const toBank = counted > FLOAT_ORE ? Math.floor((counted - FLOAT_ORE) / 10_000) * 10_000 : 0; // 100 kr notes
    reports.push(
      service.closeDay({
        registerId: o.registerId,
        registerName: o.registerName ?? 'Kasse 1',
        dayChangeHour: o.dayChangeHour ?? 4,
        countedCashOre: counted,
        cashToBankAtCloseOre: toBank,
        confirmEmptyDay: false,
      }),
    );
  }
  if (o.openDay && o.openDay.sales > 0) {
    customers(service, clock, rng, o, { startMs: o.openDay.startMs, spanMs: o.openDay.spanMs, count: o.openDay.sales });
    salesRecorded += o.openDay.sales;
  }
  return { reports, salesRecorded };
}
