// @vitest-environment jsdom
// The IPC contract: every channel validates its input (money only as whole øre, explicit confirmation for a
// reversal, no stray fields), and error codes are a closed set that covers the till's rules. The transfer
// engine's types are derived from the contract's schemas (electron/transfer/transfer.types.ts), so they cannot
// drift; that the database accepts exactly the contract's states is tested in tests/db/immutability.test.ts.
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, contract } from '../../shared/ipc/contract';
import { ERROR_CODES, errorCodeForTillError, isErrorCode } from '../../shared/ipc/error-codes';
import type { TillErrorCode } from '../../shared/till/till-error';

const ok = (channel: keyof typeof contract, input: unknown) => contract[channel].input.safeParse(input).success;
const sale = (unitPriceOre: unknown, amountOre: unknown = 1250) => ({
  lines: [{ description: 'Kaffe', quantity: 1, unitPriceOre, vatRateBp: 2500 }],
  payments: [{ paymentTypeId: 'pt-cash', amountOre }],
});

describe('contract', () => {
  it('lists each channel once, each with an input and an output schema', () => {
    expect(new Set(CHANNEL_NAMES).size).toBe(CHANNEL_NAMES.length);
    expect([...CHANNEL_NAMES].sort()).toEqual([
      'accounts.chart', 'app.info', 'app.startup', 'app.updateStatus', 'articles.byEan', 'articles.create', 'articles.import', 'articles.list',
      'articles.remove', 'articles.update', 'auth.cancelLogin', 'auth.loginStatus', 'auth.logout', 'auth.startLogin', 'auth.status',
      'backups.list', 'backups.restore', 'backups.run', 'cashMovements.open', 'cashMovements.record', 'cashMovements.undo',
      'cashiers.create', 'cashiers.list', 'cashiers.session', 'cashiers.signIn', 'cashiers.signOut', 'cashiers.update', 'groups.create',
      'groups.list', 'groups.update', 'journal.installCertificate', 'journal.status', 'journal.verify', 'orgs.choose', 'orgs.list',
      'paymentTypes.create', 'paymentTypes.list', 'paymentTypes.update', 'reports.close', 'reports.correctCount', 'reports.countOpening',
      'reports.export', 'reports.get', 'reports.list', 'reports.openPeriod', 'reports.pdf', 'reports.xReport', 'saft.export',
      'sales.byNumber', 'sales.recent', 'sales.record', 'sales.refund', 'sales.void', 'settings.get', 'settings.update',
      'support.createFile', 'sync.retryNow', 'sync.setOnline', 'sync.status', 'training.start', 'training.status', 'training.stop',
      'transfer.answer', 'transfer.preview', 'transfer.retransfer', 'transfer.reverseAndRepost',
    ]);
    for (const name of CHANNEL_NAMES) {
      expect(typeof contract[name].input.safeParse, name).toBe('function');
      expect(typeof contract[name].output.safeParse, name).toBe('function');
    }
  });

  it('channels without input take {} and nothing else', () => {
    for (const name of ['app.info', 'settings.get', 'reports.openPeriod', 'sync.status', 'auth.logout'] as const) {
      expect(ok(name, {}), name).toBe(true);
      expect(ok(name, { extra: 1 }), name).toBe(false);
      expect(ok(name, null), name).toBe(false);
    }
  });

  it('money crosses only as whole øre', () => {
    expect(ok('sales.record', sale(1250))).toBe(true);
    expect(ok('sales.record', sale(12.5))).toBe(false);
    expect(ok('sales.record', sale('1250'))).toBe(false);
    expect(ok('sales.record', sale(1250, 1e14))).toBe(false);
    expect(ok('sales.record', sale(-1))).toBe(false); // unit prices are ≥ 0; returns use a negative quantity
    expect(ok('cashMovements.record', { direction: 'to_bank', amountOre: 0, note: '' })).toBe(false);
    expect(ok('reports.close', { countedCashOre: -100, cashToBankAtCloseOre: 0, confirmEmptyDay: false, transfer: true })).toBe(false);
    expect(ok('reports.close', { countedCashOre: 100, cashToBankAtCloseOre: 0, confirmEmptyDay: false, transfer: true })).toBe(true);
  });

  it('a reversal needs the explicit confirmation; settings.update cannot set the company', () => {
    expect(ok('transfer.reverseAndRepost', { reportId: 'r1' })).toBe(false);
    expect(ok('transfer.reverseAndRepost', { reportId: 'r1', confirm: false })).toBe(false);
    expect(ok('transfer.reverseAndRepost', { reportId: 'r1', confirm: true })).toBe(true);
    expect(ok('transfer.answer', { reportId: 'r1', answer: 'keep' })).toBe(true);
    expect(ok('transfer.answer', { reportId: 'r1', answer: 'new_voucher' })).toBe(true);
    expect(ok('transfer.answer', { reportId: 'r1', answer: 'maybe' })).toBe(false);
    expect(ok('transfer.answer', { reportId: 'r1' })).toBe(false);
    expect(ok('settings.update', { organizationId: 5 })).toBe(false);
    expect(ok('settings.update', { accounts: { bankAccount: 55000 } })).toBe(true);
    expect(ok('settings.update', { accounts: { bankAccount: 0 } })).toBe(false);
    expect(ok('paymentTypes.update', { id: 'pt-1' })).toBe(false); // nothing to change
  });

  it('error codes are a closed set covering every till rule', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    const tillCodes: TillErrorCode[] = ['invalid_sale', 'payment_mismatch', 'unknown_payment_type', 'inactive_payment_type', 'invalid_amount', 'invalid_cash_count', 'empty_day_not_confirmed', 'report_unbalanced', 'invalid_date'];
    for (const code of tillCodes) expect(isErrorCode(errorCodeForTillError(code)), code).toBe(true);
    expect(isErrorCode('made_up')).toBe(false);
  });

});
