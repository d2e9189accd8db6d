// What goes wrong on the wire, against the sandbox's fault switches: rate limits, lost answers, brownouts,
// slow answers and no network. Writes whose outcome is unknown are never repeated by the client.
import { afterEach, describe, expect, it } from 'vitest';
import { busiestWindow } from '../support/busiest-window';
import { errorOf, kindOf } from './support/errors';
import { zReportItem } from './support/ledger-fixtures';
import { startHarness, type Harness } from '../support/sandbox-harness';

let h: Harness;
afterEach(() => h.close());

const creates = () => h.calls(/^\/v1\.2\/\d+\/ledgeritems$/);

describe('rate limits', () => {
  it('429 without Retry-After → rate_limited, wait 60 s', async () => {
    h = await startHarness();
    h.sandbox.faults.inject({ kind: 'status429', path: /vatTypes/ });
    const err = await errorOf(h.client.getVatTypes(h.pro));
    expect(err.kind).toBe('rate_limited');
    expect(err.retryAfterMs).toBe(60_000);
  });

  it('429 with Retry-After → rate_limited with that wait, on a write too (nothing was applied)', async () => {
    h = await startHarness({ retryAfterSeconds: 17 });
    h.sandbox.faults.inject({ kind: 'status429', method: 'POST' });
    const err = await errorOf(h.client.createLedgerItems(h.pro, [zReportItem()]));
    expect(err.kind).toBe('rate_limited');
    expect(err.retryAfterMs).toBe(17_000);
    expect(h.sandbox.kassekladde(h.pro)).toEqual([]);
  });

  it('150 requests at once: never more than 60 per 60-s window per company, and never a 429', async () => {
    h = await startHarness({ rateLimitPerMinute: 60 });
    const calls = [
      ...Array.from({ length: 150 }, (_, i) => (i % 2 === 0 ? h.client.getVatTypes(h.pro) : h.client.getEntryAccounts(h.pro))),
      ...Array.from({ length: 70 }, () => h.client.getOrganizations()),
    ];
    await Promise.all(calls);
    const log = h.sandbox.requestLog();
    expect(log.filter((e) => e.status === 429)).toHaveLength(0);
    const orgTimes = log.filter((e) => e.orgId === h.pro).map((e) => e.at);
    expect(orgTimes).toHaveLength(150);
    expect(busiestWindow(orgTimes)).toBeLessThanOrEqual(60);
    // The budget waited instead of spreading blindly: 150 requests need more than two full windows.
    expect(Math.max(...orgTimes) - Math.min(...orgTimes)).toBeGreaterThan(120_000);
    const userTimes = log.filter((e) => e.path === '/v1/organizations').map((e) => e.at);
    expect(userTimes).toHaveLength(70);
    expect(busiestWindow(userTimes)).toBeLessThanOrEqual(60);
  });
});

describe('writes with an unknown outcome are never repeated', () => {
  it('connection dropped after the create committed → unknown_outcome; the item exists exactly once', async () => {
    h = await startHarness();
    h.sandbox.faults.inject({ kind: 'dropAfterCommit', method: 'POST', path: /ledgeritems$/ });
    const item = zReportItem();
    expect(await kindOf(h.client.createLedgerItems(h.pro, [item]))).toBe('unknown_outcome');
    expect(creates()).toHaveLength(1);
    expect(h.sandbox.kassekladde(h.pro).map((i) => i.id)).toEqual([item.id]);
    // What the transfer engine then does: read back by Id, and a repeat with the SAME Id is harmless.
    expect((await h.client.getLedgerItemStatus(h.pro, [item.id]))[0]?.status).toBe('Draft');
    expect(await kindOf(h.client.createLedgerItems(h.pro, [item]))).toBe('duplicate');
    expect(h.sandbox.kassekladde(h.pro)).toHaveLength(1);
  });

  it('connection dropped before commit → unknown_outcome too (the client cannot tell), and nothing exists', async () => {
    h = await startHarness();
    h.sandbox.faults.inject({ kind: 'dropBeforeCommit', method: 'POST' });
    const item = zReportItem();
    expect(await kindOf(h.client.createLedgerItems(h.pro, [item]))).toBe('unknown_outcome');
    expect(creates()).toHaveLength(1);
    expect((await errorOf(h.client.getLedgerItemStatus(h.pro, [item.id]))).missingIds).toEqual([item.id]);
  });

  it.each(['status500', 'brownout480'] as const)('%s on create → unknown_outcome, sent once', async (kind) => {
    h = await startHarness();
    h.sandbox.faults.inject({ kind, method: 'POST' });
    const err = await errorOf(h.client.createLedgerItems(h.pro, [zReportItem()]));
    expect(err.kind).toBe('unknown_outcome');
    expect(err.status).toBe(kind === 'status500' ? 500 : 480);
    expect(creates()).toHaveLength(1);
  });

  it('500 and 480 on update and delete → unknown_outcome as well', async () => {
    h = await startHarness();
    const item = zReportItem();
    const [ref] = await h.client.createLedgerItems(h.pro, [item]);
    h.sandbox.faults.inject({ kind: 'status500', method: 'PUT' });
    expect(await kindOf(h.client.updateLedgerItems(h.pro, [{ ...item, version: ref!.version! }]))).toBe('unknown_outcome');
    h.sandbox.faults.inject({ kind: 'brownout480', method: 'DELETE' });
    expect(await kindOf(h.client.deleteLedgerItems(h.pro, [{ id: ref!.id, version: ref!.version! }]))).toBe('unknown_outcome');
  });

  it('a slow answer past the deadline → unknown_outcome for a create, timeout for a read', async () => {
    h = await startHarness();
    const client = h.newClient({ timeoutMs: 100 });
    h.sandbox.faults.inject({ kind: 'slow', delayMs: 1000, method: 'POST' });
    expect(await kindOf(client.createLedgerItems(h.pro, [zReportItem()]))).toBe('unknown_outcome');
    h.sandbox.faults.inject({ kind: 'slow', delayMs: 1000, method: 'GET' });
    expect(await kindOf(client.getVatTypes(h.pro))).toBe('timeout');
  });
});

describe('reads', () => {
  it('500 and 480 on a read → server', async () => {
    h = await startHarness();
    h.sandbox.faults.inject({ kind: 'status500', method: 'GET' });
    expect(await kindOf(h.client.getEntryAccounts(h.pro))).toBe('server');
    h.sandbox.faults.inject({ kind: 'brownout480', path: /status$/ });
    expect(await kindOf(h.client.getLedgerItemStatus(h.pro, [zReportItem().id]))).toBe('server');
  });

  it('offline → offline for reads; a write then is unknown_outcome (the socket just dies, like a drop)', async () => {
    h = await startHarness();
    h.sandbox.faults.setOffline(true);
    expect(await kindOf(h.client.getOrganizations())).toBe('offline');
    expect(await kindOf(h.client.getVatTypes(h.pro))).toBe('offline');
    expect(await kindOf(h.client.createLedgerItems(h.pro, [zReportItem()]))).toBe('unknown_outcome');
    h.sandbox.faults.setOffline(false);
    expect((await h.client.getVatTypes(h.pro)).length).toBeGreaterThan(0);
    expect(h.sandbox.kassekladde(h.pro)).toEqual([]);
  });
});
