// `npm run demo` starts with a day of sales on the till so there is something to close and transfer: a float
// from the bank in the morning and customers since then. Only ever into an empty database, so a demo that has
// been used keeps what the user did with it.
import { join } from 'node:path';
import { ore } from '../../shared/money/ore';
import type { Clock } from '../../shared/ports';
import { localDateHour } from '../../shared/till/business-date';
import { DATABASE_FILE_NAME } from '../app/app-services';
import { openTillDatabase, tillIsEmpty } from '../db/connection';
import { createDemoClock, generateDemoDays } from '../demo/demo-data';
import { seededIds, seededRandom } from '../demo/seeded-random';
import { createTillService } from '../till/till.service';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

export interface DemoSeedOptions {
  dataDir: string;
  registerId: string;
  /** The hour the business day starts (settings.dayChangeHour): the sales stay within today. */
  dayChangeHour: number;
  clock: Clock;
  sales?: number;
  seed?: number;
}

/** Returns how many sales it recorded (0 when the database already had till data). */
export function seedDemoDay(o: DemoSeedOptions): number {
  const db = openTillDatabase(join(o.dataDir, DATABASE_FILE_NAME));
  try {
    if (!tillIsEmpty(db)) return 0;
    const now = o.clock.now();
    // Up to 8 hours back, but never across the day change: the open period must be one business day.
    // Copenhagen is a whole number of hours off UTC, so the minutes into the hour are the same in both.
    const hoursIntoDay = (localDateHour(now, 'Europe/Copenhagen').hour - o.dayChangeHour + 24) % 24;
    const sinceDayChange = hoursIntoDay * HOUR_MS + (now % HOUR_MS);
    const spanMs = Math.max(1000, Math.min(8 * HOUR_MS, sinceDayChange) - 2 * MINUTE_MS);
    const startMs = now - spanMs - MINUTE_MS;
    const seed = o.seed ?? 2024;
    const clock = createDemoClock(startMs);
    const service = createTillService({ db, clock, ids: seededIds(seededRandom(seed ^ 0x5eed)) });
    const sales = o.sales ?? 40;
    db.transaction(() => {
      service.recordCashMovement({ registerId: o.registerId, direction: 'from_bank', amountOre: ore(150_000), note: 'Byttepenge' });
      generateDemoDays(service, clock, { days: 0, salesPerDay: sales, seed, startMs, registerId: o.registerId, openDay: { sales, startMs: startMs + MINUTE_MS, spanMs } });
    }).immediate();
    return sales;
  } finally {
    db.close();
  }
}
