// The fault matrix, part three: a Dinero that answers differently from the sandbox's default guesses (one
// quirk per row, docs/SANDBOX.md). The invariant in every row: each report has exactly one item in the
// kassekladde, or waits for the user with the right question and at most one item; a report is never shown
// as sent without its item, and nothing is ever posted twice.
import { afterEach, describe, expect, it } from 'vitest';
import type { DineroClient } from '../../electron/dinero/client/dinero.client';
import { DineroApiError } from '../../electron/dinero/client/dinero-api.error';
import type { QuirkName } from '../../electron/dinero/sandbox/sandbox.types';
import type { TransferRow } from '../../electron/transfer/transfer.types';
import type { ZReport } from '../../shared/till/till.types';
import { closeDayAndQueue } from '../../electron/transfer/transfer.outbox';
import { expectEachReportOnce } from './support/kassekladde.check';
import { startTransferHarness, type HarnessOptions, type TransferHarness } from '../support/transfer-harness';

let h: TransferHarness;
afterEach(() => h.close());

const CREATE = /^\/v1\.2\/\d+\/ledgeritems$/;
const creates = () => h.apiRequests().filter((e) => CREATE.test(e.path) && e.method === 'POST');
const outcomes = (reportId: string) => h.history.attemptLog(reportId).map((a) => `${a.operation}:${a.outcome}`);

async function days(n: number, options: HarnessOptions = {}) {
  h = await startTransferHarness(options);
  return Array.from({ length: n }, () => h.closeDay());
}

/** The invariant, whatever Dinero answered; returns each report's row for the row's own assertions. */
function expectSafe(reports: readonly ZReport[]): TransferRow[] {
  const items = h.sandbox.kassekladde(h.orgId);
  expect(items.length).toBeLessThanOrEqual(reports.length);
  const rows = reports.map((r) => h.history.transfer(r.id) as TransferRow);
  for (const row of rows) {
    const mine = items.filter((i) => h.history.itemHistory(row.reportId).some((k) => k.itemId.toLowerCase() === i.id));
    expect(mine.length, `report ${row.reportId}: at most one item`).toBeLessThanOrEqual(1);
    if (row.state === 'sent') expect(items.some((i) => i.id === row.ledgerItemId.toLowerCase()), `sent ${row.reportId} has its item`).toBe(true);
    else expect(['needs_answer', 'needs_attention']).toContain(row.state);
  }
  return rows;
}

describe.each([
  ['statusOnlyBooked', 'the status call lists only items sent to booking'],
  ['proxy404Html', 'a proxy answers the status call with a 404 HTML page'],
  ['statusEmptyList', 'the status call answers 200 []'],
] as const)('%s (%s)', (quirk: QuirkName, _what: string) => {
  it('a create whose answer was lost is never posted again: retried, then shown with what Dinero answered', async () => {
    const reports = await days(3, { sandbox: { quirks: { [quirk]: true } } });
    h.sandbox.faults.inject({ kind: 'dropAfterCommit', method: 'POST', path: CREATE, times: 1 });
    await h.worker.runUntilIdle();
    const [first, ...rest] = expectSafe(reports);
    expect(first).toMatchObject({ state: 'needs_attention', lastErrorCode: 'unclear', mayExist: true });
    expect(first!.problems[0]).toMatchObject({ code: 'dinero_unclear', params: { text: expect.stringMatching(/^(200|404)/) } });
    expect(outcomes(first!.reportId)).toEqual(['create:unknown', 'status:unclear', 'status:unclear', 'status:unclear']);
    for (const row of rest) expect(row.state).toBe('sent');
    expect(creates()).toHaveLength(3);
    expect(h.sandbox.kassekladde(h.orgId)).toHaveLength(3);
  });

  it('"Post to Dinero" on a sent draft never concludes "deleted": no second voucher', async () => {
    const reports = await days(1);
    await h.worker.runUntilIdle();
    h.sandbox.quirks.set({ [quirk]: true });
    for (let i = 0; i < 4; i += 1) await h.worker.retransfer(reports[0]!.id);
    await h.worker.runUntilIdle();
    expect(h.sandbox.kassekladde(h.orgId)).toHaveLength(1);
    expect(creates()).toHaveLength(1);
    expect(outcomes(reports[0]!.id)).not.toContain('recreate:deleted_in_dinero');
    expectSafe(reports);
  });
});

