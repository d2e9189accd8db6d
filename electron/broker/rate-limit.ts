// Per-key request budgets for the broker: a token bucket per key (a client address, or the hash of a refresh
// token) that holds `perMinute` requests and refills continuously. In memory and per replica, by design: the
// broker keeps no state, so N replicas allow N × the budget (docs/BROKER.md).
import type { Clock } from '../../shared/ports';

export interface RateLimiter {
  /** Takes one request from the key's budget: 0 when allowed, else the seconds until one is free. */
  take(key: string): number;
}

/** Buckets beyond this are dropped oldest first once full again, so a flood of addresses cannot grow memory. */
const MAX_KEYS = 50_000;

export function createRateLimiter(perMinute: number, clock: Clock): RateLimiter {
  const refillPerMs = perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();

  function level(bucket: { tokens: number; at: number }, now: number): number {
    return Math.min(perMinute, bucket.tokens + (now - bucket.at) * refillPerMs);
  }

  function prune(now: number): void {
    for (const [key, bucket] of buckets) {
      if (buckets.size < MAX_KEYS) return;
      if (level(bucket, now) >= perMinute) buckets.delete(key);
    }
    // Still full of busy keys: forget the oldest; at worst such a key gets a fresh budget.
    const oldest = buckets.keys().next();
    if (buckets.size >= MAX_KEYS && !oldest.done) buckets.delete(oldest.value);
  }

  return {
    take(key) {
      const now = clock.now();
      const existing = buckets.get(key);
      if (!existing) {
        if (buckets.size >= MAX_KEYS) prune(now);
        buckets.set(key, { tokens: perMinute - 1, at: now });
        return 0;
      }
      const tokens = level(existing, now);
      if (tokens < 1) return Math.max(1, Math.ceil((1 - tokens) / refillPerMs / 1000));
      // Re-inserted so the map stays in order of last use (the oldest come first when pruning).
      buckets.delete(key);
      buckets.set(key, { tokens: tokens - 1, at: now });
      return 0;
    },
  };
}
