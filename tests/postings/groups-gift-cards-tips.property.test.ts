// [2.5] property: for generated days with product groups (own accounts or the default ones), gift cards sold and
// redeemed and tips on card payments, recorded in a real SQLite till and closed, the ledger item's net movement
// per account equals a sum worked out independently from the sales as generated; the database's aggregation
// equals the reference one; the report balances; and gift
// cards and tips never reach revenue or VAT (every line carrying a VAT code is a goods line, and those add up to
// the goods sold at that rate).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLedgerItem, checkAgainstChart, netMovement, type PostingAccounts } from '../../shared/dinero/ledger-item.builder';
import { checkReport } from '../../shared/dinero/z-report.checks';
import { ore } from '../../shared/money/ore';
import { roundCashDue } from '../../shared/till/cash-rounding';
import type { SaleInput } from '../../shared/till/till.types';
import { aggregateSales, type PeriodSale } from '../../shared/till/z-report';
import { closeRequest, testTill } from '../support/db-fixtures';

const ACCOUNTS = { revenue: 1000, exempt: 1050, bank: 55000, cash: 58000, differences: 7380, giftCard: 63080, tips: 63090, dankort: 56100, mobilepay: 56200 };
/** Own revenue accounts a group may have (distinct from every other account, so sums never mix by accident). */
const GROUP_ACCOUNTS = [1010, 1020, 1060, 1070];

const groupArb = fc.record({ rate: fc.constantFrom(2500, 0), account: fc.option(fc.constantFrom(...GROUP_ACCOUNTS), { nil: null }) });
const lineArb = fc.record({
  group: fc.nat({ max: 5 }), // 0 = default of its rate, 1..3 = own groups, 4..5 = a gift card
  rate: fc.constantFrom(2500, 0),
  quantity: fc.integer({ min: 1, max: 4 }),
  price: fc.integer({ min: 1, max: 50_000 }),
});
const saleArb = fc.record({
  lines: fc.array(lineArb, { minLength: 1, maxLength: 4 }),
  pay: fc.constantFrom('kontant', 'dankort', 'mobilepay', 'gavekort'),
  tip: fc.integer({ min: 0, max: 5_000 }),
  refund: fc.boolean(),
});

