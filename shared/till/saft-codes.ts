// The SAF-T Cash Register standard codes the till's own data maps to (../shared/saft-dk/code-lists-no; the
// Danish validator accepts these): a payment type's code from its kind, a tip's, and a product group's own
// article group code (PredefinedBasicID-04, kept on the group). Used by the SAF-T export of [2.6].
import type { PaymentType } from './till.types';

/** PredefinedBasicID-12: 12001 cash, 12002 debit card, 12005 gift token, 12011 mobile apps, 12999 other. */
export function saftPaymentCode(type: Pick<PaymentType, 'kind' | 'giftCard'>): string {
  if (type.giftCard) return '12005';
  return { cash: '12001', card: '12002', mobile: '12011', other: '12999' }[type.kind];
}

/** PredefinedBasicID-10: 10001 "amount from gratuity/tip". */
export const SAFT_TIP_CODE = '10001';
