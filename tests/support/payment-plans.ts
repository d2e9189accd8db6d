// Payments a till would take for a total, valid by construction: the generated days of the property tests
// pay their sales (and refunds) with these plans.
import { ore } from '../../shared/money/ore';
import { roundCashDue } from '../../shared/till/cash-rounding';
import type { SaleInput } from '../../shared/till/till.types';

export type Plan = 'cash' | 'card' | 'mobile' | 'voucher' | 'card+cash' | 'card+mobile';

/** Payments a till would take for the total, valid by construction. */
export function paymentsFor(totalOre: number, plan: Plan, splitPerMille: number, voucherId: string): SaleInput['payments'] {
  const pay = (paymentTypeId: string, amount: number) => ({ paymentTypeId, amountOre: ore(amount) });
  if (totalOre === 0) return [];
  const cash = (amount: number) => (roundCashDue(ore(amount)) === 0 ? [] : [pay('kontant', roundCashDue(ore(amount)))]);
  const first = Math.trunc((totalOre * splitPerMille) / 1000);
  const rest = totalOre - first;
  switch (plan) {
    case 'cash':
      return cash(totalOre);
    case 'card':
      return [pay('dankort', totalOre)];
    case 'mobile':
      return [pay('mobilepay', totalOre)];
    case 'voucher':
      return [pay(voucherId, totalOre)];
    case 'card+mobile':
      return first === 0 || rest === 0 ? [pay('dankort', totalOre)] : [pay('dankort', first), pay('mobilepay', rest)];
    case 'card+cash':
      return first === 0 || roundCashDue(ore(rest)) === 0 ? [pay('dankort', totalOre)] : [pay('dankort', first), ...cash(rest)];
  }
}
