// Seven days closed offline, then online: every report goes exactly once, in report order, within the rate
// budget, and cheaply (the chart once, then one create per report).
import { afterEach, expect, it } from 'vitest';
import { expectEachReportOnce } from './support/kassekladde.check';
import { startTransferHarness } from '../support/transfer-harness';
import { runWeekOffline, type WeekOfflineResult } from '../support/week-offline.scenario';

let run: WeekOfflineResult | undefined;
afterEach(() => run?.h.close());

it('a week offline: all seven reports transferred exactly once, in order, within the rate budget', async () => {
  run = await runWeekOffline();
  const { h, reports } = run;
  expectEachReportOnce(h, reports);
  // In order: the kassekladde lists items as they were created.
  const order = h.sandbox.kassekladde(h.orgId).map((i) => i.id);
  expect(order).toEqual(reports.map((r) => h.history.transfer(r.id)?.ledgerItemId));
  expect(run.requestsOnline).toBe(2 + 7); // accounts + VAT codes once, then one create each
  expect(run.busiestMinute).toBeLessThanOrEqual(60);
  expect(run.tokenRefreshesOnline).toBe(1); // one shared refresh, not one per report
  expect(run.requestsOffline).toBeGreaterThanOrEqual(7); // each close woke the worker, which tried once
  // Offline, the failed chart fetch stopped each pass: no create was attempted (nothing left "unknown").
  expect(h.sandbox.requestLog().filter((e) => e.status === 0 && /ledgeritems/.test(e.path))).toHaveLength(0);
  for (const r of reports) expect(h.history.attemptLog(r.id).map((a) => a.outcome).at(-1)).toBe('sent');
  expect(h.worker.syncStatus()).toMatchObject({ online: true, queuedCount: 0 });
});

it('offline, the status says so with the queue and the next retry; coming online sends at once, not at the retry time', async () => {
  const h = await startTransferHarness();
  run = { h, reports: [], requestsOnline: 0, requestsOffline: 0, tokenRefreshesOnline: 0, busiestMinute: 0 };
  h.sandbox.faults.setOffline(true);
  const reports = [h.closeDay(), h.closeDay()];
  await h.worker.runOnce();
  const status = h.worker.syncStatus();
  expect(status).toMatchObject({ online: false, queuedCount: 2, blocking: null });
  expect(status.nextRetryAt! > new Date(h.scheduler.now()).toISOString()).toBe(true);

  h.sandbox.faults.setOffline(false);
  h.worker.setOnline(true);
  const sleepsBefore = h.scheduler.sleeps.length;
  await h.worker.runOnce();
  expect(h.scheduler.sleeps.length).toBe(sleepsBefore);
  expectEachReportOnce(h, reports);
});
