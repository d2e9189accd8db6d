// A small seeded PRNG (mulberry32) so backoff jitter and crash points are reproducible from the seed.
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Sequential, valid v4-shaped UUIDs: readable in failures, unique per generator. */
export function sequentialIds(prefix = 0) {
  let n = 0;
  return {
    newId(): string {
      n += 1;
      const hex = (prefix * 1_000_000 + n).toString(16).padStart(12, '0');
      return `00000000-0000-4000-8000-${hex}`;
    },
  };
}