describe('createOtherId (a create ignores the client Id and answers another)', () => {
  it('asks "is it there?" instead of creating again; keep → transferred, one item', async () => {
    const reports = await days(2, { sandbox: { quirks: { createOtherId: true } } });
    await h.worker.runUntilIdle();
    const rows = expectSafe(reports);
    for (const row of rows) {
      expect(row).toMatchObject({ state: 'needs_answer', question: { code: 'other_id', params: { itemId: row.ledgerItemId } } });
      expect(String(row.question?.params.answeredIds)).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(creates()).toHaveLength(2);
    expect(h.sandbox.kassekladde(h.orgId)).toHaveLength(2);
    // Nothing more happens without an answer, on any pass or settings change.
    h.worker.recheck();
    await h.worker.runUntilIdle();
    expect(creates()).toHaveLength(2);
    expect(await h.worker.answer(reports[0]!.id, 'keep')).toMatchObject({ outcome: 'sent', how: 'already_there' });
    expect(h.history.transfer(reports[0]!.id)).toMatchObject({ state: 'sent', question: null });
    expect(creates()).toHaveLength(2);
    expect(outcomes(reports[0]!.id)).toEqual(['create:other_id', 'answer:answered']);
    expect(h.history.attemptLog(reports[0]!.id).at(-1)?.params).toMatchObject({ question: 'other_id', answer: 'keep' });
  });
});

describe('conflictForAbsent (409 for an Id that is not there)', () => {
  it('the 409 is checked: absent → asks; no answer, no voucher; "new voucher" while Dinero still refuses → asks again', async () => {
    const reports = await days(1, { sandbox: { quirks: { conflictForAbsent: true } } });
    await h.worker.runUntilIdle();
    const [row] = expectSafe(reports);
    expect(row).toMatchObject({ state: 'needs_answer', question: { code: 'duplicate_but_absent' } });
    expect(outcomes(row!.reportId)).toEqual(['create:duplicate', 'status:not_found', 'create:duplicate_but_absent']);
    expect(h.history.transfer(row!.reportId)?.lastSuccessAt).toBeNull();
    expect(await h.worker.answer(row!.reportId, 'new_voucher')).toMatchObject({ outcome: 'question' });
    expect(h.sandbox.kassekladde(h.orgId)).toEqual([]);
    h.sandbox.quirks.clear();
    expect(await h.worker.answer(row!.reportId, 'new_voucher')).toMatchObject({ outcome: 'sent' });
    expectEachReportOnce(h, reports);
    expect(h.history.itemHistory(row!.reportId)).toHaveLength(3);
  });

  it('a 409 that the status read confirms counts as sent (the earlier send had landed)', async () => {
    const reports = await days(1);
    const row = h.history.transfer(reports[0]!.id) as TransferRow;
    // The item is already there under the report's Id (an earlier life sent it), but the outbox does not know.
    await h.client.createLedgerItems(h.orgId, [{ id: row.ledgerItemId, voucherDate: reports[0]!.businessDate, lines: [{ description: 'x', amountOre: 100 as never, accountNumber: 58000, accountVatCode: 'none', balancingAccountNumber: 1000, balancingAccountVatCode: 'U25' }] }]);
    await h.worker.runUntilIdle();
    expect(h.history.transfer(reports[0]!.id)).toMatchObject({ state: 'sent' });
    expect(outcomes(reports[0]!.id)).toEqual(['create:duplicate', 'status:found', 'status:sent']);
    expect(h.sandbox.kassekladde(h.orgId)).toHaveLength(1);
  });
});

describe('putEmptyBody (PUT answered 200 with an empty body)', () => {
  it('the update is confirmed by reading the new Version back', async () => {
    const reports = await days(1);
    await h.worker.runUntilIdle();
    h.sandbox.quirks.set({ putEmptyBody: true });
    const before = h.sandbox.kassekladde(h.orgId)[0]!.version;
    expect(await h.worker.retransfer(reports[0]!.id)).toMatchObject({ outcome: 'sent', how: 'updated' });
    const after = h.sandbox.kassekladde(h.orgId)[0]!.version;
    expect(after).not.toBe(before);
    expect(h.history.transfer(reports[0]!.id)).toMatchObject({ state: 'sent', version: after });
    expectEachReportOnce(h, reports);
  });

  it('a 2xx PUT that a status read does not confirm needs attention, and is not counted as updated', async () => {
    const reports = await days(1);
    await h.worker.runUntilIdle();
    const ignoring: DineroClient = { ...h.client, updateLedgerItems: async () => [] };
    const result = await h.newWorker({ client: ignoring }).retransfer(reports[0]!.id);
    expect(result).toMatchObject({ outcome: 'needs_attention' });
    expect(h.history.transfer(reports[0]!.id)).toMatchObject({ state: 'needs_attention', lastErrorCode: 'update_unconfirmed', mayExist: true });
    expect(h.sandbox.kassekladde(h.orgId)).toHaveLength(1);
  });
});

describe('nullVatRate, nullVersion, unknownStatus', () => {
  it('VatRate null on every VAT type: the chart is read and every report goes once', async () => {
    const reports = await days(3, { sandbox: { quirks: { nullVatRate: true } } });
    await h.worker.runUntilIdle();
    expectEachReportOnce(h, reports);
  });

  it('Version null: a lost create is still found; "Post to Dinero" on the draft needs attention, touches nothing', async () => {
    const reports = await days(2, { sandbox: { quirks: { nullVersion: true } } });
    h.sandbox.faults.inject({ kind: 'dropAfterCommit', method: 'POST', path: CREATE, times: 1 });
    await h.worker.runUntilIdle();
    expectEachReportOnce(h, reports);
    const version = h.sandbox.kassekladde(h.orgId)[0]!.version;
    expect(await h.worker.retransfer(reports[0]!.id)).toMatchObject({ outcome: 'needs_attention' });
    expect(h.history.transfer(reports[0]!.id)).toMatchObject({ state: 'needs_attention', lastErrorCode: 'no_version' });
    expect(h.sandbox.kassekladde(h.orgId)[0]!.version).toBe(version);
    expectSafe(reports);
  });

  it('an undocumented Status: a lost create is found and counts as sent; "Post to Dinero" leaves it alone', async () => {
    const reports = await days(1, { sandbox: { quirks: { unknownStatus: true } } });
    h.sandbox.faults.inject({ kind: 'dropAfterCommit', method: 'POST', path: CREATE, times: 1 });
    await h.worker.runUntilIdle();
    expectEachReportOnce(h, reports);
    const version = h.sandbox.kassekladde(h.orgId)[0]!.version;
    expect(await h.worker.retransfer(reports[0]!.id)).toMatchObject({ outcome: 'not_draft', status: 'Approved' });
    expect(h.history.transfer(reports[0]!.id)).toMatchObject({ state: 'sent', dineroStatus: 'Approved' });
    expect(h.sandbox.kassekladde(h.orgId)[0]!.version).toBe(version);
  });
});

describe('the company a report may already be in', () => {
  it('a lost answer, then a 400 on the read-back, then another company: asked, never posted there without the answer', async () => {
    const reports = await days(1);
    h.sandbox.faults.inject({ kind: 'dropAfterCommit', method: 'POST', path: CREATE, times: 1 });
    let refuseStatus = true;
    const refusing: DineroClient = {
      ...h.client,
      async getLedgerItemStatus(orgId, ids) {
        if (refuseStatus) throw new DineroApiError('validation', 'Validation failed.', { status: 400, dineroCode: 42 });
        return h.client.getLedgerItemStatus(orgId, ids);
      },
    };
    const worker = h.newWorker({ client: refusing });
    await worker.runUntilIdle();
    expect(h.history.transfer(reports[0]!.id)).toMatchObject({ state: 'needs_attention', mayExist: true });
    const firstOrg = h.orgId;
    // The owner picks another company: the settings change re-checks waiting transfers.
    h.settings.update({ organizationId: h.sandbox.orgs.nonPro, organizationName: 'Hobby Starter ApS' });
    worker.recheck();
    refuseStatus = false;
    await worker.runUntilIdle();
    const row = h.history.transfer(reports[0]!.id) as TransferRow;
    expect(row).toMatchObject({ state: 'needs_answer', orgId: firstOrg, question: { code: 'company_changed', params: { fromOrgId: firstOrg, toOrgId: h.sandbox.orgs.nonPro } } });
    expect(h.apiRequests().filter((e) => e.orgId === h.sandbox.orgs.nonPro)).toEqual([]);
    // "Keep it in the first company": read back there, found, transferred; still one item, nothing elsewhere.
    expect(await worker.answer(reports[0]!.id, 'keep')).toMatchObject({ outcome: 'sent', how: 'already_there' });
    expect(h.history.transfer(reports[0]!.id)).toMatchObject({ state: 'sent', orgId: firstOrg });
    expect(h.sandbox.kassekladde(firstOrg)).toHaveLength(1);
    expect(h.apiRequests().filter((e) => e.orgId === h.sandbox.orgs.nonPro)).toEqual([]);
  });

  it('"send it to the new company as a new voucher": a new Id for the company chosen now, the old one kept in the history, logged', async () => {
    const reports = await days(1);
    h.sandbox.faults.inject({ kind: 'dropAfterCommit', method: 'POST', path: CREATE, times: 1 });
    const refusing: DineroClient = { ...h.client, getLedgerItemStatus: async () => { throw new DineroApiError('validation', 'Validation failed.', { status: 400, dineroCode: 42 }); } };
    const worker = h.newWorker({ client: refusing });
    await worker.runUntilIdle();
    const first = h.history.transfer(reports[0]!.id)!;
    h.settings.update({ organizationId: h.sandbox.orgs.nonPro, organizationName: 'Hobby Starter ApS' });
    worker.recheck();
    await worker.runUntilIdle();
    expect(h.history.transfer(reports[0]!.id)).toMatchObject({ state: 'needs_answer', question: { code: 'company_changed' } });
    await worker.answer(reports[0]!.id, 'new_voucher');
    const row = h.history.transfer(reports[0]!.id)!;
    expect(row).toMatchObject({ orgId: h.sandbox.orgs.nonPro, mayExist: false, question: null });
    expect(row.ledgerItemId).not.toBe(first.ledgerItemId);
    expect(h.history.itemHistory(row.reportId).map((i) => [i.kind, i.replacesItemId])).toEqual([['original', null], ['recreated', first.ledgerItemId]]);
    expect(h.history.attemptLog(row.reportId).find((a) => a.operation === 'answer')).toMatchObject({ operation: 'answer', outcome: 'answered', params: { question: 'company_changed', answer: 'new_voucher', newItemId: row.ledgerItemId } });
    // The new company has no Dinero Pro: the whole queue stops with that, and nothing was posted anywhere new.
    expect(worker.syncStatus().blocking).toMatchObject({ action: 'dinero_pro_required' });
    expect(h.sandbox.kassekladde(h.sandbox.orgs.nonPro)).toEqual([]);
    expect(h.sandbox.kassekladde(first.orgId)).toHaveLength(1);
  });

  it('a report that never reached Dinero simply follows the company chosen now', async () => {
    const reports = await days(1);
    h.settings.update({ organizationId: h.sandbox.orgs.nonPro, organizationName: 'Hobby Starter ApS' });
    await h.worker.runUntilIdle();
    expect(h.history.transfer(reports[0]!.id)).toMatchObject({ orgId: h.sandbox.orgs.nonPro, state: 'queued' });
  });
});

describe('an empty day', () => {
  it('is "nothing to transfer": no request, no error, and "Post to Dinero" says so', async () => {
    h = await startTransferHarness();
    h.scheduler.advance(24 * 3_600_000);
    const report = h.till.closeDay({ registerId: 'register-1', registerName: 'Kasse 1', dayChangeHour: 4, countedCashOre: 0, cashToBankAtCloseOre: 0, confirmEmptyDay: true });
    expect(await h.worker.retransfer(report.id)).toMatchObject({ outcome: 'nothing_to_transfer' });
    expect(h.history.transfer(report.id)).toMatchObject({ state: 'nothing', lastErrorCode: null, problems: [] });
    expect(h.apiRequests()).toEqual([]);
    expect(await h.worker.retransfer(report.id)).toMatchObject({ outcome: 'nothing_to_transfer' });
    expect(h.worker.syncStatus()).toMatchObject({ queuedCount: 0, attentionCount: 0, blocking: null });
    // Closed with "Transfer to Dinero" ticked, an empty day is "nothing to transfer" from the start.
    h.scheduler.advance(24 * 3_600_000);
    const ticked = closeDayAndQueue(h.till, { registerId: 'register-1', registerName: 'Kasse 1', dayChangeHour: 4, countedCashOre: 0, cashToBankAtCloseOre: 0, confirmEmptyDay: true },
      { transfer: true, settings: h.settings.get(), worker: h.worker }).report;
    expect(h.history.transfer(ticked.id)).toMatchObject({ state: 'nothing' });
    await h.worker.runUntilIdle();
    expect(h.apiRequests()).toEqual([]);
  });
});
