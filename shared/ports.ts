// Time and identity are injected everywhere so tests are deterministic (no sleeps, no random ids).

export interface Clock {
  /** Current instant in epoch milliseconds. */
  now(): number;
}

export interface IdGenerator {
  /** A new random UUID (v4 format in production). */
  newId(): string;
}

export const systemClock: Clock = { now: () => Date.now() };
