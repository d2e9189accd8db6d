// The till core under a decade of data: 2,000,000 earlier sales in 3,650 closed days, then an open day of
// 10,000 sales. Measures the period totals against the cheapest possible read of that day (a bare indexed
// SUM over its payment rows), the whole close with synchronous=FULL, recording one sale, and listing ten
// years of reports. Figures and their reading: docs/PERFORMANCE.md.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { openTillDatabase } from '../electron/db/connection';
import { createDailyReportsRepo } from '../electron/db/daily-reports.repo';
import { createPeriodTotalsReader, type PeriodBounds } from '../electron/db/period-totals.query';
import { deferWalCheckpoints } from '../electron/db/wal-checkpoints';
import { createBulkLoader } from '../electron/demo/demo-bulk';
import { DAY_MS } from '../electron/demo/demo-data';
import { randomSaleInput } from '../electron/demo/demo-sales';
import { seededRandom } from '../electron/demo/seeded-random';
import { createOpenPeriodLocator } from '../electron/db/open-period.query';
import { createTillService } from '../electron/till/till.service';
import { createCashiersService } from '../electron/cashiers/cashiers.service';
import { createCashiersRepo } from '../electron/db/cashiers.repo';
import { elapsedMs, median, percentile, sample, type BenchFigure, type BenchPart } from './bench-kit';

const HISTORY_SALES = Number(process.env.BENCH_HISTORY_SALES ?? 2_000_000);
const HISTORY_DAYS = Number(process.env.BENCH_HISTORY_DAYS ?? 3_650);
const OPEN_DAY_SALES = 10_000;
const CLOSE_RUNS = 5;
const SALE_RUNS = 2_000;
const REGISTER = 'register-1';
const FIRST_DAY_MS = Date.UTC(2016, 0, 4, 7, 0); // 08:00 in Copenhagen

// The floor: the least work that touches every payment row of the open day once (a range of the payments
// table's primary key, which starts with the sale seq). The unary + keeps SQLite from using the register
// index instead, which would walk every payment of the register's history.
const FLOOR_SQL = `SELECT SUM(amount_ore) AS total FROM sale_payments
  WHERE sale_seq > @fromSaleSeq AND sale_seq <= @toSaleSeq AND +register_id = @registerId`;

// For comparison only: the same totals by scanning the day's rows instead of reading running totals.
const SCAN_SQL = [
  `SELECT COUNT(*), SUM(kind = 'return'), SUM(rounding_ore) FROM sales
   WHERE seq > @fromSaleSeq AND seq <= @toSaleSeq AND +register_id = @registerId`,
  `SELECT vat_rate_bp, SUM(sales_ore), SUM(returns_ore) FROM sale_vat_totals
   WHERE sale_seq > @fromSaleSeq AND sale_seq <= @toSaleSeq AND +register_id = @registerId GROUP BY vat_rate_bp`,
  `SELECT payment_type_id, SUM(amount_ore), COUNT(*) FROM sale_payments
   WHERE sale_seq > @fromSaleSeq AND sale_seq <= @toSaleSeq AND +register_id = @registerId GROUP BY payment_type_id`,
];

function saleFigure(how: string, samples: number[], target?: number): BenchFigure {
  return {
    label: `record a sale, ${how} (p99 of ${samples.length})`,
    value: percentile(samples, 99),
    unit: 'ms',
    target,
    note: `synchronous=FULL; median ${median(samples).toFixed(2)} ms, slowest ${Math.max(...samples).toFixed(2)} ms`,
  };
}

