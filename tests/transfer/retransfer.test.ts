// "Post to Dinero" again (the help article): status first; a draft is updated in place, one deleted in Dinero
// is posted again under a new Id, a booked one is left alone until the user confirms a reversal plus a
// corrected voucher, and a report never transferred gets its transfer now.
import { afterEach, describe, expect, it } from 'vitest';
import type { DineroClient } from '../../electron/dinero/client/dinero.client';
import { expectEachReportOnce, expectedLines, viewLines } from './support/kassekladde.check';
import { startTransferHarness, type TransferHarness } from '../support/transfer-harness';

let h: TransferHarness;
afterEach(() => h.close());

async function sentDay() {
  h = await startTransferHarness();
  const report = h.closeDay();
  await h.worker.runUntilIdle();
  const item = h.sandbox.kassekladde(h.orgId)[0]!;
  return { report, item };
}

describe('retransfer', () => {
  it('a draft is updated in place with the current settings: same Id, new Version, still one item', async () => {
    const { report, item } = await sentDay();
    h.settings.update({ accounts: { differencesAccount: 7400 } });
    const result = await h.worker.retransfer(report.id);
    expect(result).toMatchObject({ outcome: 'sent', how: 'updated', itemId: item.id });
    const after = h.sandbox.kassekladde(h.orgId);
    expect(after).toHaveLength(1);
    expect(after[0]!.id).toBe(item.id);
    expect(after[0]!.version).not.toBe(item.version);
    expect(viewLines(after[0]!)).toEqual(expectedLines(h, report, item.id));
    expect(viewLines(after[0]!).some((l) => l.accountNumber === 7400 || l.balancingAccountNumber === 7400)).toBe(true);
    expect(h.history.transfer(report.id)).toMatchObject({ state: 'sent', action: 'create', version: after[0]!.version });
    expect(h.history.attemptLog(report.id).map((a) => `${a.operation}:${a.outcome}`)).toEqual(['create:sent', 'status:found', 'status:found', 'update:updated']);
  });

  it('a stale Version (changed in Dinero meanwhile) is read again and the update retried once', async () => {
    const { report, item } = await sentDay();
    let interfered = false;
    const meddling: DineroClient = {
      ...h.client,
      async updateLedgerItems(orgId, items) {
        if (!interfered) {
          interfered = true;
          await h.client.updateLedgerItems(orgId, items); // someone else saves the draft first
        }
        return h.client.updateLedgerItems(orgId, items);
      },
    };
    const result = await h.newWorker({ client: meddling }).retransfer(report.id);
    expect(result).toMatchObject({ outcome: 'sent', how: 'updated' });
    expect(h.history.attemptLog(report.id).map((a) => `${a.operation}:${a.outcome}`)).toEqual([
      'create:sent', 'status:found', 'update:stale_version', 'status:found', 'status:found', 'update:updated',
    ]);
    expect(h.sandbox.kassekladde(h.orgId).map((i) => i.id)).toEqual([item.id]);
  });

  it('an update whose answer is lost is checked and repeated (harmless: same content, current Version)', async () => {
    const { report, item } = await sentDay();
    h.sandbox.faults.inject({ kind: 'dropAfterCommit', method: 'PUT', times: 1 });
    expect(await h.worker.retransfer(report.id)).toMatchObject({ outcome: 'queued' });
    await h.worker.runUntilIdle();
    expect(h.sandbox.kassekladde(h.orgId).map((i) => i.id)).toEqual([item.id]);
    expect(h.history.transfer(report.id)).toMatchObject({ state: 'sent', action: 'create' });
  });

  it('deleted in Dinero (its own error naming the Id) → posted again under the SAME Id, once', async () => {
    const { report, item } = await sentDay();
    h.sandbox.deleteAsAccountant(h.orgId, item.id);
    const result = await h.worker.retransfer(report.id);
    expect(result).toMatchObject({ outcome: 'sent', how: 'recreated', itemId: item.id });
    expect(h.history.transfer(report.id)?.ledgerItemId).toBe(item.id);
    expectEachReportOnce(h, [report]);
    expect(h.history.itemHistory(report.id).map((i) => [i.kind, i.itemId])).toEqual([['original', item.id]]);
    expect(h.history.attemptLog(report.id).map((a) => `${a.operation}:${a.outcome}`)).toEqual([
      'create:sent', 'status:not_found', 'recreate:deleted_in_dinero', 'create:sent',
    ]);
  });

  it('deleted, but Dinero refuses the same Id as a duplicate while saying it is absent → asks; a new Id only on the answer', async () => {
    const { report, item } = await sentDay();
    h.sandbox.deleteAsAccountant(h.orgId, item.id);
    h.sandbox.quirks.set({ conflictForAbsent: true });
    const asked = await h.worker.retransfer(report.id);
    expect(asked).toMatchObject({ outcome: 'question', question: { code: 'duplicate_but_absent', params: { itemId: item.id } } });
    expect(h.history.transfer(report.id)).toMatchObject({ state: 'needs_answer', ledgerItemId: item.id });
    expect(h.sandbox.kassekladde(h.orgId)).toEqual([]);
    // Neither a settings change nor "Post to Dinero" sends it again without the answer.
    h.settings.update({ registerName: 'Kasse 2' });
    expect(await h.worker.retransfer(report.id)).toMatchObject({ outcome: 'question' });
    await h.worker.runUntilIdle();
    expect(h.sandbox.kassekladde(h.orgId)).toEqual([]);
    h.sandbox.quirks.clear();
    const answered = await h.worker.answer(report.id, 'new_voucher');
    expect(answered).toMatchObject({ outcome: 'sent', how: 'created' });
    const row = h.history.transfer(report.id);
    expect(row?.ledgerItemId).not.toBe(item.id);
    expectEachReportOnce(h, [report]);
    expect(h.history.itemHistory(report.id).map((i) => [i.kind, i.replacesItemId])).toEqual([['original', null], ['recreated', item.id]]);
    expect(h.history.attemptLog(report.id).map((a) => [a.operation, a.outcome, a.params.question, a.params.answer])).toContainEqual(['answer', 'answered', 'duplicate_but_absent', 'new_voucher']);
  });

  it('booked → left alone with a clear message; confirmed, a reversal plus a corrected voucher are posted once', async () => {
    const { report, item } = await sentDay();
    h.sandbox.bookAsAccountant(h.orgId, item.id);
    const booked = await h.worker.retransfer(report.id);
    expect(booked).toMatchObject({ outcome: 'booked', status: 'Booked', itemId: item.id });
    expect(h.history.attemptLog(report.id).at(-1)).toMatchObject({ outcome: 'booked', params: { status: 'Booked' } });
    expect(h.sandbox.kassekladde(h.orgId)).toEqual([expect.objectContaining({ id: item.id, version: h.sandbox.kassekladde(h.orgId)[0]!.version })]);

    expect(await h.worker.reverseAndRepost(report.id, { confirmed: false })).toMatchObject({ outcome: 'confirmation_required' });
    expect(h.sandbox.kassekladde(h.orgId)).toHaveLength(1);

    h.settings.update({ accounts: { differencesAccount: 7400 } });
    const reposted = await h.worker.reverseAndRepost(report.id, { confirmed: true });
    expect(reposted).toMatchObject({ outcome: 'sent', how: 'reversed_and_reposted' });
    const items = h.sandbox.kassekladde(h.orgId);
    expect(items).toHaveLength(3);
    const history = h.history.itemHistory(report.id);
    const reversalId = history.find((i) => i.kind === 'reversal')?.itemId;
    const correctedId = history.find((i) => i.kind === 'corrected')?.itemId;
    const original = items.find((i) => i.id === item.id)!;
    const reversal = items.find((i) => i.id === reversalId)!;
    const corrected = items.find((i) => i.id === correctedId)!;
    expect(original.status).toBe('Booked');
    expect(reversal.lines.map((l) => [l.accountNumber, l.balancingAccountNumber, l.amount])).toEqual(
      original.lines.map((l) => [l.accountNumber, l.balancingAccountNumber, -l.amount]),
    );
    expect(reversal.lines.every((l) => l.description.startsWith('Tilbageførsel'))).toBe(true);
    expect(viewLines(corrected)).toEqual(expectedLines(h, report, corrected.id));
    expect(h.history.transfer(report.id)).toMatchObject({ ledgerItemId: correctedId, state: 'sent', dineroStatus: 'Draft', reversalItemId: null });
    // The corrected voucher is a draft: a second "reverse" is refused, "Post to Dinero" updates it.
    expect(await h.worker.reverseAndRepost(report.id, { confirmed: true })).toMatchObject({ outcome: 'not_booked' });
    expect(h.sandbox.kassekladde(h.orgId)).toHaveLength(3);
  });

  it('a reversal interrupted after either post resumes without posting anything twice', async () => {
    const { report, item } = await sentDay();
    h.sandbox.bookAsAccountant(h.orgId, item.id);
    await h.worker.retransfer(report.id);
    // Both creates "lose their answer" after Dinero applied them.
    h.sandbox.faults.inject({ kind: 'dropAfterCommit', method: 'POST', path: /^\/v1\.2\/\d+\/ledgeritems$/, times: 2 });
    expect(await h.worker.reverseAndRepost(report.id, { confirmed: true })).toMatchObject({ outcome: 'queued' });
    await h.newWorker().runUntilIdle(); // e.g. after a restart
    expect(h.sandbox.kassekladde(h.orgId)).toHaveLength(3);
    expect(h.history.transfer(report.id)).toMatchObject({ state: 'sent', action: 'create', reversalItemId: null });
  });

  it('a report closed without transfer (Dinero off) gets its transfer on "Post to Dinero"', async () => {
    h = await startTransferHarness();
    const report = h.closeDay({ transfer: false });
    expect(h.history.transfer(report.id)).toBeNull();
    expect(h.history.lastSuccessfulTransferAt(report.id)).toBeNull();
    expect(await h.worker.retransfer(report.id)).toMatchObject({ outcome: 'sent', how: 'created' });
    expectEachReportOnce(h, [report]);
    expect(h.history.lastSuccessfulTransferAt(report.id)).not.toBeNull();
    expect(await h.worker.retransfer('no-such-report')).toMatchObject({ outcome: 'no_report' });
  });

  it('a blocked report is re-checked on "Post to Dinero" and goes once the problem is fixed', async () => {
    h = await startTransferHarness();
    const report = h.closeDay({ exemptSaleOre: 4_000 });
    await h.worker.runUntilIdle();
    const row = h.history.transfer(report.id);
    expect(row?.state).toBe('blocked');
    expect(row?.problems).toContainEqual({ code: 'account_missing', params: { role: 'vat_exempt_revenue' } });
    expect(await h.worker.retransfer(report.id)).toMatchObject({ outcome: 'blocked' });
    h.settings.update({ accounts: { vatExemptRevenueAccount: 1050 } });
    expect(await h.worker.retransfer(report.id)).toMatchObject({ outcome: 'sent', how: 'created' });
    expectEachReportOnce(h, [report]);
  });

  it('with Dinero switched off, "Post to Dinero" says so and queues nothing', async () => {
    h = await startTransferHarness();
    const report = h.closeDay({ transfer: false });
    h.settings.update({ dineroEnabled: false });
    expect(await h.worker.retransfer(report.id)).toMatchObject({ outcome: 'dinero_off' });
    expect(h.history.transfer(report.id)).toBeNull();
  });
});
