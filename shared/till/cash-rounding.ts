// Danish cash rounding (Bekendtgørelse 928/2008 §2). Only the amount settled in cash is rounded, per sale,
// to the nearest 50 øre; the halfway endings .25 and .75 go up, so .01–.24 → .00, .25–.74 → .50 and
// .75–.99 → the next krone. A refund rounds its size the same way and keeps its sign, so the shop never
// gains from rounding the other direction on a refund.
import { ore, type Ore } from '../money/ore';

const STEP = 50;

export function roundCashDue(due: Ore): Ore {
  const size = Math.abs(due);
  const rest = size % STEP;
  const rounded = rest >= STEP / 2 ? size - rest + STEP : size - rest;
  return ore(due < 0 ? -rounded : rounded);
}
