// [2.4] item 5, the day-end history through the core's dispatch against the built-in sandbox: the list filtered by
// business dates and found by number, with the count and difference as corrected; the export of a date range
// (figures as the reports stand, VAT per rate, payment types named); and the exact PDF that went to Dinero.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ore } from '../../shared/money/ore';
import { startAppHarness, type AppHarness } from '../support/app-harness';

let h: AppHarness;
afterEach(async () => h?.close());

const DAY = 24 * 3_600_000;
const coffee = (unitPriceOre: number, vatRateBp: 0 | 2500 = 2500) => ({ description: 'Kaffe', quantity: 1, unitPriceOre: ore(unitPriceOre), vatRateBp });

/** Five days, one report each, on consecutive business dates; the third is counted short and corrected. */
async function fiveDays(): Promise<string[]> {
  const dates: string[] = [];
  for (let day = 1; day <= 5; day += 1) {
    await h.call('sales.record', { lines: [coffee(day * 10_000)], payments: [{ paymentTypeId: 'kontant', amountOre: ore(day * 10_000) }] });
    await h.call('sales.record', { lines: [coffee(2_000, 0)], payments: [{ paymentTypeId: 'dankort', amountOre: ore(2_000) }] });
    const counted = day === 3 ? 0 : day * 10_000;
    const { report } = await h.call('reports.close', { countedCashOre: ore(counted), cashToBankAtCloseOre: ore(counted), confirmEmptyDay: false, transfer: true });
    dates.push(report.businessDate);
    h.scheduler.advance(DAY);
  }
  return dates;
}

