// Counting the drawer by denomination. Danish notes and coins in circulation: 1000, 500, 200, 100 and 50 kr
// notes; 20, 10, 5, 2 and 1 kr coins and the 50 øre coin (the smallest, which is why cash rounds to 50 øre).
import { MAX_ABS_ORE, ore, type Ore } from '../money/ore';
import { tillError } from './till-error';

export interface Denomination {
  valueOre: Ore;
  kind: 'note' | 'coin';
}

const denomination = (valueOre: number, kind: Denomination['kind']): Denomination => ({ valueOre: ore(valueOre), kind });

/** Largest first, the order a cashier counts in. */
export const DKK_DENOMINATIONS: readonly Denomination[] = Object.freeze([
  denomination(100_000, 'note'),
  denomination(50_000, 'note'),
  denomination(20_000, 'note'),
  denomination(10_000, 'note'),
  denomination(5_000, 'note'),
  denomination(2_000, 'coin'),
  denomination(1_000, 'coin'),
  denomination(500, 'coin'),
  denomination(200, 'coin'),
  denomination(100, 'coin'),
  denomination(50, 'coin'),
]);

const KNOWN = new Set<number>(DKK_DENOMINATIONS.map((d) => d.valueOre));

export function totalOfCount(counts: ReadonlyArray<{ valueOre: number; count: number }>): Ore {
  const seen = new Set<number>();
  let total = 0;
  for (const { valueOre, count } of counts) {
    if (!KNOWN.has(valueOre)) {
      throw tillError('invalid_cash_count', `${String(valueOre)} øre is not a Danish note or coin`, { valueOre });
    }
    if (seen.has(valueOre)) {
      throw tillError('invalid_cash_count', `Denomination ${String(valueOre)} øre is counted twice`, { valueOre });
    }
    seen.add(valueOre);
    if (!Number.isSafeInteger(count) || count < 0) {
      throw tillError('invalid_cash_count', `Count must be a whole number ≥ 0, got ${String(count)}`, { valueOre, count });
    }
    total += valueOre * count;
    if (!Number.isSafeInteger(total) || total > MAX_ABS_ORE) {
      throw tillError('invalid_cash_count', 'The counted total is too large', { valueOre, count });
    }
  }
  return ore(total);
}

/** What is wrong with a count at the close, if anything: the one rule the dialog, the contract's handler and the report share. */
export type CashCountProblem = 'counted_negative' | 'to_bank_negative' | 'to_bank_exceeds_counted';

export function cashCountProblem(countedOre: number, cashToBankAtCloseOre: number): CashCountProblem | null {
  if (countedOre < 0) return 'counted_negative';
  if (cashToBankAtCloseOre < 0) return 'to_bank_negative';
  if (cashToBankAtCloseOre > countedOre) return 'to_bank_exceeds_counted';
  return null;
}

/** Counted − expected: positive is cash over, negative is cash short. */
export function cashDifference(countedOre: Ore, expectedOre: Ore): Ore {
  return ore(countedOre - expectedOre);
}

/** What stays in the drawer for tomorrow: counted − taken to the bank at the close. */
export function closingFloat(countedOre: Ore, cashToBankAtCloseOre: Ore): Ore {
  return ore(countedOre - cashToBankAtCloseOre);
}
