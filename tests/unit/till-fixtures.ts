// Shared fixtures for the till domain tests: a shop's payment types and small builders for sales.
import { ore, parseKroner, type Ore } from '../../shared/money/ore';
import type { PaymentTypeLookup } from '../../shared/till/sale';
import { isTillError, type TillError, type TillErrorCode } from '../../shared/till/till-error';
import type { PaymentType, SaleInput, SaleLineInput } from '../../shared/till/till.types';

export const PAYMENT_TYPES: readonly PaymentType[] = [
  { id: 'pt-cash', name: 'Kontant', kind: 'cash', accountNumber: null, active: true, sortOrder: 1, giftCard: false },
  { id: 'pt-dankort', name: 'Dankort', kind: 'card', accountNumber: 56100, active: true, sortOrder: 2, giftCard: false },
  { id: 'pt-mobilepay', name: 'MobilePay', kind: 'mobile', accountNumber: 56200, active: true, sortOrder: 3, giftCard: false },
  { id: 'pt-voucher', name: 'Gavekort', kind: 'other', accountNumber: 56300, active: true, sortOrder: 4, giftCard: false },
  { id: 'pt-euro', name: 'Euro kontant', kind: 'cash', accountNumber: null, active: true, sortOrder: 5, giftCard: false },
  { id: 'pt-old-card', name: 'Gammelt kort', kind: 'card', accountNumber: 56900, active: false, sortOrder: 6, giftCard: false },
];

export const lookup: PaymentTypeLookup = (id) => PAYMENT_TYPES.find((t) => t.id === id);

/** Kroner text to øre, so test figures read like the design's worked example. */
export const kr = (text: string): Ore => parseKroner(text);

export function line(unitPrice: string, quantity = 1, vatRateBp = 2500, description = 'Vare'): SaleLineInput {
  return { description, quantity, unitPriceOre: kr(unitPrice), vatRateBp };
}

export function pay(paymentTypeId: string, amount: string): SaleInput['payments'][number] {
  return { paymentTypeId, amountOre: kr(amount) };
}

export function rawOre(value: number): Ore {
  // Deliberately bypasses ore() so tests can feed values the money type itself would refuse.
  return value as Ore;
}

export { ore };

/** Runs fn and returns the TillError it throws; fails the test when it throws nothing or something else. */
export function tillErrorOf(fn: () => unknown): TillError {
  try {
    fn();
  } catch (error) {
    if (isTillError(error)) return error;
    throw new Error(`Expected a TillError, got ${String(error)}`);
  }
  throw new Error('Expected a TillError, but nothing was thrown');
}

export function codeOf(fn: () => unknown): TillErrorCode {
  return tillErrorOf(fn).code;
}
