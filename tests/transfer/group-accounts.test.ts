// [2.5] The chart check covers the product groups' own accounts and the gift card account, through the real
// sync worker against the sandbox: an unknown, a hidden and a wrong-VAT account each block the transfer with
// the problem naming the account and the line; once mended, the voucher goes with the group's line on it.
import { afterEach, describe, expect, it } from 'vitest';
import { ore } from '../../shared/money/ore';
import { startTransferHarness, type TransferHarness } from '../support/transfer-harness';

let h: TransferHarness;
afterEach(() => h.close());

async function retry(): Promise<void> {
  h.worker.recheck();
  await h.worker.runUntilIdle();
}

describe('product group accounts against the chart', () => {
  it('blocks on an unknown, hidden or wrong-VAT group account, then sends to the mended one', async () => {
    h = await startTransferHarness();
    const tobak = h.till.groups.create({ name: 'Tobak', kind: 'goods', vatRateBp: 2500, accountNumber: 9999 });
    h.till.recordSale('register-1', {
      lines: [{ description: 'Cigaretter', quantity: 1, unitPriceOre: ore(6_500), vatRateBp: 2500, groupId: tobak.id }],
      payments: [{ paymentTypeId: 'dankort', amountOre: ore(6_500) }],
    });
    const report = h.closeDay();
    await h.worker.runUntilIdle();
    const row = () => h.history.transfer(report.id);
    const line = 'Z1 Kasse 1 salg 25% Tobak';
    expect(row()?.state).toBe('blocked');
    expect(row()?.problems).toEqual([{ code: 'account_unknown', params: { accountNumber: 9999, description: line } }]);

    h.till.groups.update({ id: tobak.id, accountNumber: 56900 }); // hidden in the demo chart
    await retry();
    expect(row()?.problems).toEqual([{ code: 'account_hidden', params: { accountNumber: 56900, description: line } }]);

    h.till.groups.update({ id: tobak.id, accountNumber: 1050 }); // "Salg u/moms": no VAT in the chart, the group is 25 %
    await retry();
    expect(row()?.problems).toEqual([{ code: 'account_vat_mismatch', params: { accountNumber: 1050, accountVatCode: 'none', vatCode: 'U25', description: line } }]);
    expect(h.sandbox.kassekladde(h.orgId)).toEqual([]);

    h.till.groups.update({ id: tobak.id, accountNumber: 1010 });
    await retry();
    expect(row()?.state).toBe('sent');
    const lines = h.sandbox.kassekladde(h.orgId).flatMap((i) => i.lines);
    expect(lines).toContainEqual(expect.objectContaining({ description: line, balancingAccountNumber: 1010, balancingAccountVatCode: 'U25', amount: 65 }));
  });

  it('a gift card account with VAT in the chart (a sales account) blocks: a gift card is a liability, never revenue', async () => {
    h = await startTransferHarness();
    const gift = h.till.groups.create({ name: 'Gavekort', kind: 'gift_card', vatRateBp: 0 });
    h.settings.update({ accounts: { giftCardAccount: 1000 } });
    h.till.recordSale('register-1', {
      lines: [{ description: 'Gavekort', quantity: 1, unitPriceOre: ore(20_000), vatRateBp: 0, groupId: gift.id }],
      payments: [{ paymentTypeId: 'dankort', amountOre: ore(20_000) }],
    });
    const report = h.closeDay();
    await h.worker.runUntilIdle();
    expect(h.history.transfer(report.id)?.problems).toEqual([
      { code: 'account_vat_mismatch', params: { accountNumber: 1000, accountVatCode: 'U25', vatCode: 'none', description: 'Z1 Kasse 1 gavekort solgt' } },
    ]);
    h.settings.update({ accounts: { giftCardAccount: 63080 } });
    await retry();
    expect(h.history.transfer(report.id)?.state).toBe('sent');
    expect(h.sandbox.kassekladde(h.orgId).flatMap((i) => i.lines)).toContainEqual(
      expect.objectContaining({ description: 'Z1 Kasse 1 gavekort solgt', balancingAccountNumber: 63080, balancingAccountVatCode: 'none', amount: 200 }),
    );
  });
});
