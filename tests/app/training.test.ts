// Training mode through the contract, as a shell calls it: the owner turns it on, a cashier rings up training
// sales and ends it, a cashier cannot turn it on; the day cannot close meanwhile; and the voucher Dinero gets
// (real HTTP to the built-in sandbox) holds the real sales only.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ore } from '../../shared/money/ore';
import { tempDir } from '../support/db-fixtures';
import { startAppHarness, type AppHarness } from '../support/app-harness';

let h: AppHarness;
afterEach(async () => h?.close());

const sale = (amountOre: number) => ({
  lines: [{ description: 'Kaffe', quantity: 1, unitPriceOre: ore(amountOre), vatRateBp: 2500 as const }],
  payments: [{ paymentTypeId: 'dankort', amountOre: ore(amountOre) }],
});

function journalOf(dataDir: string): Array<{ type: string; who: string | null; training: number; data: string }> {
  const db = new Database(join(dataDir, 'till.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT type, cashier_name AS who, training, data FROM journal ORDER BY nr').all() as Array<{ type: string; who: string | null; training: number; data: string }>;
  } finally {
    db.close();
  }
}

describe('training mode through the contract', () => {
  it('the owner turns it on, a cashier trains and ends it; the journal names both', async () => {
    h = await startAppHarness({ dataDir: tempDir() });
    const owner = await h.call('cashiers.create', { name: 'Mette', role: 'owner', pin: '1234' });
    const ali = await h.call('cashiers.create', { name: 'Ali', role: 'cashier', pin: '1111' });
    await h.call('cashiers.signIn', { cashierId: ali.id, pin: '1111' });
    expect((await h.failure('training.start', {})).code).toBe('cashier_owner_required');
    expect(await h.call('training.status', {})).toMatchObject({ on: false });
    await h.call('cashiers.signIn', { cashierId: owner.id, pin: '1234' });
    expect(await h.call('training.start', {})).toMatchObject({ on: true, count: 0, totalOre: 0 });
    expect((await h.failure('training.start', {})).code).toBe('till_training_unchanged');
    await h.call('cashiers.signIn', { cashierId: ali.id, pin: '1111' });
    const t = await h.call('sales.record', sale(4500));
    expect(t).toMatchObject({ training: true, number: 1, cashierName: 'Ali', totalOre: 4500 });
    expect(await h.call('training.status', {})).toMatchObject({ on: true, count: 1, totalOre: 4500 });
    expect(await h.call('sales.recent', {})).toEqual([]);
    expect((await h.failure('cashMovements.record', { direction: 'to_bank', amountOre: ore(1000), note: '' })).code).toBe('till_training_mode');
    expect((await h.call('reports.openPeriod', {})).trainingSales).toEqual({ count: 1, totalOre: 4500 });
    expect(await h.call('training.stop', {})).toMatchObject({ on: false });
    await h.close();
    const rows = journalOf(h.dataDir).filter((r) => r.type.startsWith('training'));
    expect(rows.map((r) => [r.type, r.who, r.training])).toEqual([['training_on', 'Mette', 0], ['training_sale', 'Ali', 1], ['training_off', 'Ali', 0]]);
  });

  it('the day cannot close in training; after it, the voucher in the kassekladde holds the real sales only', async () => {
    h = await startAppHarness({ dataDir: tempDir() });
    await h.setUpDinero();
    await h.call('sales.record', sale(10_000));
    await h.call('training.start', {});
    await h.call('sales.record', sale(99_900));
    const open = await h.call('reports.openPeriod', {});
    expect(open).toMatchObject({ saleCount: 1, netRevenueOre: 10_000, trainingSales: { count: 1, totalOre: 99_900 } });
    const refused = await h.failure('reports.close', { countedCashOre: open.expectedCashOre, cashToBankAtCloseOre: ore(0), confirmEmptyDay: false, transfer: true });
    expect(refused.code).toBe('till_training_mode');
    expect((await h.call('reports.list', { offset: 0, limit: 10 })).total).toBe(0);
    await h.call('training.stop', {});
    const closed = await h.call('reports.close', { countedCashOre: open.expectedCashOre, cashToBankAtCloseOre: ore(0), confirmEmptyDay: false, transfer: true });
    expect(closed.report).toMatchObject({ netRevenueOre: 10_000, saleCount: 1 });
    await h.core.internals.worker.runUntilIdle();
    const sb = h.sandbox.sandbox;
    const items = sb.kassekladde(sb.orgs.pro);
    expect(items).toHaveLength(1);
    // 100 kr by card: the revenue line and the card's line (VAT by the account's code); nothing of the 999 kr.
    expect(items[0]!.lines.map((l) => Math.abs(l.amount))).toEqual([100, 100]);
    expect((await h.call('reports.openPeriod', {})).trainingSales).toEqual({ count: 0, totalOre: 0 });
  });
});