describe('groups, gift cards and tips in the posting', () => {
  it('nets each account to the independent sum; gift cards and tips never carry VAT or land on revenue', () => {
    fc.assert(
      fc.property(fc.array(groupArb, { minLength: 3, maxLength: 3 }), fc.array(saleArb, { minLength: 1, maxLength: 12 }), (groupSpecs, sales) => {
        const { service, db } = testTill();
        try {
          const own = groupSpecs.map((g, i) => service.groups.create({ name: `Gruppe ${String(i + 1)}`, kind: 'goods', vatRateBp: g.rate, accountNumber: g.account }));
          const gift = service.groups.create({ name: 'Gavekort', kind: 'gift_card', vatRateBp: 0 });
          const giftPay = service.paymentTypes.create({ name: 'Gavekort', kind: 'other', giftCard: true });
          service.paymentTypes.setAccount('dankort', ACCOUNTS.dankort);
          service.paymentTypes.setAccount('mobilepay', ACCOUNTS.mobilepay);

          const expected = new Map<number, number>();
          const add = (account: number, amount: number) => expected.set(account, (expected.get(account) ?? 0) + amount);
          let vat25Goods = 0;
          const stored: PeriodSale[] = [];
          for (const s of sales) {
            const sign = s.refund ? -1 : 1;
            const lines = s.lines.map((l) => {
              const group = l.group === 0 ? null : l.group <= 3 ? own[l.group - 1]! : gift;
              const rate = group ? group.vatRateBp : l.rate;
              return { description: 'Vare', quantity: sign * l.quantity, unitPriceOre: ore(l.price), vatRateBp: rate, ...(group ? { groupId: group.id } : {}), group };
            });
            const total = lines.reduce((sum, l) => sum + l.quantity * l.unitPriceOre, 0);
            // A refund is paid back in cash; a gift card cannot buy a gift card here (kept simple: such a sale pays by card).
            const hasGiftLine = lines.some((l) => l.group?.kind === 'gift_card');
            const pay = s.refund ? 'kontant' : s.pay === 'gavekort' && hasGiftLine ? 'dankort' : s.pay;
            const tip = !s.refund && (pay === 'dankort' || pay === 'mobilepay') ? s.tip : 0;
            const payment = pay === 'kontant'
              ? { paymentTypeId: 'kontant', amountOre: roundCashDue(ore(total)) }
              : { paymentTypeId: pay === 'gavekort' ? giftPay.id : pay, amountOre: ore(total + tip), ...(tip > 0 ? { tipOre: ore(tip) } : {}) };
            const input: SaleInput = { lines: lines.map(({ group: _g, ...l }) => l), payments: payment.amountOre === 0 ? [] : [payment] };
            const recorded = service.recordSale('register-1', input);
            stored.push({ ...recorded, voided: false, tipsOre: ore(recorded.payments.reduce((sum, p) => sum + p.tipOre, 0)) });

            for (const l of lines) {
              const amount = l.quantity * l.unitPriceOre;
              const account = l.group?.kind === 'gift_card' ? ACCOUNTS.giftCard : l.group?.accountNumber ?? (l.vatRateBp === 2500 ? ACCOUNTS.revenue : ACCOUNTS.exempt);
              add(account, -amount); // revenue and gift cards sold are credits
              if (l.vatRateBp === 2500 && l.group?.kind !== 'gift_card') vat25Goods += amount;
            }
            const payAccount = { kontant: ACCOUNTS.cash, dankort: ACCOUNTS.dankort, mobilepay: ACCOUNTS.mobilepay, gavekort: ACCOUNTS.giftCard }[pay];
            add(payAccount, payment.amountOre);
            if (tip > 0) add(ACCOUNTS.tips, -tip);
            if (pay === 'kontant') add(ACCOUNTS.differences, -(payment.amountOre - total)); // a rounding gain is a credit
          }
          // The SQL aggregation (running totals per group, tips by cashier) is the reference aggregation's.
          const open = service.previewOpenPeriod('register-1');
          const reference = aggregateSales(stored, (id) => service.paymentTypes.get(id), [], null, (id) => service.groups.get(id));
          expect(open.aggregates).toEqual(reference);
          const counted = open.expectedCashOre;
          const report = service.closeDay(closeRequest({ countedCashOre: Math.max(0, counted) }));
          expect(checkReport(report)).toEqual([]);
          // A drawer that should hold less than nothing (refunds paid out) is counted as empty: a till difference.
          add(ACCOUNTS.cash, report.differenceOre - report.cashToBankAtCloseOre);
          add(ACCOUNTS.differences, -report.differenceOre);
          add(ACCOUNTS.bank, report.cashToBankAtCloseOre);

          const accounts: PostingAccounts = {
            revenueAccount: ACCOUNTS.revenue, revenueVatCode: 'U25', vatExemptRevenueAccount: ACCOUNTS.exempt, bankAccount: ACCOUNTS.bank,
            cashHoldingsAccount: ACCOUNTS.cash, differencesAccount: ACCOUNTS.differences, giftCardAccount: ACCOUNTS.giftCard, tipsAccount: ACCOUNTS.tips,
            paymentTypeAccounts: Object.fromEntries(service.paymentTypes.list().map((t) => [t.id, t.accountNumber])),
            groupAccounts: Object.fromEntries(service.groups.list().map((g) => [g.id, g.accountNumber])),
          };
          const built = buildLedgerItem(report, accounts, { itemId: report.id });
          if (!built.ok) throw new Error(JSON.stringify(built.problems));
          for (const [account, amount] of expected) expect(netMovement(built.item.lines, account), `account ${String(account)}`).toBe(amount);
          // Every line's accounts are among the expected ones (nothing posted anywhere else).
          const touched = new Set(built.item.lines.flatMap((l) => [l.accountNumber, l.balancingAccountNumber]));
          for (const a of touched) expect(expected.has(a) || a === ACCOUNTS.cash, `unexpected account ${String(a)}`).toBe(true);

          // VAT only on goods lines: a line with a VAT code is a sales or returns line, and they add up to the 25 % goods.
          const withVat = built.item.lines.filter((l) => l.accountVatCode !== 'none' || l.balancingAccountVatCode !== 'none');
          expect(withVat.every((l) => l.role === 'sales' || l.role === 'returns')).toBe(true);
          expect(withVat.reduce((sum, l) => sum + l.amountOre, 0)).toBe(vat25Goods);
          expect(built.item.lines.filter((l) => l.role === 'gift_cards' || l.role === 'tips').every((l) => l.accountVatCode === 'none' && l.balancingAccountVatCode === 'none')).toBe(true);
          // A gift card or tips account never gets a revenue line, and the VAT totals hold goods only.
          expect(built.item.lines.some((l) => (l.role === 'sales' || l.role === 'returns') && [ACCOUNTS.giftCard, ACCOUNTS.tips].includes(l.balancingAccountNumber))).toBe(false);
          const goodsSales = report.groups.filter((g) => g.kind === 'goods').reduce((sum, g) => sum + g.salesOre, 0);
          expect(report.grossSalesOre).toBe(goodsSales);
          // The chart check of a sandbox-like chart passes (each group account there with its VAT code).
          const chart = [...Object.values(ACCOUNTS), ...GROUP_ACCOUNTS].map((accountNumber) => ({ accountNumber, isHidden: false, vatCode: null }));
          expect(checkAgainstChart(built.item, chart, ['U25'])).toEqual([]);
        } finally {
          db.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});
