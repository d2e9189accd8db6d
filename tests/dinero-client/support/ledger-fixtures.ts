// The design's worked example ("Report 123, Kasse 1") as ledger item input for the client.
import { randomUUID } from 'node:crypto';
import { ore } from '../../../shared/money/ore';
import type { LedgerItemInput } from '../../../electron/dinero/client/ledger-item.wire';

export function zReportItem(id: string = randomUUID(), voucherDate = '2026-03-02'): LedgerItemInput {
  const line = (description: string, amount: number, account: number, accountVat: string, balancing: number, balancingVat: string) => ({
    description,
    amountOre: ore(amount),
    accountNumber: account,
    accountVatCode: accountVat,
    balancingAccountNumber: balancing,
    balancingAccountVatCode: balancingVat,
  });
  return {
    id,
    voucherDate,
    lines: [
      line('Z123 Kasse 1 salg 25%', 1_250_025, 58000, 'none', 1000, 'U25'),
      line('Z123 Kasse 1 retur 25%', -62_500, 58000, 'none', 1000, 'U25'),
      line('Z123 Kasse 1 øreafrunding', 25, 7380, 'none', 58000, 'none'),
      line('Z123 Kasse 1 til bank', 200_000, 55000, 'none', 58000, 'none'),
    ],
  };
}