describe('the day-end history', () => {
  it('filters by business dates, finds by number, and shows closing time, counted and difference', async () => {
    h = await startAppHarness();
    await h.setUpDinero();
    const dates = await fiveDays();
    const all = await h.call('reports.list', { offset: 0, limit: 50 });
    expect(all.items.map((r) => r.number)).toEqual([5, 4, 3, 2, 1]);
    expect(all.items[2]).toMatchObject({ number: 3, countedCashOre: 0, differenceOre: -30_000, closedBy: null, closedAt: expect.any(String) });

    const range = await h.call('reports.list', { offset: 0, limit: 50, fromDate: dates[1], toDate: dates[3] });
    expect(range.total).toBe(3);
    expect(range.items.map((r) => r.number)).toEqual([4, 3, 2]);
    expect((await h.call('reports.list', { offset: 0, limit: 50, fromDate: dates[3] })).items.map((r) => r.number)).toEqual([5, 4]);
    expect((await h.call('reports.list', { offset: 0, limit: 50, toDate: dates[0] })).items.map((r) => r.number)).toEqual([1]);
    expect((await h.call('reports.list', { offset: 0, limit: 50, number: 4 })).items.map((r) => r.number)).toEqual([4]);
    expect((await h.call('reports.list', { offset: 0, limit: 50, number: 4, toDate: dates[2] })).total).toBe(0);
    expect((await h.call('reports.list', { offset: 0, limit: 50, number: 99 })).total).toBe(0);
    expect((await h.failure('reports.list', { offset: 0, limit: 50, fromDate: dates[3], toDate: dates[1] })).code).toBe('invalid_input');
    expect((await h.failure('reports.list', { offset: 0, limit: 50, fromDate: '2026-02-30' })).code).toBe('invalid_input');
  });

  it('a corrected count shows in the list and the export as it now stands', async () => {
    h = await startAppHarness();
    await h.setUpDinero();
    await h.call('sales.record', { lines: [coffee(30_000)], payments: [{ paymentTypeId: 'kontant', amountOre: ore(30_000) }] });
    const { report } = await h.call('reports.close', { countedCashOre: ore(300), cashToBankAtCloseOre: ore(0), confirmEmptyDay: false, transfer: true });
    await h.call('reports.correctCount', { reportId: report.id, countedCashOre: ore(30_000), cashToBankAtCloseOre: ore(20_000), reason: 'Tastefejl' });
    const [row] = (await h.call('reports.list', { offset: 0, limit: 5 })).items;
    expect(row).toMatchObject({ countedCashOre: 30_000, differenceOre: 0, correctionCount: 1 });
    const [exported] = (await h.call('reports.export', {})).rows;
    expect(exported).toMatchObject({ countedCashOre: 30_000, differenceOre: 0, cashToBankOre: 20_000, closingFloatOre: 10_000, correctionCount: 1 });
  });

  it('exports a date range with VAT per rate, the payment types named, and the transfer', async () => {
    h = await startAppHarness();
    await h.setUpDinero();
    await h.call('settings.update', { accounts: { vatExemptRevenueAccount: 1050 } });
    const dates = await fiveDays();
    await h.core.internals.worker.runUntilIdle();
    const out = await h.call('reports.export', { fromDate: dates[1], toDate: dates[2] });
    expect(out.truncated).toBe(false);
    expect(out.paymentTypes).toEqual([{ id: 'kontant', name: 'Kontant' }, { id: 'dankort', name: 'Dankort' }]);
    expect(out.rows.map((r) => r.number)).toEqual([2, 3]);
    expect(out.rows[0]).toMatchObject({
      businessDate: dates[1], saleCount: 2, grossSalesOre: 22_000, netRevenueOre: 22_000,
      vat: [{ vatRateBp: 2500, netOre: 20_000, vatOre: 4_000 }, { vatRateBp: 0, netOre: 2_000, vatOre: 0 }],
      payments: [{ paymentTypeId: 'kontant', amountOre: 20_000 }, { paymentTypeId: 'dankort', amountOre: 2_000 }],
      countedCashOre: 20_000, differenceOre: 0, transferState: 'sent', transferredAt: expect.any(String),
    });
    expect(out.rows[1]).toMatchObject({ number: 3, countedCashOre: 0, differenceOre: -30_000 });
    expect((await h.call('reports.export', {})).rows).toHaveLength(5);
    expect((await h.call('reports.export', { fromDate: '2030-01-01' })).rows).toEqual([]);
  });

  it('gives the exact PDF that went to Dinero, and not_found for a voucher without one', async () => {
    h = await startAppHarness();
    await h.setUpDinero();
    await h.call('sales.record', { lines: [coffee(4_500)], payments: [{ paymentTypeId: 'dankort', amountOre: ore(4_500) }] });
    const withoutPdf = await h.call('reports.close', { countedCashOre: ore(0), cashToBankAtCloseOre: ore(0), confirmEmptyDay: false, transfer: true });
    await h.core.internals.worker.runUntilIdle();
    expect((await h.failure('reports.pdf', { voucherId: withoutPdf.report.id })).code).toBe('not_found');
    expect((await h.call('reports.get', { reportId: withoutPdf.report.id })).transfer?.pdf).toBeNull();

    await h.call('settings.update', { attachReportPdf: true });
    await h.call('sales.record', { lines: [coffee(4_500)], payments: [{ paymentTypeId: 'dankort', amountOre: ore(4_500) }] });
    const { report } = await h.call('reports.close', { countedCashOre: ore(0), cashToBankAtCloseOre: ore(0), confirmEmptyDay: false, transfer: true });
    await h.core.internals.worker.runUntilIdle();
    const detail = await h.call('reports.get', { reportId: report.id });
    const [file] = h.sandbox.sandbox.files(h.sandbox.sandbox.orgs.pro);
    expect(detail.transfer?.pdf).toEqual({ fileName: file!.fileName, uploadedAt: expect.any(String), sizeBytes: file!.size });
    const pdf = await h.call('reports.pdf', { voucherId: report.id });
    const bytes = Buffer.from(pdf.base64, 'base64');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(file!.sha256);
    expect(pdf).toMatchObject({ fileName: file!.fileName, sha256: file!.sha256 });
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await h.failure('reports.pdf', { voucherId: 'no-such-report' })).code).toBe('not_found');
  });
});
