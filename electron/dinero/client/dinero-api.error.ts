// The one error type the Dinero client throws. `kind` is a closed union so the transfer engine and the UI can
// decide what to do (retry, read back, reconnect, show Dinero's message) without parsing text.

export const DINERO_ERROR_KINDS = [
  /** The request never reached Dinero (no network, DNS, connection refused). Nothing was applied. */
  'offline',
  /** A read did not finish within the deadline. */
  'timeout',
  /** Dinero or Visma Connect refused the client itself (401 from the API before refresh, invalid_client). */
  'unauthorized',
  /** The refresh token is dead (used, revoked, expired) or missing: the user must log in to Dinero again. */
  'reconnect_needed',
  /** The company has no Dinero Pro subscription (403 with code 90, or 48 in older docs). */
  'no_pro',
  /** 403 for anything else: the user lacks access to the company or the token lacks a scope. */
  'forbidden',
  /** Dinero rejected the data (400 code 42 and friends, 413); `fieldErrors` holds Dinero's own messages. */
  'validation',
  'not_found',
  /** An Id already exists (409, code 72, errorMessageList guidMustBeUnique). */
  'duplicate',
  /** The Version sent is outdated (code 58): read the item again first. */
  'stale_version',
  /** 429: wait `retryAfterMs` before the next call. */
  'rate_limited',
  /** 5xx or a 480 brownout on a read. */
  'server',
  /** A write whose effect is unknown (timeout, reset, 5xx, 480, malformed 2xx): read back before retrying. */
  'unknown_outcome',
  /** A read got something that is not the expected JSON (truncated, wrong types, HTML, too big, empty). */
  'bad_response',
  /**
   * An answer that does not say what the engine needs to know: a status list that does not name the item
   * (`200 []`), a bare or HTML 404, a "not found" that names other Ids. Never read as "deleted in Dinero".
   */
  'unclear',
  /** A create answered 2xx without naming the Id that was sent (another Id, no Id, no readable body). */
  'id_mismatch',
] as const;

export type DineroErrorKind = (typeof DINERO_ERROR_KINDS)[number];

export interface DineroApiErrorDetails {
  status?: number;
  dineroCode?: number;
  /** Dinero's validation messages keyed by its own field path, e.g. "Lines[0].AccountNumber". */
  fieldErrors?: Record<string, string>;
  retryAfterMs?: number;
  /** For not_found on ledger items: the ids Dinero does not know. */
  missingIds?: string[];
  /** For id_mismatch: the Ids Dinero answered with (empty when it named none). */
  answeredIds?: string[];
  /** What Dinero actually answered, short and printable (status and the start of the body), for the user. */
  answer?: string;
  cause?: unknown;
}

export class DineroApiError extends Error {
  override readonly name = 'DineroApiError';
  readonly kind: DineroErrorKind;
  readonly status?: number;
  readonly dineroCode?: number;
  readonly fieldErrors?: Record<string, string>;
  readonly retryAfterMs?: number;
  readonly missingIds?: string[];
  readonly answeredIds?: string[];
  readonly answer?: string;

  constructor(kind: DineroErrorKind, message: string, details: DineroApiErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    if (details.status !== undefined) this.status = details.status;
    if (details.dineroCode !== undefined) this.dineroCode = details.dineroCode;
    if (details.fieldErrors !== undefined) this.fieldErrors = details.fieldErrors;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
    if (details.missingIds !== undefined) this.missingIds = details.missingIds;
    if (details.answeredIds !== undefined) this.answeredIds = details.answeredIds;
    if (details.answer !== undefined) this.answer = details.answer;
  }
}

export function isDineroApiError(value: unknown, kind?: DineroErrorKind): value is DineroApiError {
  return value instanceof DineroApiError && (kind === undefined || value.kind === kind);
}

/** "404: <!doctype html>…" — the status and the first characters of a body, printable, for the attempt log. */
export function answerExcerpt(status: number, body: string, max = 160): string {
  const text = body.replace(/[^\x20-\x7e\u00a0-\u024f]+/g, ' ').replace(/\s+/g, ' ').trim();
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return cut === '' ? `${status} (empty body)` : `${status}: ${cut}`;
}
