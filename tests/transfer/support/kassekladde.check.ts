// Compares what the sandbox's kassekladde holds with what the posting builder makes of each report: exactly
// one item per report, under the report's current Id, with the builder's lines (amounts, accounts, VAT codes).
import { expect } from 'vitest';
import { createPaymentTypesRepo } from '../../../electron/db/payment-types.repo';
import type { LedgerItemView } from '../../../electron/dinero/sandbox/sandbox.types';
import { buildLedgerItem, type PostingAccounts } from '../../../shared/dinero/ledger-item.builder';
import { toDineroAmount } from '../../../shared/money/ore';
import type { ZReport } from '../../../shared/till/till.types';
import type { TransferHarness } from '../../support/transfer-harness';

export function currentAccounts(h: Pick<TransferHarness, 'db' | 'settings' | 'ids'>): PostingAccounts {
  const types = createPaymentTypesRepo(h.db, h.ids).list();
  return { ...h.settings.get().accounts, paymentTypeAccounts: Object.fromEntries(types.map((t) => [t.id, t.accountNumber])) };
}

export function viewLines(item: LedgerItemView) {
  return item.lines.map((l) => ({
    description: l.description,
    amount: l.amount,
    accountNumber: l.accountNumber,
    accountVatCode: l.accountVatCode,
    balancingAccountNumber: l.balancingAccountNumber,
    balancingAccountVatCode: l.balancingAccountVatCode,
  }));
}

export function expectedLines(h: Pick<TransferHarness, 'db' | 'settings' | 'ids'>, report: ZReport, itemId: string) {
  const built = buildLedgerItem(report, currentAccounts(h), { itemId });
  if (!built.ok) throw new Error(`builder refused report ${report.number}: ${JSON.stringify(built.problems)}`);
  return built.item.lines.map((l) => ({
    description: l.description,
    amount: toDineroAmount(l.amountOre),
    accountNumber: l.accountNumber,
    accountVatCode: l.accountVatCode,
    balancingAccountNumber: l.balancingAccountNumber,
    balancingAccountVatCode: l.balancingAccountVatCode,
  }));
}

/** Every report exactly once, in report order, with the builder's lines; nothing else in the kassekladde. */
export function expectEachReportOnce(h: TransferHarness, reports: readonly ZReport[]): void {
  const items = h.sandbox.kassekladde(h.orgId);
  expect(items.map((i) => i.id.toLowerCase()).sort()).toEqual(
    reports.map((r) => (h.history.transfer(r.id)?.ledgerItemId ?? 'missing').toLowerCase()).sort(),
  );
  for (const report of reports) {
    const row = h.history.transfer(report.id);
    expect(row?.state, `report ${report.number}`).toBe('sent');
    const item = items.find((i) => i.id.toLowerCase() === row?.ledgerItemId.toLowerCase()) as LedgerItemView;
    expect(item.voucherDate).toBe(report.businessDate);
    expect(viewLines(item)).toEqual(expectedLines(h, report, item.id));
  }
}
