// Sliding one-minute window per key, on the injected clock (Dinero: 100 requests/min per client and org).
import type { Clock } from '../../../shared/ports';

const WINDOW_MS = 60_000;

export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly limit: number, private readonly clock: Clock) {}

  /** Records a request and says whether it is allowed. Rejected requests are not counted. */
  tryHit(key: string): boolean {
    const now = this.clock.now();
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - WINDOW_MS);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(key, recent);
    return true;
  }
}
