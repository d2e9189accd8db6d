// VAT contained in a VAT-inclusive amount. Danish prices are quoted incl. VAT, so the VAT part of a gross
// amount g at rate r (basis points) is g × r / (10000 + r). BigInt keeps it exact for any amount we accept
// (1e13 øre × 2500 exceeds Number.MAX_SAFE_INTEGER).
import { ore, type Ore } from '../money/ore';
import { tillError } from './till-error';

/** Rates we accept anywhere in the domain: whole basis points from 0 to 100 %. */
export function isVatRateBp(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= 10_000;
}

/** VAT part of a gross amount, rounded half away from zero (so a refund mirrors the sale exactly). */
export function vatPortion(grossOre: Ore, vatRateBp: number): Ore {
  if (!isVatRateBp(vatRateBp)) {
    throw tillError('invalid_amount', `VAT rate must be whole basis points from 0 to 10000, got ${String(vatRateBp)}`, {
      vatRateBp,
    });
  }
  if (!Number.isSafeInteger(grossOre)) {
    throw tillError('invalid_amount', `Not a whole number of øre: ${String(grossOre)}`, { grossOre });
  }
  const size = BigInt(Math.abs(grossOre));
  const numerator = size * BigInt(vatRateBp);
  const denominator = BigInt(10_000 + vatRateBp);
  let quotient = numerator / denominator;
  if ((numerator % denominator) * 2n >= denominator) quotient += 1n;
  const vat = Number(quotient);
  return ore(grossOre < 0 ? -vat : vat);
}
