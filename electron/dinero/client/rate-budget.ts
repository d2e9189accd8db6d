// Client-side request budget: at most `limit` requests per rolling window per bucket (a company id, or
// 'user' for calls without one). Enforced before sending, by waiting, so we never earn a 429 and never look
// abusive to Dinero (its limit is 100/min per company and client; personal integrations 60/min).
//
// Dinero counts a request when it arrives, which is somewhere between our send and its answer. So a request
// holds its slot from the moment it is let through until a full window after it FINISHED: then Dinero's
// count can never be higher than ours, whatever the network latency.
import type { Scheduler } from './scheduler';

/** Call when the request has finished (answer, error or timeout). */
export type ReleaseSlot = () => void;

export interface RateBudget {
  /** Resolves when the caller may send one request in `bucket`; the slot is taken at that moment. */
  acquire(bucket: string): Promise<ReleaseSlot>;
}

export interface RateBudgetOptions {
  scheduler: Scheduler;
  limit?: number;
  windowMs?: number;
}

interface Slot {
  /** When the request finished; null while it is in flight. */
  finishedAt: number | null;
  finished: Promise<void>;
}

interface Bucket {
  slots: Slot[];
  /** The last caller in line: each new caller waits for it, which makes the queue FIFO. */
  tail: Promise<unknown>;
}

export function createRateBudget({ scheduler, limit = 60, windowMs = 60_000 }: RateBudgetOptions): RateBudget {
  const buckets = new Map<string, Bucket>();

  function takeSlot(bucket: Bucket): ReleaseSlot {
    let markDone!: () => void;
    const slot: Slot = { finishedAt: null, finished: new Promise<void>((resolve) => (markDone = resolve)) };
    bucket.slots.push(slot);
    return () => {
      if (slot.finishedAt !== null) return;
      slot.finishedAt = scheduler.now();
      markDone();
    };
  }

  async function waitForSlot(bucket: Bucket): Promise<ReleaseSlot> {
    for (;;) {
      const now = scheduler.now();
      // Kept until strictly more than a full window after it finished, so a server that counts its window
      // inclusively still never sees limit + 1.
      bucket.slots = bucket.slots.filter((s) => s.finishedAt === null || s.finishedAt + windowMs >= now);
      if (bucket.slots.length < limit) return takeSlot(bucket);
      // Requests still in flight finish soon; wait for them first, so one sleep frees every slot whose
      // request ended about the same time, instead of one sleep per straggler.
      const inFlight = bucket.slots.filter((s) => s.finishedAt === null);
      if (inFlight.length > 0) await Promise.race(inFlight.map((s) => s.finished));
      else await scheduler.sleep(Math.min(...bucket.slots.map((s) => s.finishedAt as number)) + windowMs + 1 - now);
    }
  }

  return {
    acquire(name) {
      let bucket = buckets.get(name);
      if (!bucket) {
        bucket = { slots: [], tail: Promise.resolve() };
        buckets.set(name, bucket);
      }
      const current = bucket;
      const turn = current.tail.then(() => waitForSlot(current));
      // A failing sleep must not block everyone behind it.
      current.tail = turn.catch(() => undefined);
      return turn;
    },
  };
}
