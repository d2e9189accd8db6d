// The fault matrix against the sandbox over real HTTP: whatever goes wrong on the wire, once the fault has
// cleared every report is in the kassekladde exactly once, under its own Id, with the builder's lines.
import { afterEach, describe, expect, it } from 'vitest';
import { expectEachReportOnce } from './support/kassekladde.check';
import { startTransferHarness, type HarnessOptions, type TransferHarness } from '../support/transfer-harness';

let h: TransferHarness;
afterEach(() => h.close());

const CREATE = /^\/v1\.2\/\d+\/ledgeritems$/;
const STATUS = /ledgeritems\/status$/;

async function threeDays(options: HarnessOptions = {}) {
  h = await startTransferHarness(options);
  return [h.closeDay(), h.closeDay(), h.closeDay()];
}

/** A company whose first voucher went through cleanly, so Dinero has shown that it keeps TillBridge's Ids. */
async function threeDaysAfterOneSent() {
  h = await startTransferHarness();
  const earlier = h.closeDay();
  await h.worker.runUntilIdle();
  expect(h.history.transfer(earlier.id)?.state).toBe('sent');
  return { earlier, reports: [h.closeDay(), h.closeDay(), h.closeDay()] };
}

const creates = () => h.apiRequests().filter((e) => CREATE.test(e.path));
const outcomes = (reportId: string) => h.history.attemptLog(reportId).map((a) => `${a.operation}:${a.outcome}`);

describe('server errors and lost answers on the create', () => {
  it.each([
    ['status500', 'a 500'],
    ['brownout480', 'a 480 brownout'],
    ['dropBeforeCommit', 'a connection dropped before Dinero applied it'],
  ] as const)('%s (%s) → unknown → read back: not there → sent again with the SAME Id, once (a company known to keep our Ids)', async (kind, _what) => {
    const { earlier, reports } = await threeDaysAfterOneSent();
    const firstId = h.history.transfer(reports[0]!.id)?.ledgerItemId;
    h.sandbox.faults.inject({ kind, method: 'POST', path: CREATE, times: 2 });
    await h.worker.runUntilIdle();
    expectEachReportOnce(h, [earlier, ...reports]);
    expect(h.history.transfer(reports[0]!.id)?.ledgerItemId).toBe(firstId);
    expect(outcomes(reports[0]!.id)).toEqual(['create:unknown', 'status:not_found', 'create:unknown', 'status:not_found', 'create:sent']);
    // The backoff waited (on the fake clock) before each read-back.
    expect(h.scheduler.sleeps.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...h.scheduler.sleeps)).toBeLessThanOrEqual(5 * 60_000 + 1);
  });

  it('dropAfterCommit: Dinero applied it but the answer was lost → read back finds it → sent, never posted twice', async () => {
    const reports = await threeDays();
    h.sandbox.faults.inject({ kind: 'dropAfterCommit', method: 'POST', path: CREATE, times: 3 });
    await h.worker.runUntilIdle();
    expectEachReportOnce(h, reports);
    for (const r of reports) expect(outcomes(r.id)).toEqual(['create:unknown', 'status:found', 'status:sent']);
    expect(creates()).toHaveLength(3);
  });

  it('a lost answer on the read-back too (500 on status) keeps it unknown until Dinero answers', async () => {
    const reports = await threeDays();
    h.sandbox.faults.inject({ kind: 'dropAfterCommit', method: 'POST', path: CREATE, times: 1 });
    h.sandbox.faults.inject({ kind: 'status500', method: 'POST', path: STATUS, times: 2 });
    await h.worker.runUntilIdle();
    expectEachReportOnce(h, reports);
    expect(outcomes(reports[0]!.id)).toEqual(['create:unknown', 'status:unknown', 'status:unknown', 'status:found', 'status:sent']);
  });
});

