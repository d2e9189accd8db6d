// Client-side request budget: at most `limit` requests per rolling window per bucket (a company id, or
// 'user' for calls without one). Enforced before sending, by waiting, so we never earn a 429 and never look
// abusive to Dinero (its limit is 100/min per company and client; personal integrations 60/min).
import type { Scheduler } from './scheduler';

export interface RateBudget {
  /** Resolves when the caller may send one request in `bucket`; the slot is taken at that moment. */
  acquire(bucket: string): Promise<void>;
}

export interface RateBudgetOptions {
  scheduler: Scheduler;
  limit?: number;
  windowMs?: number;
}

interface Bucket {
  /** Send times inside the current window, oldest first. */
  sent: number[];
  /** The last waiter in line: each new caller waits for it, which makes the queue FIFO. */
  tail: Promise<void>;
}

export function createRateBudget({ scheduler, limit = 60, windowMs = 60_000 }: RateBudgetOptions): RateBudget {
  const buckets = new Map<string, Bucket>();

  async function takeSlot(bucket: Bucket): Promise<void> {
    for (;;) {
      const now = scheduler.now();
      // A send stays counted until strictly more than a full window has passed (one extra millisecond), so
      // a server that counts its window inclusively still never sees limit + 1.
      while (bucket.sent.length > 0 && (bucket.sent[0] as number) + windowMs < now) bucket.sent.shift();
      if (bucket.sent.length < limit) {
        bucket.sent.push(now);
        return;
      }
      await scheduler.sleep((bucket.sent[0] as number) + windowMs + 1 - now);
    }
  }

  return {
    acquire(name) {
      let bucket = buckets.get(name);
      if (!bucket) {
        bucket = { sent: [], tail: Promise.resolve() };
        buckets.set(name, bucket);
      }
      const current = bucket;
      const turn = current.tail.then(() => takeSlot(current));
      // A failing sleep must not block everyone behind it.
      current.tail = turn.catch(() => undefined);
      return turn;
    },
  };
}
