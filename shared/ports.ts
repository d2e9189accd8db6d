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

/**
 * One tagged logger per module. Implementations redact secrets (tokens, client secrets, auth codes) before
 * anything is written; callers still never pass tokens in.
 */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
