// A fake clock whose sleep advances time instantly. Shared with the sandbox (as its Clock), so rate windows
// and token expiry move together on both sides of the wire without real waiting.
import type { Scheduler } from '../../electron/dinero/client/scheduler';

export interface FakeScheduler extends Scheduler {
  advance(ms: number): void;
  /** Every sleep requested, in order (to check that waiting happened). */
  sleeps: number[];
}

export function createFakeScheduler(startMs = Date.UTC(2026, 2, 2, 9, 0, 0)): FakeScheduler {
  let now = startMs;
  const sleeps: number[] = [];
  return {
    now: () => now,
    async sleep(ms) {
      sleeps.push(ms);
      now += Math.max(0, ms);
    },
    advance(ms) {
      now += ms;
    },
    sleeps,
  };
}
