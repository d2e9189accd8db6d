// [2.3] item 4: a correction of a report's count posts exactly the change. For generated reports and chains
// of corrections, per account its voucher's lines net to (the posting of the report with the corrected count)
// minus (the posting of the report as it stood), only the count's lines, each naming the correction and the
// report, on the report's own date.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLedgerItem, netMovement, type PostingAccounts } from '../../shared/dinero/ledger-item.builder';
import { correctionVoucher } from '../../shared/dinero/voucher';
import { ore } from '../../shared/money/ore';
import { withCount, type ReportCorrection } from '../../shared/till/correction';
import { makeReport } from './report.factory';

const ACCOUNTS: PostingAccounts = {
  revenueAccount: 1000, revenueVatCode: 'U25', vatExemptRevenueAccount: 1010, bankAccount: 55000, cashHoldingsAccount: 58000,
  differencesAccount: 7380, giftCardAccount: 63080, tipsAccount: 63090, paymentTypeAccounts: { 'pt-dankort': 56100 },
};

describe('property: a correction posts exactly the change', () => {
  it('per account, its lines net to (the report with the corrected count) minus (the report as it stood)', () => {
    const kroner = fc.integer({ min: 0, max: 5_000_000 });
    fc.assert(
      fc.property(kroner, kroner, kroner, kroner, fc.array(fc.tuple(kroner, kroner), { minLength: 1, maxLength: 3 }), (cashSales, opening, counted0, toBank0, counts) => {
        const report = makeReport({ opening, payments: [{ id: 'pt-cash', name: 'Kontant', kind: 'cash', amount: cashSales }], vat: [[2500, cashSales, 0]], counted: counted0, toBankAtClose: Math.min(toBank0, counted0) });
        const corrections: ReportCorrection[] = [];
        let before = report;
        for (const [counted, toBank] of counts) {
          const count = { countedCashOre: counted, cashToBankAtCloseOre: Math.min(toBank, counted) };
          const after = withCount(report, count);
          if (after.countedCashOre === before.countedCashOre && after.cashToBankAtCloseOre === before.cashToBankAtCloseOre) continue;
          const record: ReportCorrection = { id: `c${corrections.length + 1}`, reportId: report.id, number: corrections.length + 1, createdAt: '2026-03-02T08:00:00.000Z', reason: 'x', ...count, countedCashOre: ore(count.countedCashOre), cashToBankAtCloseOre: ore(count.cashToBankAtCloseOre), differenceOre: after.differenceOre, closingFloatOre: after.closingFloatOre, cashierName: null };
          corrections.push(record);
          const built = correctionVoucher(report, record, corrections).build(ACCOUNTS, { itemId: record.id });
          const full = (r: typeof report) => {
            const b = buildLedgerItem(r, ACCOUNTS, { itemId: 'x' });
            if (!b.ok) throw new Error(JSON.stringify(b.problems));
            return b.item.lines;
          };
          if (!built.ok) throw new Error(JSON.stringify(built.problems));
          for (const account of [1000, 55000, 58000, 7380]) {
            expect(netMovement(built.item.lines, account)).toBe(netMovement(full(after), account) - netMovement(full(before), account));
          }
          // Only the count's lines, each naming the correction and the report, on the report's date.
          expect(built.item.voucherDate).toBe(report.businessDate);
          expect(built.item.lines.every((l) => (l.role === 'difference' || l.role === 'to_bank') && l.description.startsWith(`Rettelse ${record.number}: Z7 Kasse 1 `))).toBe(true);
          before = after;
        }
      }),
      { numRuns: 200 },
    );
  });
});
