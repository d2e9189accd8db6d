// The happy path and the outbox itself: a close with "transfer" queues one row with a fixed Id in the same
// transaction; the worker posts it once as a draft; history and status say so.
import { afterEach, describe, expect, it } from 'vitest';
import { expectEachReportOnce } from './support/kassekladde.check';
import { startTransferHarness, type TransferHarness } from '../support/transfer-harness';

let h: TransferHarness;
afterEach(() => h.close());

describe('transfer basics', () => {
  it('posts each closed day once, as a draft, and records the time and the exact lines', async () => {
    h = await startTransferHarness();
    const reports = [h.closeDay(), h.closeDay(), h.closeDay()];
    const idsBefore = reports.map((r) => h.history.transfer(r.id)?.ledgerItemId);
    expect(h.worker.syncStatus()).toMatchObject({ queuedCount: 3, blocking: null, sandbox: true });

    const result = await h.worker.runUntilIdle();
    expect(result.stoppedBy).toBe('nothing_due');
    expectEachReportOnce(h, reports);
    expect(reports.map((r) => h.history.transfer(r.id)?.ledgerItemId)).toEqual(idsBefore);
    expect(h.sandbox.kassekladde(h.orgId).every((i) => i.status === 'Draft')).toBe(true);
    for (const r of reports) {
      expect(h.history.lastSuccessfulTransferAt(r.id)).toBe(new Date(h.scheduler.now()).toISOString());
      const log = h.history.attemptLog(r.id);
      expect(log.map((a) => [a.operation, a.outcome])).toEqual([['create', 'sent']]);
      const sent = JSON.parse(log[0]?.payload ?? '{}') as { Id: string; Lines: unknown[] };
      expect(sent.Id).toBe(idsBefore[reports.indexOf(r)]);
      expect(sent.Lines.length).toBeGreaterThan(3);
    }
    expect(h.worker.syncStatus()).toMatchObject({ queuedCount: 0, attentionCount: 0, nextRetryAt: null, blocking: null, online: true });
  });
});

describe('one send at a time', () => {
  it('concurrent passes, notifications and retransfers never overlap two Dinero calls', async () => {
    h = await startTransferHarness();
    let inFlight = 0;
    let most = 0;
    const counted = Object.fromEntries(
      Object.entries(h.client).map(([name, fn]) => [
        name,
        async (...args: unknown[]) => {
          inFlight += 1;
          most = Math.max(most, inFlight);
          try {
            return await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
          } finally {
            inFlight -= 1;
          }
        },
      ]),
    ) as unknown as typeof h.client;
    const worker = h.newWorker({ client: counted });
    const reports = Array.from({ length: 6 }, () => h.closeDay());
    await Promise.all([worker.runOnce(), worker.runOnce(), worker.retransfer(reports[3]!.id), worker.runUntilIdle(), worker.retransfer(reports[0]!.id)]);
    await worker.runUntilIdle();
    expect(most).toBe(1);
    expect(h.sandbox.kassekladde(h.orgId)).toHaveLength(6);
  });
});
