// What each Dinero answer means for a transfer (design.md §7), as a pure function of the client's typed
// error, so the table can be read and tested on its own. The worker applies the decision.
import { DineroApiError } from '../dinero/client/dinero-api.error';
import type { TransferProblem, TransferReason } from './transfer.types';

export interface BackoffOptions {
  /** First backoff ceiling (doubled per consecutive failure). */
  baseMs: number;
  capMs: number;
  /** [0, 1): injected so tests are deterministic. */
  random: () => number;
}

export const DEFAULT_BACKOFF = { baseMs: 2_000, capMs: 5 * 60_000 } as const;
/** Dinero's own advice for a 429 without Retry-After is "wait a minute". */
export const MIN_RATE_LIMIT_WAIT_MS = 60_000;

/** Full jitter: uniformly anywhere in [0, min(cap, base·2^n)], never below a small floor. */
export function fullJitterBackoff(failures: number, o: BackoffOptions): number {
  const ceiling = Math.min(o.capMs, o.baseMs * 2 ** Math.min(Math.max(failures - 1, 0), 30));
  return Math.max(100, Math.floor(o.random() * ceiling));
}

/** Retry-After (the client turns a missing one into 60 s) plus up to 10 % jitter, so several tills do not return together. */
export function rateLimitWait(retryAfterMs: number | undefined, random: () => number): number {
  const wait = retryAfterMs ?? MIN_RATE_LIMIT_WAIT_MS;
  return wait + Math.floor(random() * Math.max(1_000, wait * 0.1));
}

/** The queue-wide problems, each named by the action that fixes it. */
export type GlobalAction = 'reconnect' | 'dinero_pro_required' | 'no_access';

/**
 * `code` says why (it crosses the contract as a TransferReason; the screen words it). `message` is the
 * client's technical English, for the log file and support only.
 */
export type Decision =
  /** Nothing wrong with Dinero or the connection, but this item was refused: it waits for the user. */
  | { kind: 'needs_attention'; code: TransferReason; message: string; problems: TransferProblem[] }
  /**
   * The connection or Dinero is in trouble: pause the whole queue. `mayHaveApplied` marks a write whose
   * effect is unknown (read back by Id before repeating it); `offline` says Dinero could not be reached.
   */
  | { kind: 'transient'; code: TransferReason; message: string; mayHaveApplied: boolean; offline: boolean; rateLimitedMs?: number; unclear?: { answer: string } }
  /** Nothing can go until the user acts (log in again, Dinero Pro, access to the company). */
  | { kind: 'global'; code: TransferReason; message: string; action: GlobalAction };

/** Dinero's own words as problems: one per field message ("Field: message"), or its main message when it gave none. */
export function dineroMessages(error: DineroApiError): TransferProblem[] {
  const fields = Object.entries(error.fieldErrors ?? {}).map(([field, message]) => `${field}: ${message}`);
  const texts = fields.length > 0 ? fields : [error.answer ?? error.message];
  return texts.map((text) => ({ code: 'dinero_refused', params: { text } }));
}

export function decide(error: unknown): Decision {
  if (!(error instanceof DineroApiError)) {
    const message = error instanceof Error ? error.message : String(error);
    // A bug or an unexpected local failure: treat as transient so it is retried with backoff, and logged.
    return { kind: 'transient', code: 'internal', message, mayHaveApplied: true, offline: false };
  }
  const code = error.kind;
  switch (error.kind) {
    case 'offline':
      return { kind: 'transient', code, message: error.message, mayHaveApplied: false, offline: true };
    case 'timeout':
    case 'server':
    case 'bad_response':
      return { kind: 'transient', code, message: error.message, mayHaveApplied: false, offline: false };
    case 'unknown_outcome':
      return { kind: 'transient', code, message: error.message, mayHaveApplied: true, offline: false };
    case 'unclear':
      // Not understood is not "absent": retried with backoff, then the user is asked to look (context.fail).
      return { kind: 'transient', code, message: error.message, mayHaveApplied: false, offline: false, unclear: { answer: error.answer ?? error.message } };
    case 'rate_limited':
      return { kind: 'transient', code, message: error.message, mayHaveApplied: false, offline: false, rateLimitedMs: error.retryAfterMs ?? MIN_RATE_LIMIT_WAIT_MS };
    case 'stale_version':
      // Only reached when re-reading and retrying once did not help: someone keeps editing the item.
      return { kind: 'transient', code, message: error.message, mayHaveApplied: false, offline: false };
    case 'unauthorized':
    case 'reconnect_needed':
      return { kind: 'global', code, action: 'reconnect', message: `Dinero needs a new login (${error.message})` };
    case 'no_pro':
      return { kind: 'global', code, action: 'dinero_pro_required', message: `The company has no Dinero Pro subscription (${error.message})` };
    case 'forbidden':
      return { kind: 'global', code, action: 'no_access', message: `Dinero refused access to the company (${error.message})` };
    case 'validation':
    case 'not_found':
    case 'duplicate':
    case 'id_mismatch':
      return { kind: 'needs_attention', code, message: error.message, problems: dineroMessages(error) };
  }
}
