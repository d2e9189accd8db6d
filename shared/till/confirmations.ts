// Amounts the till records only after the cashier has confirmed them: a typo of 100000 for 1000 is the most
// common mistake at a till, and once recorded it can only be corrected by a record the other way. The
// domain asks (a coded error the screen turns into a question); the cashier's "yes" comes back as a flag.
import { formatDecimal, ore, type Ore } from '../money/ore';
import { tillError } from './till-error';

/** The shop's limit and the cashier's answer, as a sale or cash movement is recorded. */
export interface AmountConfirmation {
  limitOre: number;
  confirmed: boolean;
}

/** "Is the amount right?" above this, unless the shop sets another limit (settings; 100,000.00 kr.). */
export const DEFAULT_LARGE_AMOUNT_ORE: Ore = ore(10_000_000);

/** A sale, return or cash movement larger than the shop's limit needs the cashier's confirmation. */
export function checkLargeAmount(amountOre: number, limitOre: number, confirmed: boolean): void {
  if (confirmed || Math.abs(amountOre) <= limitOre) return;
  throw tillError('amount_unconfirmed', `${formatDecimal(ore(Math.abs(amountOre)))} is more than ${formatDecimal(ore(limitOre))}: confirm the amount first`, {
    amountOre: Math.abs(amountOre),
    limitOre,
  });
}

/** Taking more to the bank than the drawer should hold needs the cashier's confirmation (as the close does). */
export function checkWithinDrawer(direction: 'to_bank' | 'from_bank', amountOre: number, expectedCashOre: number, confirmed: boolean): void {
  if (confirmed || direction !== 'to_bank' || amountOre <= expectedCashOre) return;
  throw tillError('movement_exceeds_drawer', `${formatDecimal(ore(amountOre))} to the bank is more than the drawer should hold (${formatDecimal(ore(expectedCashOre))}): confirm it first`, {
    amountOre,
    expectedCashOre,
  });
}
