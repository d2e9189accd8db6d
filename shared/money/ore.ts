// Money is an integer number of øre end to end. The brand stops a plain number (kroner, a float) from
// being passed where øre are meant; only the functions below create one.

export type Ore = number & { readonly __brand: 'Ore' };

export class MoneyError extends Error {
  override readonly name = 'MoneyError';
}

/** Largest amount we accept anywhere: 1e13 øre = 100 billion kroner, far inside Number.MAX_SAFE_INTEGER. */
export const MAX_ABS_ORE = 10_000_000_000_000;

export function ore(value: number): Ore {
  if (!Number.isSafeInteger(value) || Math.abs(value) > MAX_ABS_ORE) {
    throw new MoneyError(`Not a whole number of øre: ${String(value)}`);
  }
  return (value === 0 ? 0 : value) as Ore; // normalise -0
}

export const ZERO_ORE: Ore = 0 as Ore;

export function addOre(...values: readonly Ore[]): Ore {
  let sum = 0;
  for (const v of values) sum += v;
  return ore(sum);
}

export function subOre(a: Ore, b: Ore): Ore {
  return ore(a - b);
}

export function negOre(a: Ore): Ore {
  return ore(-a);
}

export function sumOre(values: Iterable<Ore>): Ore {
  let sum = 0;
  for (const v of values) sum += v;
  return ore(sum);
}

const DECIMAL = /^(-)?(\d{1,11})(?:[.,](\d{1,2}))?$/;

/**
 * Parses a kroner amount typed by a person or sent by Dinero ("1234.5", "-99,95", "12") straight to øre,
 * digit by digit, so no binary float ever touches the value. More than two decimals is an error, not a
 * rounding: we never invent or drop øre.
 */
export function parseKroner(text: string): Ore {
  const trimmed = text.trim().replace(/^\+/, '');
  const match = DECIMAL.exec(trimmed);
  if (!match) {
    throw new MoneyError(`Not an amount in kroner with at most 2 decimals: "${text}"`);
  }
  const [, minus, whole, frac = ''] = match;
  const value = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return ore(minus ? -value : value);
}

/** "1234.50" / "-0.25": the exact decimal string for an amount in øre, '.' as separator, no grouping. */
export function formatDecimal(amount: Ore): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const kroner = Math.floor(abs / 100);
  const cents = abs % 100;
  return `${sign}${kroner}.${cents.toString().padStart(2, '0')}`;
}

/**
 * The JSON number Dinero's API expects. Number(formatDecimal) yields the double closest to the exact
 * two-decimal value, which JSON.stringify prints back as that same shortest decimal, so the wire text is
 * exact.
 */
export function toDineroAmount(amount: Ore): number {
  return Number(formatDecimal(amount));
}

/**
 * Reads an amount Dinero sent as a JSON number. Rejects anything that is not a two-decimal amount
 * (e.g. 0.125) instead of rounding it silently.
 */
export function fromDineroAmount(value: number): Ore {
  if (!Number.isFinite(value)) throw new MoneyError(`Not a finite amount: ${String(value)}`);
  const scaled = Math.round(value * 100);
  if (Math.abs(scaled / 100 - value) > 1e-9 * Math.max(1, Math.abs(value))) {
    throw new MoneyError(`Amount has more than 2 decimals: ${String(value)}`);
  }
  return ore(scaled);
}
