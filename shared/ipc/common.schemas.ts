// Building blocks of the contract's schemas: money as integer øre, instants, dates and ids.
import { z } from 'zod';
import { MAX_ABS_ORE, type Ore } from '../money/ore';

const isOre = (value: unknown): value is Ore =>
  typeof value === 'number' && Number.isSafeInteger(value) && Math.abs(value) <= MAX_ABS_ORE;

/** Money crosses the contract as integer øre; the type stays the branded Ore on both sides. */
export const oreSchema = z.custom<Ore>(isOre, { error: 'Not a whole number of øre' });
export const nonNegativeOreSchema = z.custom<Ore>((v) => isOre(v) && v >= 0, { error: 'Must be whole øre ≥ 0' });
export const positiveOreSchema = z.custom<Ore>((v) => isOre(v) && v > 0, { error: 'Must be whole øre > 0' });

/** ISO-8601 UTC instant with milliseconds, as the database stores them. */
export const instantSchema = z.iso.datetime();
/** "YYYY-MM-DD" (Europe/Copenhagen business date). */
export const dateSchema = z.iso.date();
export const idSchema = z.string().min(1).max(100);
export const countSchema = z.number().int().min(0);

/** Input of a channel that takes none: `{}` (what the HTTP transport sends for "no input"). */
export const emptyInputSchema = z.object({}).strict();
