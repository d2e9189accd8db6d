// One random customer at the till: a basket from the catalogue and a way of paying, the mix a Danish shop sees
// (mostly Dankort, then MobilePay and cash, now and then card plus a cash note), and the odd refund.
import { ore, type Ore } from '../../shared/money/ore';
import { roundCashDue } from '../../shared/till/cash-rounding';
import type { SaleInput, SaleLineInput } from '../../shared/till/till.types';
import { PRODUCT_CATALOGUE, type Product } from './product-catalogue';
import type { Rng } from './seeded-random';

/** The seeded payment types (migration 0010). */
export const DEMO_PAYMENT_TYPES = { cash: 'kontant', card: 'dankort', mobile: 'mobilepay' } as const;

type PaymentPlan = 'card' | 'mobile' | 'cash' | 'card+cash';

const BASKET_SIZES: ReadonlyArray<readonly [number, number]> = [
  [1, 45],
  [2, 28],
  [3, 15],
  [4, 7],
  [5, 3],
  [6, 2],
];
const QUANTITIES: ReadonlyArray<readonly [number, number]> = [
  [1, 80],
  [2, 15],
  [3, 4],
  [6, 1],
];
const PLANS: ReadonlyArray<readonly [PaymentPlan, number]> = [
  ['card', 55],
  ['mobile', 20],
  ['cash', 20],
  ['card+cash', 5],
];
const PRODUCTS_BY_POPULARITY = PRODUCT_CATALOGUE.map((p) => [p, p.popularity] as const);

const lineOf = (p: Product, quantity: number): SaleLineInput => ({
  description: p.name,
  quantity,
  unitPriceOre: p.priceOre,
  vatRateBp: p.vatRateBp,
});

function payments(totalOre: number, plan: PaymentPlan, rng: Rng): SaleInput['payments'] {
  const pay = (paymentTypeId: string, amountOre: number) => ({ paymentTypeId, amountOre: ore(amountOre) });
  const cash = (due: number) => {
    const rounded: Ore = roundCashDue(ore(due));
    return rounded === 0 ? [] : [pay(DEMO_PAYMENT_TYPES.cash, rounded)];
  };
  switch (plan) {
    case 'card':
      return [pay(DEMO_PAYMENT_TYPES.card, totalOre)];
    case 'mobile':
      return [pay(DEMO_PAYMENT_TYPES.mobile, totalOre)];
    case 'cash':
      return cash(totalOre);
    case 'card+cash': {
      // The customer empties their wallet (a 50 or 100 kr note) and pays the rest by card.
      const note = rng.pick([5_000, 10_000]);
      if (totalOre <= note) return cash(totalOre);
      return [pay(DEMO_PAYMENT_TYPES.card, totalOre - note), pay(DEMO_PAYMENT_TYPES.cash, note)];
    }
  }
}

/** A refund of one item: paid back by card or in cash (the cash refund is rounded like any cash amount). */
function refund(rng: Rng): SaleInput {
  const p = rng.weighted(PRODUCTS_BY_POPULARITY);
  const line = lineOf(p, -1);
  const plan: PaymentPlan = rng.chance(0.6) ? 'card' : 'cash';
  return { lines: [line], payments: payments(-p.priceOre, plan, rng) };
}

export function randomSaleInput(rng: Rng, refundShare = 0.015): SaleInput {
  if (rng.chance(refundShare)) return refund(rng);
  const size = rng.weighted(BASKET_SIZES);
  const lines = Array.from({ length: size }, () => lineOf(rng.weighted(PRODUCTS_BY_POPULARITY), rng.weighted(QUANTITIES)));
  const total = lines.reduce((sum, l) => sum + l.quantity * l.unitPriceOre, 0);
  return { lines, payments: payments(total, rng.weighted(PLANS), rng) };
}
