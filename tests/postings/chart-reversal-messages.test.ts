import { describe, expect, it } from 'vitest';
import {
  buildLedgerItem,
  buildReversal,
  checkAgainstChart,
  netMovement,
  type LedgerItemDraft,
} from '../../shared/dinero/ledger-item.builder';
import { formatDanishAmount, formatVatRate } from '../../shared/dinero/danish-number.format';
import { ore } from '../../shared/money/ore';
import { exampleAccounts, workedExampleReport } from './posting.fixtures';

function exampleItem(): LedgerItemDraft {
  const result = buildLedgerItem(workedExampleReport(), exampleAccounts(), { itemId: 'item-1', fileGuid: 'file-1' });
  if (!result.ok) throw new Error('worked example must build');
  return result.item;
}

const standardChart = [1000, 55000, 58000, 7380, 56100, 56200].map((accountNumber) => ({ accountNumber, isHidden: false }));
const vatCodes = ['U25', 'I25', 'REP'];

describe('checkAgainstChart', () => {
  it('passes when every account exists and is visible and every VAT code is known', () => {
    expect(checkAgainstChart(exampleItem(), standardChart, vatCodes)).toEqual([]);
  });

  it('flags an unknown account once, naming the first line that uses it', () => {
    const chart = standardChart.filter((a) => a.accountNumber !== 7380);
    expect(checkAgainstChart(exampleItem(), chart, vatCodes)).toEqual([
      { code: 'account_unknown', params: { accountNumber: 7380, description: 'Z123 Kasse 1 øreafrunding' } },
    ]);
  });

  it('flags a hidden account', () => {
    const chart = standardChart.map((a) => (a.accountNumber === 56200 ? { ...a, isHidden: true } : a));
    expect(checkAgainstChart(exampleItem(), chart, vatCodes)).toEqual([
      { code: 'account_hidden', params: { accountNumber: 56200, description: 'Z123 Kasse 1 MobilePay' } },
    ]);
  });

  it('flags an unknown VAT code; "none" is always accepted and codes compare case-insensitively', () => {
    expect(checkAgainstChart(exampleItem(), standardChart, ['I25'])).toEqual([
      { code: 'vat_code_unknown', params: { vatCode: 'U25', description: 'Z123 Kasse 1 salg 25%' } },
    ]);
    expect(checkAgainstChart(exampleItem(), standardChart, ['u25'])).toEqual([]);
  });

  it('reports several problems together', () => {
    const chart = standardChart.filter((a) => a.accountNumber !== 1000 && a.accountNumber !== 55000);
    expect(checkAgainstChart(exampleItem(), chart, []).map((p) => [p.code, p.params.accountNumber ?? p.params.vatCode])).toEqual([
      ['account_unknown', 1000],
      ['vat_code_unknown', 'U25'],
      ['account_unknown', 55000],
    ]);
  });
});

describe('buildReversal', () => {
  it('negates every line, keeps accounts and VAT codes, prefixes "Tilbageførsel", and takes the new id and date', () => {
    const original = exampleItem();
    const reversal = buildReversal(original, { itemId: 'item-rev', voucherDate: '2026-12-02' });
    expect(reversal.id).toBe('item-rev');
    expect(reversal.voucherDate).toBe('2026-12-02');
    expect(reversal.fileGuid).toBeUndefined();
    expect(reversal.lines).toHaveLength(original.lines.length);
    reversal.lines.forEach((l, i) => {
      const o = original.lines[i]!;
      expect(l).toEqual({ ...o, description: `Tilbageførsel ${o.description}`, amountOre: -o.amountOre });
    });
    expect(reversal.lines[1]!.amountOre).toBe(62_500); // the returns line flips to positive
    // Original + reversal leave every account where it was.
    for (const account of [1000, 55000, 58000, 7380, 56100, 56200]) {
      expect(netMovement([...original.lines, ...reversal.lines], account)).toBe(0);
    }
  });

  it('keeps the reversed description within 100 characters', () => {
    const original = exampleItem();
    original.lines[2] = { ...original.lines[2]!, description: `Z123 Kasse 1 ${'x'.repeat(87)}` };
    const reversal = buildReversal(original, { itemId: 'r', voucherDate: '2026-12-02' });
    expect(reversal.lines[2]!.description).toHaveLength(100);
    expect(reversal.lines[2]!.description.endsWith('…')).toBe(true);
  });
});

describe('Danish number text', () => {
  it('formats øre as Danish amounts and basis points as rates', () => {
    expect(formatDanishAmount(ore(1_250_025))).toBe('12.500,25');
    expect(formatDanishAmount(ore(-62_500))).toBe('-625,00');
    expect(formatDanishAmount(ore(25))).toBe('0,25');
    expect(formatDanishAmount(ore(123_456_789_000))).toBe('1.234.567.890,00');
    expect([2500, 0, 1250, 1205].map(formatVatRate)).toEqual(['25%', '0%', '12,5%', '12,05%']);
  });
});