export const tillCoreBench: BenchPart = {
  name: 'till-core',
  async run({ dir, log }) {
    const file = join(dir, 'till.sqlite');
    const db = openTillDatabase(file);
    const loader = createBulkLoader(db, { seed: 2026, registerId: REGISTER });
    const figures: BenchFigure[] = [];

    // Building the fixture is not what is measured, so it skips the fsyncs and uses a large page cache (the
    // random-UUID index of 2 M sales outgrows SQLite's 2 MiB default); every measurement below runs with
    // synchronous=FULL and the default cache, as the app does.
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -262144');
    const buildMs = elapsedMs(() =>
      loader.loadHistory({
        days: HISTORY_DAYS,
        totalSales: HISTORY_SALES,
        startMs: FIRST_DAY_MS,
        onProgress: (days) => days % 730 === 0 && log(`built ${days} of ${HISTORY_DAYS} days`),
      }),
    );
    let openDayMs = FIRST_DAY_MS + HISTORY_DAYS * DAY_MS;
    loader.addOpenDay(OPEN_DAY_SALES, openDayMs);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('synchronous = FULL');
    db.pragma('cache_size = -2000');
    figures.push({ label: `build ${HISTORY_SALES.toLocaleString('en')} sales in ${HISTORY_DAYS} days + open day`, value: buildMs / 1000, unit: 's' });

    const reports = createDailyReportsRepo(db);
    const locate = createOpenPeriodLocator(db);
    const openBounds = (): PeriodBounds => locate(REGISTER, reports.latestReport(REGISTER)).bounds;
    const bounds = openBounds();
    log(`open period: sales seq ${bounds.fromSaleSeq + 1}..${bounds.toSaleSeq}`);

    const floor = db.prepare(FLOOR_SQL);
    log(`floor plan: ${(db.prepare(`EXPLAIN QUERY PLAN ${FLOOR_SQL}`).all(bounds) as Array<{ detail: string }>).map((r) => r.detail).join(' | ')}`);
    const floorMs = median(sample(() => floor.get(bounds), 31));
    const readTotals = createPeriodTotalsReader(db);
    const totals = db.transaction(() => readTotals(bounds));
    const aggregationMs = median(sample(() => totals.deferred(), 31));
    const scans = SCAN_SQL.map((sql) => db.prepare(sql));
    const scanMs = median(sample(() => db.transaction(() => scans.forEach((s) => s.all(bounds))).deferred(), 31));
    figures.push(
      { label: 'floor: indexed SUM over the open day’s payment rows', value: floorMs, unit: 'ms' },
      { label: 'period totals (running totals, 5 statements; +2 with voids)', value: aggregationMs, unit: 'ms' },
      { label: 'period totals ÷ floor', value: aggregationMs / floorMs, unit: '×', target: 3 },
      { label: '(comparison) the same totals by scanning the day ÷ floor', value: scanMs / floorMs, unit: '×' },
    );

    const closeSamples: number[] = [];
    for (let run = 0; run < CLOSE_RUNS; run++) {
      loader.clock.set(openDayMs + 11 * 3_600_000);
      const expected = loader.service.previewOpenPeriod(REGISTER).expectedCashOre;
      closeSamples.push(
        elapsedMs(() =>
          loader.service.closeDay({
            registerId: REGISTER,
            registerName: 'Kasse 1',
            dayChangeHour: 4,
            countedCashOre: expected,
            cashToBankAtCloseOre: 0,
            confirmEmptyDay: false,
          }),
        ),
      );
      // Each measured close is real (committed); the next one gets a fresh open day of the same size.
      openDayMs += DAY_MS;
      loader.addOpenDay(OPEN_DAY_SALES, openDayMs);
    }
    figures.push({
      label: `close a ${OPEN_DAY_SALES.toLocaleString('en')}-sale day (median of ${CLOSE_RUNS})`,
      value: median(closeSamples),
      unit: 'ms',
      target: 50,
      note: `synchronous=FULL; slowest ${Math.max(...closeSamples).toFixed(2)} ms`,
    });

    const rng = seededRandom(7);
    const baskets = () => Array.from({ length: SALE_RUNS }, () => randomSaleInput(rng));
    loader.clock.set(openDayMs + 3_600_000);
    // SQLite's automatic checkpoint runs inside every ~100th commit, so that sale also copies the WAL back.
    const inline = baskets().map((basket) => elapsedMs(() => loader.service.recordSale(REGISTER, basket)));
    figures.push(saleFigure('checkpoint inside the commit', inline));
    // As the app runs: checkpoints deferred to the event loop's next turn, i.e. between two customers.
    const checkpoints = deferWalCheckpoints(db);
    const till = createTillService({ db, clock: loader.clock, ids: { newId: randomUUID }, afterWrite: checkpoints.noteWrite });
    const deferred: number[] = [];
    for (const basket of baskets()) {
      deferred.push(elapsedMs(() => till.recordSale(REGISTER, basket)));
      await new Promise((resolve) => setImmediate(resolve));
    }
    figures.push(saleFigure('checkpoints deferred', deferred, 10));

    // [2.4] With cashiers set up and one signed in: each sale asks who is at the till under its write lock, and
    // the database checks the named cashier is active.
    const cashiers = createCashiersService({ repo: createCashiersRepo(db), clock: loader.clock, ids: { newId: randomUUID } });
    const owner = await cashiers.create({ name: 'Bench', role: 'owner', pin: '1234' });
    await cashiers.signIn({ cashierId: owner.id, pin: '1234' });
    const named = createTillService({ db, clock: loader.clock, ids: { newId: randomUUID }, afterWrite: checkpoints.noteWrite, cashier: () => cashiers.stamp() });
    const stamped: number[] = [];
    for (const basket of baskets()) {
      stamped.push(elapsedMs(() => named.recordSale(REGISTER, basket)));
      await new Promise((resolve) => setImmediate(resolve));
    }
    checkpoints.stop();
    figures.push(saleFigure('a cashier signed in, checkpoints deferred', stamped, 10));

    let listed = 0;
    const listMs = median(sample(() => (listed = loader.service.listReports(REGISTER, { limit: HISTORY_DAYS }).length), 21));
    if (listed !== HISTORY_DAYS) throw new Error(`listed ${listed} reports, expected ${HISTORY_DAYS}`);
    figures.push({ label: `list ${HISTORY_DAYS.toLocaleString('en')} reports (headers, median of 21)`, value: listMs, unit: 'ms', target: 20 });

    db.close();
    // Opening checks the whole file first (SQLite's quick_check, connection.ts) so a damaged database is refused
    // before anything writes to it: this is what a start of the app costs with five years of a busy shop.
    const openMs = median(sample(() => openTillDatabase(file).close(), 3));
    figures.push({ label: `open the database at start (quick_check of ${HISTORY_SALES.toLocaleString('en')} sales, median of 3)`, value: openMs / 1000, unit: 's', target: 10 });
    return figures;
  },
};
