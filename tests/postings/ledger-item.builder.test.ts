import { describe, expect, it } from 'vitest';
import { ore } from '../../shared/money/ore';
import {
  buildLedgerItem,
  netMovement,
  type LedgerItemDraft,
  type PostingAccounts,
  type PostingProblem,
} from '../../shared/dinero/ledger-item.builder';
import { MAX_DESCRIPTION_LENGTH } from '../../shared/dinero/posting-description.format';
import { computeZReport } from '../../shared/till/z-report';
import { defaultSettings } from '../../shared/settings/settings.schema';
import type { ZReport } from '../../shared/till/till.types';
import { exampleAccounts, workedExampleReport } from './posting.fixtures';
import { makeReport } from './report.factory';

function build(report: ZReport, accounts: PostingAccounts = exampleAccounts()): LedgerItemDraft {
  const result = buildLedgerItem(report, accounts, { itemId: 'item-1' });
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.problems)}`);
  return result.item;
}

function problemsOf(report: ZReport, accounts: PostingAccounts): PostingProblem[] {
  const result = buildLedgerItem(report, accounts, { itemId: 'item-1' });
  if (result.ok) throw new Error(`expected problems, got lines ${JSON.stringify(result.item.lines)}`);
  return result.problems;
}

const line = (description: string, account: number, accountVat: string, balancing: number, balancingVat: string, amount: number) => ({
  description,
  accountNumber: account,
  accountVatCode: accountVat,
  balancingAccountNumber: balancing,
  balancingAccountVatCode: balancingVat,
  amountOre: amount,
});

describe('buildLedgerItem: design.md §6 worked example', () => {
  it('produces exactly the table of the worked example, in order', () => {
    const item = build(workedExampleReport());
    expect(item.lines.map(({ role: _role, ...rest }) => rest)).toEqual([
      line('Z123 Kasse 1 salg 25%', 58000, 'none', 1000, 'U25', 1_250_025),
      line('Z123 Kasse 1 retur 25%', 58000, 'none', 1000, 'U25', -62_500),
      line('Z123 Kasse 1 Dankort', 56100, 'none', 58000, 'none', 700_000),
      line('Z123 Kasse 1 MobilePay', 56200, 'none', 58000, 'none', 250_000),
      line('Z123 Kasse 1 øreafrunding', 7380, 'none', 58000, 'none', 25),
      line('Z123 Kasse 1 kassedifference', 7380, 'none', 58000, 'none', 2_000),
      line('Z123 Kasse 1 til bank', 55000, 'none', 58000, 'none', 200_000),
    ]);
    expect(item.lines.map((l) => l.role)).toEqual(['sales', 'returns', 'payment_type', 'payment_type', 'rounding', 'difference', 'to_bank']);
  });

  it('moves cash holdings by +355.00, the change of the float, and dates the voucher on the business date', () => {
    const item = build(workedExampleReport());
    expect(netMovement(item.lines, 58000)).toBe(35_500);
    expect(item.voucherDate).toBe('2026-11-28');
    expect(item.id).toBe('item-1');
    expect('fileGuid' in item).toBe(false);
    const withFile = buildLedgerItem(workedExampleReport(), exampleAccounts(), { itemId: 'item-2', fileGuid: 'f-1' });
    expect(withFile.ok && withFile.item.fileGuid).toBe('f-1');
  });

  it('the hand-written example equals what the till domain computes from the same aggregates', () => {
    const r = workedExampleReport();
    const computed = computeZReport({
      ...r,
      vatTotals: r.vatTotals.map(({ vatRateBp, salesOre, returnsOre }) => ({ vatRateBp, salesOre, returnsOre })),
    });
    expect(computed).toEqual(r);
  });
});

describe('buildLedgerItem: lines left out', () => {
  it('leaves out zero amounts: no returns, no rounding, no difference, a payment type netting to zero', () => {
    const report = makeReport({
      vat: [[2500, 50_000, 0]],
      payments: [
        { id: 'pt-cash', name: 'Kontant', kind: 'cash', amount: 30_000 },
        { id: 'pt-dankort', name: 'Dankort', kind: 'card', amount: 20_000 },
        { id: 'pt-mobilepay', name: 'MobilePay', kind: 'mobile', amount: 0 },
      ],
    });
    const item = build(report);
    expect(item.lines.map((l) => [l.description, l.amountOre])).toEqual([
      ['Z7 Kasse 1 salg 25%', 50_000],
      ['Z7 Kasse 1 Dankort', 20_000],
    ]);
  });

  it('a day with nothing to post gives an item with no lines (and needs no accounts)', () => {
    const report = makeReport({ opening: 100_000 });
    // The settings' defaults: no account chosen at all.
    const none: PostingAccounts = { ...defaultSettings.accounts, paymentTypeAccounts: {} };
    expect(build(report, none).lines).toEqual([]);
  });

  it('leaves out lines whose two sides are the same account (a safebox inside cash holdings, in and out the same day)', () => {
    const report = makeReport({
      vat: [[2500, 10_000, 0]],
      payments: [{ id: 'pt-cash', name: 'Kontant', kind: 'cash', amount: 10_000 }],
      opening: 50_000,
      fromBank: 20_000,
      toBankDuringDay: 20_000,
    });
    const item = build(report, exampleAccounts({ bankAccount: 58000 }));
    expect(item.lines.map((l) => l.role)).toEqual(['sales']);
  });

  it('a same-account line that would hide money from the drawer blocks with cash_account_mismatch naming it', () => {
    const problems = problemsOf(workedExampleReport(), exampleAccounts({ paymentTypeAccounts: { 'pt-dankort': 58000, 'pt-mobilepay': 56200 } }));
    expect(problems).toEqual([
      {
        code: 'cash_account_mismatch',
        params: { accountNumber: 58000, movementOre: 735_500, floatChangeOre: 35_500, sameAccountLines: 'Z123 Kasse 1 Dankort' },
      },
    ]);
  });
});

describe('buildLedgerItem: signs', () => {
  it('a payment type with more refunds than payments is posted as its size with the accounts swapped', () => {
    const report = makeReport({
      vat: [[2500, 10_000, 30_000]],
      payments: [
        { id: 'pt-cash', name: 'Kontant', kind: 'cash', amount: 10_000 },
        { id: 'pt-dankort', name: 'Dankort', kind: 'card', amount: -30_000 },
      ],
      opening: 50_000,
    });
    const item = build(report);
    expect(item.lines.find((l) => l.role === 'payment_type')).toEqual({
      role: 'payment_type',
      description: 'Z7 Kasse 1 Dankort',
      amountOre: 30_000,
      accountNumber: 58000,
      accountVatCode: 'none',
      balancingAccountNumber: 56100,
      balancingAccountVatCode: 'none',
    });
    expect(netMovement(item.lines, 58000)).toBe(report.closingFloatOre - report.openingFloatOre);
  });

  it('a rounding gain and a surplus debit cash holdings; cash from the bank is posted "fra bank"', () => {
    const report = makeReport({
      vat: [[2500, 9_975, 0]],
      payments: [{ id: 'pt-cash', name: 'Kontant', kind: 'cash', amount: 10_000 }],
      rounding: 25,
      fromBank: 100_000,
      counted: 110_500,
    });
    expect(report.differenceOre).toBe(500);
    const item = build(report);
    expect(item.lines.map((l) => [l.description, l.accountNumber, l.balancingAccountNumber, l.amountOre])).toEqual([
      ['Z7 Kasse 1 salg 25%', 58000, 1000, 9_975],
      ['Z7 Kasse 1 øreafrunding', 58000, 7380, 25],
      ['Z7 Kasse 1 kassedifference', 58000, 7380, 500],
      ['Z7 Kasse 1 fra bank', 58000, 55000, 100_000],
    ]);
  });

  it('a shortage found when the day was opened is its own "kassedifference ved åbning" line, apart from the close', () => {
    // Carried over 1,000.00; counted 995.00 at opening; 100.00 cash sales; counted 1,096.00 at close.
    const report = makeReport({
      vat: [[2500, 10_000, 0]],
      payments: [{ id: 'pt-cash', name: 'Kontant', kind: 'cash', amount: 10_000 }],
      opening: 100_000,
      openingCounted: 99_500,
      counted: 109_600,
    });
    expect(report).toMatchObject({ openingDifferenceOre: -500, expectedCashOre: 109_500, differenceOre: 100 });
    const item = build(report);
    expect(item.lines.map((l) => [l.role, l.description, l.accountNumber, l.balancingAccountNumber, l.amountOre])).toEqual([
      ['sales', 'Z7 Kasse 1 salg 25%', 58000, 1000, 10_000],
      ['opening_difference', 'Z7 Kasse 1 kassedifference ved åbning', 7380, 58000, 500],
      ['difference', 'Z7 Kasse 1 kassedifference', 58000, 7380, 100],
    ]);
    expect(netMovement(item.lines, 58000)).toBe(report.closingFloatOre - report.openingFloatOre);
  });

  it('cash to the bank during the day and at close is one "til bank" line', () => {
    const report = makeReport({
      vat: [[2500, 100_000, 0]],
      payments: [{ id: 'pt-cash', name: 'Kontant', kind: 'cash', amount: 100_000 }],
      opening: 50_000,
      toBankDuringDay: 30_000,
      toBankAtClose: 40_000,
    });
    const toBank = build(report).lines.filter((l) => l.role === 'to_bank');
    expect(toBank.map((l) => [l.description, l.accountNumber, l.balancingAccountNumber, l.amountOre])).toEqual([
      ['Z7 Kasse 1 til bank', 55000, 58000, 70_000],
    ]);
  });
});

describe('buildLedgerItem: 0 % VAT', () => {
  const zeroRated = () =>
    makeReport({
      vat: [[0, 20_000, 5_000], [2500, 10_000, 0]],
      payments: [{ id: 'pt-cash', name: 'Kontant', kind: 'cash', amount: 25_000 }],
    });

  it('books 0 % sales and returns on the VAT-exempt account with VAT code none, after 25 %', () => {
    const item = build(zeroRated(), exampleAccounts({ vatExemptRevenueAccount: 1050 }));
    expect(item.lines.map(({ role: _r, ...rest }) => rest)).toEqual([
      line('Z7 Kasse 1 salg 25%', 58000, 'none', 1000, 'U25', 10_000),
      line('Z7 Kasse 1 salg 0%', 58000, 'none', 1050, 'none', 20_000),
      line('Z7 Kasse 1 retur 0%', 58000, 'none', 1050, 'none', -5_000),
    ]);
  });

  it('blocks without a VAT-exempt account, and names that account', () => {
    expect(problemsOf(zeroRated(), exampleAccounts())).toEqual([{ code: 'account_missing', params: { role: 'vat_exempt_revenue' } }]);
  });

  it('a rate with no revenue account (12 %) is a problem, not a guess', () => {
    const report = makeReport({ vat: [[1200, 1_000, 0]], payments: [{ id: 'pt-cash', name: 'Kontant', kind: 'cash', amount: 1_000 }] });
    expect(problemsOf(report, exampleAccounts())).toEqual([{ code: 'vat_rate_unsupported', params: { vatRateBp: 1200, vatRate: '12%' } }]);
  });
});

describe('buildLedgerItem: missing accounts', () => {
  const cases: Array<[keyof PostingAccounts, string]> = [
    ['revenueAccount', 'revenue'],
    ['bankAccount', 'bank'],
    ['cashHoldingsAccount', 'cash_holdings'],
    ['differencesAccount', 'differences'],
  ];
  for (const [field, role] of cases) {
    it(`${field} unset gives exactly one account_missing problem with role ${role}`, () => {
      expect(problemsOf(workedExampleReport(), exampleAccounts({ [field]: null }))).toEqual([
        { code: 'account_missing', params: { role } },
      ]);
    });
  }

  it('a payment type without an account is named', () => {
    const accounts = exampleAccounts({ paymentTypeAccounts: { 'pt-dankort': 56100, 'pt-mobilepay': null } });
    expect(problemsOf(workedExampleReport(), accounts)).toEqual([
      { code: 'account_missing', params: { role: 'payment_type', paymentTypeName: 'MobilePay' } },
    ]);
  });

  it('all problems are reported at once', () => {
    const accounts = exampleAccounts({ revenueAccount: null, bankAccount: null, paymentTypeAccounts: { 'pt-dankort': null, 'pt-mobilepay': 56200 } });
    expect(problemsOf(workedExampleReport(), accounts).map((p) => p.params.role)).toEqual(['revenue', 'payment_type', 'bank']);
  });

  it('asks only for the accounts the report needs', () => {
    const report = makeReport({ vat: [[2500, 10_000, 0]], payments: [{ id: 'pt-cash', name: 'Kontant', kind: 'cash', amount: 10_000 }] });
    const item = build(report, exampleAccounts({ bankAccount: null, differencesAccount: null, vatExemptRevenueAccount: null, paymentTypeAccounts: {} }));
    expect(item.lines).toHaveLength(1);
  });

  it('the current mapping wins over the account recorded at close; a type missing from it uses the recorded one', () => {
    const current = build(workedExampleReport(), exampleAccounts({ paymentTypeAccounts: { 'pt-dankort': 56150, 'pt-mobilepay': 56200 } }));
    expect(current.lines.find((l) => l.description.endsWith('Dankort'))?.accountNumber).toBe(56150);
    const recorded = build(workedExampleReport(), exampleAccounts({ paymentTypeAccounts: {} }));
    expect(recorded.lines.filter((l) => l.role === 'payment_type').map((l) => l.accountNumber)).toEqual([56100, 56200]);
  });
});

describe('buildLedgerItem: report checks', () => {
  it('payments that do not cover revenue + rounding block with report_unbalanced', () => {
    const r = workedExampleReport();
    r.payments[1] = { ...r.payments[1]!, amountOre: ore(699_900) };
    expect(problemsOf(r, exampleAccounts())).toContainEqual({ code: 'report_unbalanced', params: { paymentsOre: 1_187_400, expectedOre: 1_187_500 } });
  });

  it('a broken drawer equation blocks with drawer_mismatch naming the field', () => {
    const r = { ...workedExampleReport(), expectedCashOre: ore(337_000), differenceOre: ore(-1_500) };
    expect(problemsOf(r, exampleAccounts())).toContainEqual({
      code: 'drawer_mismatch',
      params: { field: 'expectedCash', expectedOre: 337_500, actualOre: 337_000 },
    });
    const f = { ...workedExampleReport(), closingFloatOre: ore(135_000) };
    expect(problemsOf(f, exampleAccounts())).toContainEqual({
      code: 'drawer_mismatch',
      params: { field: 'closingFloat', expectedOre: 135_500, actualOre: 135_000 },
    });
  });

  it('totals that are not the sum of their parts block with totals_mismatch', () => {
    const r = { ...workedExampleReport(), grossSalesOre: ore(1_250_000) };
    expect(problemsOf(r, exampleAccounts())).toContainEqual({
      code: 'totals_mismatch',
      params: { field: 'grossSales', expectedOre: 1_250_025, actualOre: 1_250_000 },
    });
  });
});

describe('buildLedgerItem: descriptions', () => {
  it(`stay within ${String(MAX_DESCRIPTION_LENGTH)} characters, keeping the report number and fixed words`, () => {
    const longType = 'Gavekort fra Centerforeningen i Hjørring og omegn '.repeat(4);
    const report = makeReport({
      number: 123456,
      registerName: 'Kassen ved indgangen til butikken på første sal',
      vat: [[2500, 10_000, 0]],
      payments: [{ id: 'pt-gift', name: longType, kind: 'other', amount: 10_000 }],
    });
    const item = build(report, exampleAccounts({ paymentTypeAccounts: { 'pt-gift': 63080 } }));
    for (const l of item.lines) {
      expect(l.description.length).toBeLessThanOrEqual(MAX_DESCRIPTION_LENGTH);
      expect(l.description.startsWith('Z123456 Kassen ved indgangen til butikken på fø… ')).toBe(true);
    }
    expect(item.lines[0]!.description.endsWith(' salg 25%')).toBe(true);
    expect(item.lines[1]!.description).toMatch(/ Gavekort fra Centerforeningen.*…$/);
  });
});

describe('the worked example with product groups, a gift card and a tip ([2.5])', () => {
  // Kasse 1, Z123 as in design.md §6, but the 12,500.25 of 25 % sales split: 10,000.25 in the default group,
  // 2,500.00 in "Tobak" on its own account 1010; a 200.00 gift card sold (in the Dankort total) and a 30.00
  // tip on Dankort. The Dankort total is what the card took: 7,000.00 + 200.00 + 30.00.
  const report: ZReport = {
    ...workedExampleReport(),
    groups: [
      { groupId: 'varer', name: 'Varer', kind: 'goods', vatRateBp: 2500, accountNumber: null, salesOre: ore(1_000_025), returnsOre: ore(62_500) },
      { groupId: 'g-tobak', name: 'Tobak', kind: 'goods', vatRateBp: 2500, accountNumber: 1010, salesOre: ore(250_000), returnsOre: ore(0) },
      { groupId: 'g-gavekort', name: 'Gavekort', kind: 'gift_card', vatRateBp: 0, accountNumber: null, salesOre: ore(20_000), returnsOre: ore(0) },
    ],
    giftCardsSoldOre: ore(20_000),
    tipsOre: ore(3_000),
    tipsByCashier: [{ cashierName: null, tipsOre: ore(3_000), count: 1 }],
    payments: workedExampleReport().payments.map((p) => (p.paymentTypeId === 'pt-dankort' ? { ...p, amountOre: ore(723_000) } : p)),
  };

  it('posts revenue per (account, VAT code), the gift card to the liability without VAT and the tip to its account', () => {
    const item = build(report, exampleAccounts({ giftCardAccount: 63080, tipsAccount: 63090 }));
    expect(item.lines.map((l) => `${l.description} | ${l.accountNumber}/${l.accountVatCode} | ${l.balancingAccountNumber}/${l.balancingAccountVatCode} | ${l.amountOre}`)).toEqual([
      'Z123 Kasse 1 salg 25% | 58000/none | 1000/U25 | 1000025',
      'Z123 Kasse 1 retur 25% | 58000/none | 1000/U25 | -62500',
      'Z123 Kasse 1 salg 25% Tobak | 58000/none | 1010/U25 | 250000',
      'Z123 Kasse 1 gavekort solgt | 58000/none | 63080/none | 20000',
      'Z123 Kasse 1 drikkepenge | 58000/none | 63090/none | 3000',
      'Z123 Kasse 1 Dankort | 56100/none | 58000/none | 723000',
      'Z123 Kasse 1 MobilePay | 56200/none | 58000/none | 250000',
      'Z123 Kasse 1 øreafrunding | 7380/none | 58000/none | 25',
      'Z123 Kasse 1 kassedifference | 7380/none | 58000/none | 2000',
      'Z123 Kasse 1 til bank | 55000/none | 58000/none | 200000',
    ]);
  });

  it('names the missing gift card and tips accounts as problems instead of posting without them', () => {
    const built = buildLedgerItem(report, exampleAccounts(), { itemId: 'x' });
    expect(built.ok ? [] : built.problems).toEqual([
      { code: 'account_missing', params: { role: 'gift_card' } },
      { code: 'account_missing', params: { role: 'tips' } },
    ]);
  });
});