describe('a lost answer where Dinero has not shown that it keeps our Ids', () => {
  it('the first voucher of a company: "not there" after a lost answer asks instead of sending again; "not there" → sent once', async () => {
    const reports = await threeDays();
    h.sandbox.faults.inject({ kind: 'dropBeforeCommit', method: 'POST', path: CREATE, times: 1 });
    await h.worker.runUntilIdle();
    const first = h.history.transfer(reports[0]!.id)!;
    expect(first).toMatchObject({ state: 'needs_answer', question: { code: 'lost_answer', params: { itemId: first.ledgerItemId } } });
    expect(outcomes(reports[0]!.id)).toEqual(['create:unknown', 'status:not_found', 'create:lost_answer']);
    // The other reports are vouchers of their own and go meanwhile.
    expect(h.sandbox.kassekladde(h.orgId)).toHaveLength(2);
    expect(await h.worker.answer(reports[0]!.id, 'new_voucher')).toMatchObject({ outcome: 'sent' });
    expectEachReportOnce(h, reports);
  });

  it('Dinero stored the lost create under an Id of its own: asked, never a second voucher (the gap the crash test found)', async () => {
    const reports = await threeDays({ sandbox: { quirks: { createOtherId: true } } });
    h.sandbox.faults.inject({ kind: 'dropAfterCommit', method: 'POST', path: CREATE, times: 1 });
    await h.worker.runUntilIdle();
    const first = h.history.transfer(reports[0]!.id)!;
    expect(first).toMatchObject({ state: 'needs_answer', question: { code: 'lost_answer' } });
    // One voucher per report in the kassekladde: the lost one under Dinero's Id, the others asked about theirs.
    expect(h.sandbox.kassekladde(h.orgId)).toHaveLength(3);
    expect(creates()).toHaveLength(3);
    h.worker.recheck();
    await h.worker.runUntilIdle();
    expect(creates()).toHaveLength(3);
    expect(await h.worker.answer(reports[0]!.id, 'keep')).toMatchObject({ outcome: 'sent', how: 'already_there' });
    expect(creates()).toHaveLength(3);
  });

  it('a company that once answered with an Id of its own is not trusted again: a later lost answer asks too', async () => {
    h = await startTransferHarness({ sandbox: { quirks: { createOtherId: true } } });
    const earlier = h.closeDay();
    await h.worker.runUntilIdle();
    expect(h.history.transfer(earlier.id)?.question?.code).toBe('other_id');
    h.sandbox.quirks.clear();
    const later = h.closeDay();
    h.sandbox.faults.inject({ kind: 'dropBeforeCommit', method: 'POST', path: CREATE, times: 1 });
    await h.worker.runUntilIdle();
    expect(h.history.transfer(later.id)).toMatchObject({ state: 'needs_answer', question: { code: 'lost_answer' } });
  });
});

describe('timeouts (slow answers, real time against a short client deadline)', () => {
  it('a read that times out is retried; nothing is sent until the chart check could run', async () => {
    const reports = await threeDays({ client: { timeoutMs: 150 } });
    h.sandbox.faults.inject({ kind: 'slow', method: 'GET', path: /accounts\/entry$/, delayMs: 400, times: 1 });
    await h.worker.runUntilIdle();
    expectEachReportOnce(h, reports);
    expect(h.history.attemptLog(reports[0]!.id)[0]).toMatchObject({ operation: 'read', outcome: 'retry' });
  });

  it('a create that times out after Dinero applied it → unknown → read back by Id finds it → never posted twice', async () => {
    const reports = await threeDays({ client: { timeoutMs: 150 } });
    const firstId = h.history.transfer(reports[0]!.id)?.ledgerItemId;
    h.sandbox.faults.inject({ kind: 'slow', method: 'POST', path: CREATE, delayMs: 400, times: 1 });
    await h.worker.runUntilIdle();
    expectEachReportOnce(h, reports);
    expect(h.history.transfer(reports[0]!.id)?.ledgerItemId).toBe(firstId);
    expect(outcomes(reports[0]!.id)).toEqual(['create:unknown', 'status:found', 'status:sent']);
  });
});

describe('rate limits', () => {
  it('429 without Retry-After → waits at least 60 s (plus jitter) before the next request', async () => {
    const reports = await threeDays();
    h.sandbox.faults.inject({ kind: 'status429', method: 'POST', path: CREATE, times: 1 });
    await h.worker.runUntilIdle();
    expectEachReportOnce(h, reports);
    const wait = h.scheduler.sleeps.find((ms) => ms >= 60_000);
    expect(wait).toBeDefined();
    expect(wait).toBeLessThan(67_000);
    expect(outcomes(reports[0]!.id)).toEqual(['create:retry', 'create:sent']);
  });

  it('429 with Retry-After: 17 → waits 17 s plus jitter, not a whole minute', async () => {
    const reports = await threeDays({ sandbox: { retryAfterSeconds: 17 } });
    h.sandbox.faults.inject({ kind: 'status429', method: 'POST', path: CREATE, times: 1 });
    await h.worker.runUntilIdle();
    expectEachReportOnce(h, reports);
    const longest = Math.max(...h.scheduler.sleeps);
    expect(longest).toBeGreaterThanOrEqual(17_000);
    expect(longest).toBeLessThan(19_000);
  });

  it('uses at most 60 requests per minute against the company, and never earns a 429 by itself', async () => {
    h = await startTransferHarness({ sandbox: { rateLimitPerMinute: 60 } });
    const reports = Array.from({ length: 90 }, () => h.closeDay());
    // 90 days on the fake clock outlive the 30-day refresh token: log in again first.
    await h.store.save(h.freshTokens());
    await h.worker.runUntilIdle();
    expectEachReportOnce(h, reports);
    const log = h.apiRequests();
    expect(log.filter((e) => e.status === 429)).toHaveLength(0);
    const times = log.filter((e) => e.orgId === h.orgId).map((e) => e.at).sort((a, b) => a - b);
    for (let i = 60; i < times.length; i += 1) expect(times[i]! - times[i - 60]!).toBeGreaterThan(60_000);
  });
});
