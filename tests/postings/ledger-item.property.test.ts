// Property tests: for every consistent daily report (made by the till domain's computeZReport from random
// aggregates), the ledger item is balanced double entry that leaves each account where the report says.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildLedgerItem, buildReversal, netMovement, type PostingAccounts, type PostingLine } from '../../shared/dinero/ledger-item.builder';
import { MAX_DESCRIPTION_LENGTH } from '../../shared/dinero/posting-description.format';
import { makeReport, type ReportSpec } from './report.factory';

const REVENUE = 1000;
const EXEMPT = 1050;
const BANK = 55000;
const CASH = 58000;
const DIFFERENCES = 7380;
const TYPE_ACCOUNTS = [56100, 56200, 56300];

const amount = (max: number) => fc.integer({ min: 0, max });

const nonCashType = fc.record({
  kind: fc.constantFrom('card' as const, 'mobile' as const, 'other' as const),
  amount: fc.integer({ min: -50_000_000, max: 500_000_000 }),
  name: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 120 }),
  // Several types may share an account (the help article allows it).
  accountIndex: fc.integer({ min: 0, max: TYPE_ACCOUNTS.length - 1 }),
});

const scenario = fc
  .record({
    number: fc.integer({ min: 1, max: 9_999_999 }),
    registerName: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
    standard: fc.tuple(amount(1_000_000_000), amount(100_000_000)),
    exempt: fc.option(fc.tuple(amount(100_000_000), amount(10_000_000)), { nil: undefined }),
    nonCash: fc.array(nonCashType, { maxLength: 5 }),
    rounding: fc.integer({ min: -10_000, max: 10_000 }),
    cashSplit: fc.double({ min: 0, max: 1, noNaN: true }),
    opening: amount(10_000_000),
    // Whether the day was opened with a count, and what it found ("Byttepenge ved start").
    openingCounted: fc.option(amount(10_000_000), { nil: undefined }),
    fromBank: amount(10_000_000),
    toBankDuringDay: amount(10_000_000),
    counted: amount(1_000_000_000),
    toBankAtCloseShare: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map((s) => {
    const vat: Array<[number, number, number]> = [[2500, s.standard[0], s.standard[1]]];
    if (s.exempt) vat.push([0, s.exempt[0], s.exempt[1]]);
    const net = vat.reduce((a, [, sales, returns]) => a + sales - returns, 0);
    const nonCashTotal = s.nonCash.reduce((a, p) => a + p.amount, 0);
    // Whatever the other types did not pay was paid in cash (two cash types, e.g. DKK and a second drawer).
    const cashTotal = net + s.rounding - nonCashTotal;
    const cashA = Math.round(cashTotal * s.cashSplit);
    const spec: ReportSpec = {
      number: s.number,
      registerName: s.registerName,
      vat,
      payments: [
        { id: 'cash-a', name: 'Kontant', kind: 'cash', amount: cashA },
        { id: 'cash-b', name: 'Kontant 2', kind: 'cash', amount: cashTotal - cashA },
        ...s.nonCash.map((p, i) => ({ id: `type-${String(i)}`, name: p.name, kind: p.kind, amount: p.amount })),
      ],
      rounding: s.rounding,
      fromBank: s.fromBank,
      toBankDuringDay: s.toBankDuringDay,
      opening: s.opening,
      openingCounted: s.openingCounted,
      counted: s.counted,
      toBankAtClose: Math.floor(s.counted * s.toBankAtCloseShare),
    };
    const paymentTypeAccounts: Record<string, number | null> = { 'cash-a': null, 'cash-b': null };
    s.nonCash.forEach((p, i) => (paymentTypeAccounts[`type-${String(i)}`] = TYPE_ACCOUNTS[p.accountIndex]!));
    const accounts: PostingAccounts = {
      revenueAccount: REVENUE,
      revenueVatCode: 'U25',
      vatExemptRevenueAccount: EXEMPT,
      bankAccount: BANK,
      cashHoldingsAccount: CASH,
      differencesAccount: DIFFERENCES,
      giftCardAccount: 63080,
      tipsAccount: 63090,
      paymentTypeAccounts,
    };
    return { report: makeReport(spec), accounts, nonCash: s.nonCash };
  });

function balances(lines: readonly PostingLine[]): Map<number, number> {
  const result = new Map<number, number>();
  const move = (account: number, by: number) => result.set(account, (result.get(account) ?? 0) + by);
  for (const l of lines) {
    move(l.accountNumber, l.amountOre); // debit
    move(l.balancingAccountNumber, -l.amountOre); // credit
  }
  return result;
}

describe('buildLedgerItem properties (cash pivot)', () => {
  it('balanced double entry that moves each account exactly as the report says', () => {
    fc.assert(
      fc.property(scenario, ({ report, accounts, nonCash }) => {
        const result = buildLedgerItem(report, accounts, { itemId: 'item' });
        if (!result.ok) throw new Error(JSON.stringify(result.problems));
        const { lines } = result.item;

        // Cash holdings move by the change of the drawer's float.
        expect(netMovement(lines, CASH)).toBe(report.closingFloatOre - report.openingFloatOre);

        for (const l of lines) {
          if (l.role === 'returns') expect(l.amountOre).toBeLessThan(0);
          else expect(l.amountOre).toBeGreaterThan(0);
          expect(l.accountNumber).not.toBe(l.balancingAccountNumber);
          expect(Number.isSafeInteger(l.amountOre)).toBe(true);
          const revenueSide = l.balancingAccountNumber === REVENUE;
          expect(l.balancingAccountVatCode).toBe(revenueSide ? 'U25' : 'none');
          expect(l.accountVatCode).toBe('none');
          expect(l.description.length).toBeLessThanOrEqual(MAX_DESCRIPTION_LENGTH);
          expect(l.description.startsWith(`Z${String(report.number)} `)).toBe(true);
        }

        const b = balances(lines);
        expect([...b.values()].reduce((a, v) => a + v, 0)).toBe(0);
        const rate = (bp: number) => report.vatTotals.find((t) => t.vatRateBp === bp);
        const net = (bp: number) => (rate(bp)?.salesOre ?? 0) - (rate(bp)?.returnsOre ?? 0);
        // Revenue is credited with the net revenue of its rate; together they are the report's net revenue.
        expect(0 - (b.get(REVENUE) ?? 0)).toBe(net(2500));
        expect(0 - (b.get(EXEMPT) ?? 0)).toBe(net(0));
        expect(0 - (b.get(REVENUE) ?? 0) - (b.get(EXEMPT) ?? 0)).toBe(report.netRevenueOre);
        for (const [i, account] of TYPE_ACCOUNTS.entries()) {
          const expected = nonCash.filter((p) => p.accountIndex === i).reduce((a, p) => a + p.amount, 0);
          expect(b.get(account) ?? 0).toBe(expected);
        }
        // The differences account takes the rounding and both till differences: the one found at opening and at close.
        expect(b.get(DIFFERENCES) ?? 0).toBe(0 - (report.roundingOre + report.openingDifferenceOre + report.differenceOre));
        const openingLines = lines.filter((l) => l.role === 'opening_difference');
        expect(openingLines.length).toBe(report.openingDifferenceOre === 0 ? 0 : 1);
        expect(b.get(BANK) ?? 0).toBe(report.cashToBankDuringDayOre + report.cashToBankAtCloseOre - report.cashFromBankOre);
        expect([...b.keys()].every((a) => [REVENUE, EXEMPT, BANK, CASH, DIFFERENCES, ...TYPE_ACCOUNTS].includes(a))).toBe(true);

        // A reversal puts every account back.
        const reversal = buildReversal(result.item, { itemId: 'rev', voucherDate: '2026-03-02' });
        for (const v of balances([...lines, ...reversal.lines]).values()) expect(v).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('a report that no longer adds up is never ok', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.constantFrom('grossSalesOre', 'netRevenueOre', 'cashSalesOre', 'expectedCashOre', 'differenceOre', 'closingFloatOre', 'roundingOre', 'openingDifferenceOre'),
        fc.integer({ min: 1, max: 100_000 }).chain((n) => fc.constantFrom(n, -n)),
        ({ report, accounts }, field, delta) => {
          const broken = { ...report, [field]: report[field] + delta };
          const result = buildLedgerItem(broken, accounts, { itemId: 'item' });
          expect(result.ok).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});
