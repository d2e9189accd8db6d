// A small seeded PRNG (mulberry32) so demo shops and benchmark databases come out the same for the same seed.
import type { IdGenerator } from '../../shared/ports';

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Whole number in [min, max]. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by relative weight. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T;
}

export function seededRandom(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    weighted: (items) => {
      const total = items.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [item, weight] of items) {
        roll -= weight;
        if (roll < 0) return item;
      }
      return rng.pick(items)[0];
    },
  };
  return rng;
}

/** UUID-v4-shaped ids drawn from the PRNG: the same seed gives the same ids. */
export function seededIds(rng: Rng): IdGenerator {
  const word = () => Math.floor(rng.next() * 0x1_0000_0000).toString(16).padStart(8, '0');
  return {
    newId: () => {
      const [a, b, c, d] = [word(), word(), word(), word()];
      return `${a}-${b.slice(0, 4)}-4${b.slice(5)}-${'89ab'.charAt(rng.int(0, 3))}${c.slice(1, 4)}-${c.slice(4)}${d}`;
    },
  };
}
