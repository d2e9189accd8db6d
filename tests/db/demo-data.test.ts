// The demo shop: deterministic for a seed, realistic in its mix (cards, MobilePay, cash with rounding, splits,
// refunds, 0 % newspapers, cash to the bank, small count differences), and the bulk loader the benchmark uses
// writes the same kind of data the register would.
import { describe, expect, it } from 'vitest';
import { createBulkLoader } from '../../electron/demo/demo-bulk';
import { createDemoClock, generateDemoDays } from '../../electron/demo/demo-data';
import { seededIds, seededRandom } from '../../electron/demo/seeded-random';
import { createTillService } from '../../electron/till/till.service';
import { openTestDb, tempDir } from '../support/db-fixtures';
import { join } from 'node:path';

const START = Date.UTC(2026, 9, 1, 6, 0); // 08:00 in Copenhagen (summer time)

function demoShop(seed: number, days = 20) {
  const db = openTestDb(join(tempDir(), 'till.sqlite'));
  const clock = createDemoClock(START);
  const service = createTillService({ db, clock, ids: seededIds(seededRandom(seed + 1)) });
  const result = db
    .transaction(() => generateDemoDays(service, clock, { days, salesPerDay: 80, seed, startMs: START, registerId: 'register-1', openDay: { sales: 25, startMs: START + days * 86_400_000, spanMs: 3_600_000 } }))
    .immediate();
  return { db, service, result };
}

describe('demo data', () => {
  it('is the same for the same seed and different for another', () => {
    const a = demoShop(11);
    const b = demoShop(11);
    const c = demoShop(12);
    expect(b.result.reports).toEqual(a.result.reports);
    expect(b.service.previewOpenPeriod('register-1')).toEqual(a.service.previewOpenPeriod('register-1'));
    expect(c.result.reports.map((r) => r.netRevenueOre)).not.toEqual(a.result.reports.map((r) => r.netRevenueOre));
  });

  it('looks like a Danish shop: every payment kind, rounding, refunds, 0 % VAT, bank runs and small differences', () => {
    const { db, result, service } = demoShop(5, 30);
    const reports = result.reports;
    expect(reports.map((r) => r.number)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(new Set(reports.flatMap((r) => r.payments.map((p) => p.name)))).toEqual(new Set(['Kontant', 'Dankort', 'MobilePay']));
    expect(reports.some((r) => r.vatTotals.some((v) => v.vatRateBp === 0 && v.salesOre > 0))).toBe(true);
    expect(reports.filter((r) => r.returnCount > 0).length).toBeGreaterThan(3);
    expect(reports.filter((r) => r.roundingOre !== 0).length).toBeGreaterThan(10);
    expect(reports.filter((r) => r.cashToBankDuringDayOre > 0).length).toBeGreaterThan(0);
    const differences = reports.map((r) => r.differenceOre);
    expect(differences.filter((d) => d === 0).length).toBeGreaterThan(15);
    expect(differences.every((d) => Math.abs(d) <= 2_000 && d % 50 === 0)).toBe(true);
    for (let i = 1; i < reports.length; i++) expect(reports[i]?.openingFloatOre).toBe(reports[i - 1]?.closingFloatOre);
    const split = db.prepare('SELECT COUNT(*) AS n FROM (SELECT sale_seq FROM sale_payments GROUP BY sale_seq HAVING COUNT(*) > 1)').get() as { n: number };
    expect(split.n).toBeGreaterThan(0);
    expect(service.previewOpenPeriod('register-1').aggregates.saleCount + service.previewOpenPeriod('register-1').aggregates.returnCount).toBe(25);
  });

  it('bulk-loads history through the real close: counts add up and every day balances', () => {
    const db = openTestDb(join(tempDir(), 'till.sqlite'));
    const loader = createBulkLoader(db, { seed: 9, registerId: 'register-1', baskets: 200 });
    loader.loadHistory({ days: 25, totalSales: 2_003, startMs: START });
    loader.addOpenDay(50, START + 25 * 86_400_000);
    const reports = loader.service.listReports('register-1', { limit: 100 });
    expect(reports).toHaveLength(25);
    expect(reports.reduce((n, r) => n + r.saleCount + r.returnCount, 0)).toBe(2_003);
    expect(reports.every((r) => r.differenceOre === 0)).toBe(true);
    const totals = db.prepare('SELECT COUNT(*) AS n, SUM(total_ore) AS net FROM sales').get() as { n: number; net: number };
    const open = loader.service.previewOpenPeriod('register-1');
    expect(totals.n).toBe(2_053);
    expect(reports.reduce((sum, r) => sum + r.netRevenueOre, 0) + open.netRevenueOre).toBe(totals.net);
  });
});
