// Time for the client's waiting (rate budget, token expiry) is injected, so tests can run 150 requests
// through a 60-per-minute budget instantly with a fake clock shared with the sandbox.
import type { Clock } from '../../../shared/ports';

export interface Scheduler extends Clock {
  /** Resolves after `ms` milliseconds of this scheduler's time. */
  sleep(ms: number): Promise<void>;
}

export const realScheduler: Scheduler = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};
