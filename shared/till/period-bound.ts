// The bound on a period's totals. Each amount is bounded on its own (MAX_ABS_ORE, money/ore.ts), but a period
// adds them up: two sales that are each allowed can make a total that cannot be posted exactly, and then every
// later view and close of that register would fail. So the till refuses the write that would take a period
// past the bound, and nothing accepted can make a report fail.
//
// Why the bound holds: every figure of a report, and every line of its ledger item (even where several
// figures share one account), is a signed sum of a few of these parts: the opening float and count, each VAT rate's sales
// and returns, each payment type's net total, the rounding, the cash from and to the bank, and the counted
// cash. With the "load" below (their sizes added up) and the counted cash each at most an eighth of
// MAX_ABS_ORE, any such sum of up to four of them stays within MAX_ABS_ORE, the range the Dinero conversion
// is exact for.
import { formatDecimal, MAX_ABS_ORE, ore, type Ore } from '../money/ore';
import { tillError } from './till-error';
import type { EvaluatedSale } from './sale';

/** 1.25 × 10^12 øre = 12,500,000,000.00 kr.: far beyond any shop's day, far inside what posts exactly. */
export const MAX_PERIOD_LOAD_ORE: Ore = ore(MAX_ABS_ORE / 8);
/** The largest counted cash a close accepts (the same eighth). */
export const MAX_COUNTED_CASH_ORE: Ore = ore(MAX_ABS_ORE / 8);

/** The parts of a period the load adds up (aggregates, or the raw sums read back before they become øre). */
export interface LoadParts {
  vatTotals: ReadonlyArray<{ salesOre: number; returnsOre: number }>;
  payments: ReadonlyArray<{ amountOre: number }>;
  roundingOre: number;
  cashFromBankOre: number;
  cashToBankDuringDayOre: number;
  /** The opening count (null or absent: none): the opening difference is at most it plus the float. */
  openingCountedOre?: number | null;
  /** Gift cards (in no VAT total) count by their groups; goods groups are within their rates' totals already. */
  groups?: ReadonlyArray<{ kind: string; salesOre: number; returnsOre: number }>;
  tipsOre?: number;
}

/** The sizes of a period's parts, added up (see the top of the file). */
export function periodLoad(a: LoadParts, openingFloatOre: number): number {
  let load = openingFloatOre + Math.abs(a.roundingOre) + a.cashFromBankOre + a.cashToBankDuringDayOre + (a.openingCountedOre ?? 0);
  for (const v of a.vatTotals) load += v.salesOre + v.returnsOre;
  for (const p of a.payments) load += Math.abs(p.amountOre);
  for (const g of a.groups ?? []) if (g.kind === 'gift_card') load += g.salesOre + g.returnsOre;
  return load + (a.tipsOre ?? 0);
}

/** At most how much one sale adds to its period's load. */
export function saleLoad(sale: EvaluatedSale): number {
  let load = Math.abs(sale.roundingOre);
  for (const l of sale.lines) load += Math.abs(l.lineTotalOre);
  for (const p of sale.payments) load += Math.abs(p.amountOre) + p.tipOre;
  return load;
}

/**
 * A period read back from the database that is already past the bound: only a build without the bound could
 * have written it. Nothing can be posted exactly, so the view and the close stop here with a clear code; voiding
 * the wrong sale (which needs no totals) brings the period back within the bound.
 */
export function checkStoredPeriod(load: number): void {
  if (Number.isSafeInteger(load) && load <= MAX_PERIOD_LOAD_ORE) return;
  throw tillError(
    'period_over_limit',
    `The open period's totals are already past ${formatDecimal(MAX_PERIOD_LOAD_ORE)}; void the wrong sale (till -- void), then close the day`,
    { limitOre: MAX_PERIOD_LOAD_ORE },
  );
}

/** Refuses (nothing is written) a sale or movement that would take the period's load past the bound. */
export function checkPeriodBound(currentLoad: number, added: number, what: 'sale' | 'cash_movement'): void {
  if (currentLoad + added <= MAX_PERIOD_LOAD_ORE) return;
  throw tillError(
    'period_limit',
    `This ${what === 'sale' ? 'sale' : 'cash movement'} would take the open period's totals past ${formatDecimal(MAX_PERIOD_LOAD_ORE)}, more than can be posted exactly; nothing was recorded. Close the day first, or check the amount.`,
    { limitOre: MAX_PERIOD_LOAD_ORE, what },
  );
}
