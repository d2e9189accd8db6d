// Bad input gets a clear, typed error and writes nothing: every table's row count is the same afterwards.
import { describe, expect, it } from 'vitest';
import type { DataError } from '../../electron/db/data-error';
import { CodedError } from '../../shared/coded-error';
import type { TillService } from '../../electron/till/till.service';
import type { Ore } from '../../shared/money/ore';
import type { TillError } from '../../shared/till/till-error';
import { closeRequest, kr, line, rowCounts, sale, testTill } from '../support/db-fixtures';

/** A till with one recorded sale, so "nothing written" is checked against a non-empty database. */
function tillWithOneSale() {
  const till = testTill();
  till.service.recordSale('register-1', sale([line('10.00')], ['dankort', '10.00']));
  return till;
}

function expectRefused(till: { db: Parameters<typeof rowCounts>[0] }, action: () => unknown, expected: { type: 'till' | 'data'; code: string; message: RegExp }) {
  const before = rowCounts(till.db);
  let error: unknown;
  try {
    action();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(CodedError);
  expect((error as CodedError).domain).toBe(expected.type);
  expect((error as TillError | DataError).code).toBe(expected.code);
  expect((error as Error).message).toMatch(expected.message);
  expect(rowCounts(till.db)).toEqual(before);
}

const notOre = (value: number) => value as Ore;

describe('sales that do not add up are refused and leave no trace', () => {
  it.each<[string, (s: TillService) => unknown, string, RegExp]>([
    ['an unknown payment type', (s) => s.recordSale('register-1', sale([line('10.00')], ['giftcard', '10.00'])), 'unknown_payment_type', /Unknown payment type "giftcard"/],
    ['payments that do not cover the sale', (s) => s.recordSale('register-1', sale([line('100.00')], ['dankort', '60.00'])), 'payment_mismatch', /do not match the total 100.00/],
    ['cash that is not the rounded amount due', (s) => s.recordSale('register-1', sale([line('99.95')], ['kontant', '99.95'])), 'payment_mismatch', /Cash must be 100.00/],
    ['a sale without lines', (s) => s.recordSale('register-1', { lines: [], payments: [] }), 'invalid_sale', /at least one line/],
    ['a fractional price', (s) => s.recordSale('register-1', { lines: [{ description: 'Kaffe', quantity: 1, unitPriceOre: notOre(12.5), vatRateBp: 2500 }], payments: [] }), 'invalid_amount', /whole øre/],
  ])('%s', (_, action, code, message) => {
    const till = tillWithOneSale();
    expectRefused(till, () => action(till.service), { type: 'till', code, message });
  });

  it('refuses a payment type that has been deactivated', () => {
    const till = tillWithOneSale();
    till.service.paymentTypes.setActive('mobilepay', false);
    expectRefused(till, () => till.service.recordSale('register-1', sale([line('10.00')], ['mobilepay', '10.00'])), {
      type: 'till',
      code: 'inactive_payment_type',
      message: /MobilePay" is not active/,
    });
  });

  it('refuses an empty register id and an import without or with a repeated external id', () => {
    const till = tillWithOneSale();
    const ok = sale([line('10.00')], ['dankort', '10.00']);
    expectRefused(till, () => till.service.recordSale('', ok), { type: 'data', code: 'invalid_input', message: /register id is empty/ });
    expectRefused(till, () => till.service.recordSale('register-1', ok, { source: 'import' }), { type: 'data', code: 'invalid_input', message: /externalId/ });
    till.service.recordSale('register-1', ok, { source: 'import', externalId: 'other-till-42' });
    expectRefused(till, () => till.service.recordSale('register-1', ok, { source: 'import', externalId: 'other-till-42' }), {
      type: 'data',
      code: 'conflict',
      message: /already recorded/,
    });
  });
});

describe('cash movements', () => {
  it.each<[string, number, RegExp]>([
    ['zero', 0, /positive whole number of øre, got 0/],
    ['negative', -5000, /got -5000/],
    ['fractional', 10.5, /got 10.5/],
  ])('refuses a %s amount', (_, amount, message) => {
    const till = tillWithOneSale();
    expectRefused(till, () => till.service.recordCashMovement({ registerId: 'register-1', direction: 'to_bank', amountOre: notOre(amount), note: '' }), {
      type: 'till',
      code: 'invalid_amount',
      message,
    });
  });

  it('refuses a note over 200 characters and an unknown direction', () => {
    const till = tillWithOneSale();
    const movement = { registerId: 'register-1', direction: 'to_bank' as const, amountOre: kr('100.00'), note: 'x'.repeat(201) };
    expectRefused(till, () => till.service.recordCashMovement(movement), { type: 'data', code: 'invalid_input', message: /longer than 200/ });
    const sideways = { ...movement, note: '', direction: 'sideways' as unknown as 'to_bank' };
    expectRefused(till, () => till.service.recordCashMovement(sideways), { type: 'data', code: 'invalid_input', message: /direction/ });
    expect(till.service.recordCashMovement({ ...movement, note: 'x'.repeat(200) }).note).toHaveLength(200);
  });
});

describe('closing the day with a bad count', () => {
  it.each<[string, Partial<ReturnType<typeof closeRequest>>, string, RegExp]>([
    ['negative counted cash', { countedCashOre: -100 }, 'invalid_cash_count', /countedCashOre must not be negative/],
    ['counted cash in fractions of an øre', { countedCashOre: 100.5 }, 'invalid_cash_count', /countedCashOre: must be a whole number/],
    ['more to the bank than was counted', { countedCashOre: kr('100.00'), cashToBankAtCloseOre: kr('200.00') }, 'invalid_cash_count', /only 100.00 was counted/],
  ])('refuses %s', (_, overrides, code, message) => {
    const till = tillWithOneSale();
    expectRefused(till, () => till.service.closeDay(closeRequest(overrides)), { type: 'till', code, message });
  });

  it('refuses an empty day that was not confirmed, and a register name that is too long', () => {
    const till = testTill();
    expectRefused(till, () => till.service.closeDay(closeRequest()), { type: 'till', code: 'empty_day_not_confirmed', message: /confirm the empty day/ });
    expectRefused(till, () => till.service.closeDay(closeRequest({ registerName: 'K'.repeat(41), confirmEmptyDay: true })), {
      type: 'data',
      code: 'invalid_input',
      message: /register name is longer than 40/,
    });
  });
});
