// Transfer problems worded from their codes by the one catalogue, in Danish and English: each names what to
// fix and where, amounts in the language's own format, and every code has its own sentence in each language.
import { describe, expect, it } from 'vitest';
import { TRANSFER_PROBLEM_CODES } from '../../shared/ipc/transfer.schemas';
import type { TransferProblem } from '../../shared/ipc/contract.types';
import { translator } from '../../renderer/i18n/catalogue';
import { problemText, reasonText } from '../../renderer/eod/problem-text';
import { TRANSFER_REASONS } from '../../shared/ipc/transfer.codes';

const da = (p: TransferProblem) => problemText(translator('da'), 'da', p);
const en = (p: TransferProblem) => problemText(translator('en'), 'en', p);

describe('problem text', () => {
  it('names the payment type and where to fix it, in Danish and English', () => {
    const p: TransferProblem = { code: 'account_missing', params: { role: 'payment_type', paymentTypeName: 'MobilePay' } };
    expect(da(p)).toBe('Vælg en konto for betalingstypen MobilePay under Indstillinger → Kasse → Konti.');
    expect(en(p)).toBe('Choose an account for the payment type MobilePay under Settings → Cash → Accounts.');
  });

  it('names each main account role and the place to choose it', () => {
    for (const role of ['revenue', 'vat_exempt_revenue', 'bank', 'cash_holdings', 'differences']) {
      const p: TransferProblem = { code: 'account_missing', params: { role } };
      expect(da(p)).toContain('Indstillinger → Kasse → Konti');
      expect(en(p)).toContain('Settings → Cash → Accounts');
    }
  });

  it('chart problems name the account and the line', () => {
    const hidden: TransferProblem = { code: 'account_hidden', params: { accountNumber: 56200, description: 'Z123 Kasse 1 MobilePay' } };
    expect(da(hidden)).toContain('56200');
    expect(da(hidden)).toContain('Z123 Kasse 1 MobilePay');
    expect(en(hidden)).toContain('hidden');
  });

  it('amounts are written in each language\'s format', () => {
    const p: TransferProblem = { code: 'report_unbalanced', params: { paymentsOre: 1_187_400, expectedOre: 1_187_500 } };
    expect(da(p).replace(/\s/g, ' ')).toContain('11.874,00 kr.');
    expect(en(p).replace(/\s/g, ' ')).toContain('11.875,00 kr.)');
    expect(en(p)).not.toContain('kr..');
  });

  it('Dinero\'s own words and an older row\'s sentence are shown as they came', () => {
    expect(da({ code: 'dinero_refused', params: { text: 'Konto 56900 er skjult' } })).toBe('Dinero: Konto 56900 er skjult');
    expect(en({ code: 'text', params: { text: 'an older sentence' } })).toBe('an older sentence');
  });

  it('has its own sentence for every code in both languages', () => {
    const ours = TRANSFER_PROBLEM_CODES.filter((c) => c !== 'text' && c !== 'dinero_refused');
    for (const code of ours) {
      const p: TransferProblem = { code, params: {} };
      expect(da(p).length, code).toBeGreaterThan(10);
      expect(en(p).length, code).toBeGreaterThan(10);
      expect(da(p), code).not.toBe(en(p));
    }
    for (const reason of TRANSFER_REASONS) {
      expect(reasonText(translator('da'), reason), reason).not.toBe(reasonText(translator('en'), reason));
    }
  });
});
