// The local guarantees: the outbox row commits with the report or not at all, the attempt log and the Id
// history cannot be rewritten, the history lists thousands of reports in one query, and the lease keeps a
// second process (or worker) from sending while the first is alive.
import { afterEach, describe, expect, it } from 'vitest';
import { ore } from '../../shared/money/ore';
import { createTransferLease } from '../../electron/db/transfer-lease';
import { closeDayAndQueue } from '../../electron/transfer/transfer.outbox';
import { createFakeScheduler } from '../support/fake-scheduler';
import { REGISTER } from '../support/till-days';
import { startTransferHarness, type TransferHarness } from '../support/transfer-harness';

let h: TransferHarness;
afterEach(() => h.close());

describe('transactional outbox', () => {
  it('a close with "transfer" while Dinero is off refuses and saves nothing, neither report nor transfer', async () => {
    h = await startTransferHarness();
    h.till.recordSale(REGISTER.registerId, { lines: [{ description: 'Vare', quantity: 1, unitPriceOre: ore(10_000), vatRateBp: 2500 }], payments: [{ paymentTypeId: 'dankort', amountOre: ore(10_000) }] });
    const req = { ...REGISTER, countedCashOre: 0, cashToBankAtCloseOre: 0, confirmEmptyDay: false };
    const off = { dineroEnabled: false, organizationId: h.orgId };
    expect(() => closeDayAndQueue(h.till, req, { transfer: true, settings: off })).toThrow(/Dinero integration is switched off/);
    expect(h.till.listReports()).toEqual([]);
    expect(h.db.prepare('SELECT COUNT(*) AS n FROM transfers').get()).toEqual({ n: 0 });
    // The same close with Dinero on: report and transfer row together, the Id recorded as the original.
    const { report } = closeDayAndQueue(h.till, req, { transfer: true, settings: h.settings.get() });
    const row = h.history.transfer(report.id);
    expect(row).toMatchObject({ state: 'queued', action: 'create', orgId: h.orgId, attempts: 0, reportClosedAt: report.closedAt });
    expect(h.history.itemHistory(report.id)).toEqual([expect.objectContaining({ itemId: row?.ledgerItemId, kind: 'original' })]);
  });

  it('the attempt log and the Id history are append-only (the database refuses UPDATE and DELETE)', async () => {
    h = await startTransferHarness();
    const report = h.closeDay();
    await h.worker.runUntilIdle();
    expect(() => h.db.prepare("UPDATE transfer_attempts SET outcome = 'x'").run()).toThrow(/append-only/);
    expect(() => h.db.prepare('DELETE FROM transfer_attempts').run()).toThrow(/append-only/);
    expect(() => h.db.prepare("UPDATE transfer_items SET kind = 'reversal'").run()).toThrow(/append-only/);
    expect(() => h.db.prepare('DELETE FROM transfer_items').run()).toThrow(/append-only/);
    expect(() => h.db.prepare("UPDATE transfers SET state = 'bogus'").run()).toThrow(/CHECK/);
    expect(h.history.attemptLog(report.id)).toHaveLength(1);
  });

  it('summaries for 3,000 reports come from one query; never-transferred reports are absent', async () => {
    h = await startTransferHarness();
    const reports = Array.from({ length: 5 }, (_, i) => h.closeDay({ transfer: i !== 2 }));
    await h.worker.runUntilIdle();
    const ids = [...reports.map((r) => r.id), ...Array.from({ length: 2_995 }, (_, i) => `unknown-${i}`)];
    const summaries = h.history.summaries(ids);
    expect([...summaries.keys()].sort()).toEqual(reports.filter((_, i) => i !== 2).map((r) => r.id).sort());
    for (const s of summaries.values()) expect(s).toMatchObject({ state: 'sent', dineroStatus: 'Draft', lastSuccessAt: expect.any(String) });
    expect(h.history.lastSuccessfulTransferAt(reports[2]!.id)).toBeNull();
  });
});

describe('lease (one sender across processes)', () => {
  it('a live holder keeps it; a dead or expired one loses it', async () => {
    h = await startTransferHarness();
    const clock = createFakeScheduler();
    const alive = new Set([101, 202]);
    const lease = (holder: string, pid: number) => createTransferLease({ db: h.db, clock, holder, pid, host: 'till-pc', ttlMs: 60_000, isAlive: (p) => alive.has(p) });
    const a = lease('a', 101);
    const b = lease('b', 202);
    expect(a.acquire()).toBe(true);
    expect(a.acquire()).toBe(true); // renewal
    expect(b.acquire()).toBe(false);
    a.release();
    expect(b.acquire()).toBe(true);
    alive.delete(202); // b's process was killed
    expect(a.acquire()).toBe(true);
    const c = lease('c', 303);
    alive.add(303);
    expect(c.acquire()).toBe(false);
    clock.advance(61_000); // a is alive but stopped renewing: its lease expired
    expect(c.acquire()).toBe(true);
  });

  it('while another live process holds the lease nothing is sent, and the status says why', async () => {
    h = await startTransferHarness();
    const report = h.closeDay();
    const other = createTransferLease({ db: h.db, clock: h.scheduler, holder: 'other-window', pid: process.pid });
    expect(other.acquire()).toBe(true);
    expect(await h.worker.runOnce()).toMatchObject({ stoppedBy: 'lease_busy', processed: 0 });
    expect(h.worker.syncStatus().blocking?.action).toBe('other_instance');
    expect(await h.worker.retransfer(report.id)).toMatchObject({ outcome: 'busy' });
    expect(h.apiRequests()).toHaveLength(0);
    other.release();
    await h.worker.runUntilIdle();
    expect(h.history.transfer(report.id)?.state).toBe('sent');
    expect(h.worker.syncStatus().blocking).toBeNull();
  });
});

describe('background loop', () => {
  it('starts with a pass, wakes on new work (notify) and stops cleanly', async () => {
    h = await startTransferHarness();
    const first = h.closeDay();
    // Resolves after the next pass that sent something.
    const nextSendingPass = () =>
      new Promise<void>((resolve) => {
        const off = h.worker.onPass((r) => {
          if (r.processed > 0) {
            off();
            resolve();
          }
        });
      });
    const started = nextSendingPass();
    h.worker.start();
    await started;
    expect(h.history.transfer(first.id)?.state).toBe('sent');
    const woke = nextSendingPass();
    const second = h.closeDay(); // the close calls worker.notify()
    await woke;
    expect(h.history.transfer(second.id)?.state).toBe('sent');
    await h.worker.stop();
  });
});
