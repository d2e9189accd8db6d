// [2.3] item 4 against the Dinero sandbox over real HTTP: a correction of a report's count goes to the
// kassekladde as its own voucher holding only the change, beside the original, which is never touched; and
// it goes exactly once, whether the report was sent before, after or not at all when the count was corrected.
import { afterEach, describe, expect, it } from 'vitest';
import { correctionVoucher } from '../../shared/dinero/voucher';
import { toDineroAmount } from '../../shared/money/ore';
import { currentAccounts, expectedLines, viewLines } from './support/kassekladde.check';
import { startTransferHarness, type TransferHarness } from '../support/transfer-harness';

let h: TransferHarness;
afterEach(() => h.close());

const R = 'register-1';

function correctionLines(h: TransferHarness, correctionId: string) {
  const c = h.till.listCorrections(h.till.listReports(R)[0]!.id).find((x) => x.id === correctionId)!;
  const report = h.till.getReport(c.reportId)!;
  const built = correctionVoucher(report, c, h.till.listCorrections(report.id)).build(currentAccounts(h), { itemId: 'x' });
  if (!built.ok) throw new Error(JSON.stringify(built.problems));
  return built.item.lines.map((l) => ({ description: l.description, amount: toDineroAmount(l.amountOre), accountNumber: l.accountNumber, accountVatCode: l.accountVatCode, balancingAccountNumber: l.balancingAccountNumber, balancingAccountVatCode: l.balancingAccountVatCode }));
}

describe('a corrected count in Dinero', () => {
  it('goes as its own voucher with only the change, beside the untouched original, once', async () => {
    h = await startTransferHarness();
    const report = h.closeDay();
    await h.worker.runUntilIdle();
    const original = h.sandbox.kassekladde(h.orgId)[0]!;
    const originalBefore = structuredClone(original);

    const { correction, transfer } = h.till.correctCount({
      registerId: R, reportId: report.id, countedCashOre: report.countedCashOre + 10_000, cashToBankAtCloseOre: report.cashToBankAtCloseOre + 5_000, reason: 'Fundet 100 kr. under skuffen',
    });
    expect(transfer).toBe('queued');
    await h.worker.runUntilIdle();
    await h.worker.runUntilIdle(); // nothing more goes on a second pass

    const items = h.sandbox.kassekladde(h.orgId);
    expect(items).toHaveLength(2);
    const row = h.history.transfer(correction.id)!;
    expect(row).toMatchObject({ state: 'sent' });
    const voucher = items.find((i) => i.id.toLowerCase() === row.ledgerItemId.toLowerCase())!;
    expect(voucher.voucherDate).toBe(report.businessDate);
    expect(viewLines(voucher)).toEqual(correctionLines(h, correction.id));
    expect(viewLines(voucher).map((l) => [l.description, l.amount])).toEqual([
      [`Rettelse 1: Z${report.number} Kasse 1 kassedifference`, 100],
      [`Rettelse 1: Z${report.number} Kasse 1 til bank`, 50],
    ]);
    // The original voucher is exactly as it was.
    expect(items.find((i) => i.id === original.id)).toEqual(originalBefore);
    expect(viewLines(original)).toEqual(expectedLines(h, report, original.id));
    expect(h.history.attemptLog(correction.id).filter((a) => a.operation === 'create').map((a) => a.outcome)).toEqual(['sent']);
  });

  it('corrected before the report went: the report goes as it was closed, then the correction, each once', async () => {
    h = await startTransferHarness();
    h.worker.setOnline(false);
    const report = h.closeDay();
    const first = h.till.correctCount({ registerId: R, reportId: report.id, countedCashOre: report.countedCashOre - 2_000, cashToBankAtCloseOre: report.cashToBankAtCloseOre, reason: 'Talt forkert' });
    const second = h.till.correctCount({ registerId: R, reportId: report.id, countedCashOre: report.countedCashOre, cashToBankAtCloseOre: report.cashToBankAtCloseOre, reason: 'Talt igen: det passede' });
    h.worker.setOnline(true);
    await h.worker.runUntilIdle();
    const items = h.sandbox.kassekladde(h.orgId);
    expect(items).toHaveLength(3);
    const byId = (id: string) => items.find((i) => i.id.toLowerCase() === h.history.transfer(id)!.ledgerItemId.toLowerCase())!;
    expect(viewLines(byId(report.id))).toEqual(expectedLines(h, report, byId(report.id).id));
    expect(viewLines(byId(first.correction.id)).map((l) => [l.description, l.amount])).toEqual([[`Rettelse 1: Z${report.number} Kasse 1 kassedifference`, 20]]);
    expect(viewLines(byId(second.correction.id)).map((l) => [l.description, l.amount])).toEqual([[`Rettelse 2: Z${report.number} Kasse 1 kassedifference`, 20]]);
  });

  it('a report closed without a transfer takes its corrections along when it is sent', async () => {
    h = await startTransferHarness();
    const report = h.closeDay({ transfer: false });
    const { correction, transfer } = h.till.correctCount({ registerId: R, reportId: report.id, countedCashOre: report.countedCashOre + 50, cashToBankAtCloseOre: report.cashToBankAtCloseOre, reason: 'Glemt 50 øre' });
    expect(transfer).toBeNull();
    expect(await h.worker.retransfer(report.id)).toMatchObject({ outcome: 'sent' });
    await h.worker.runUntilIdle();
    expect(h.history.transfer(correction.id)).toMatchObject({ state: 'sent' });
    expect(h.sandbox.kassekladde(h.orgId)).toHaveLength(2);
    // Sending the report again changes nothing of the correction.
    await h.worker.retransfer(report.id);
    await h.worker.runUntilIdle();
    expect(h.sandbox.kassekladde(h.orgId)).toHaveLength(2);
  });
});
