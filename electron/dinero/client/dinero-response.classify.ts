// Turns a raw HTTP answer into either validated data or a typed DineroApiError. Every body is parsed as JSON
// by us (never trusted to axios), its keys normalised to lowerCamel, then checked with zod.
import { z } from 'zod';
import { answerExcerpt, DineroApiError } from './dinero-api.error';
import { unreadable, type Intent, type RawResponse } from './http-core';
import { normaliseKeys } from './key-case.normalise';

const DEFAULT_RETRY_AFTER_MS = 60_000;
const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;
const NO_PRO_CODES = new Set([90, 48]);

/** The 2xx body as normalised JSON; `undefined` for an empty body. Throws bad_response/unknown_outcome. */
export function readJson(raw: RawResponse, intent: Intent): unknown {
  if (raw.body.trim() === '') return undefined;
  try {
    return normaliseKeys(JSON.parse(raw.body));
  } catch (cause) {
    const looksHtml = /^\s*</.test(raw.body);
    return unreadableThrow(looksHtml ? 'Dinero answered with a web page instead of data' : 'The answer from Dinero is not valid JSON', intent, raw.status, cause);
  }
}

/** Parses a 2xx body with `schema`; anything else (empty, wrong types) is a bad response. */
export function readWith<S extends z.ZodType>(schema: S, raw: RawResponse, intent: Intent): z.infer<S> {
  const json = readJson(raw, intent);
  const result = schema.safeParse(json);
  if (!result.success) {
    const where = result.error.issues[0];
    const detail = where ? ` (${where.path.join('.') || 'body'}: ${where.message})` : '';
    return unreadableThrow(`The answer from Dinero has an unexpected shape${detail}`, intent, raw.status, result.error);
  }
  return result.data;
}

function unreadableThrow(message: string, intent: Intent, status: number, cause: unknown): never {
  throw unreadable(message, intent, { status, cause });
}

const envelopeSchema = z.object({
  code: z.coerce.number().int().optional().catch(undefined),
  message: z.string().optional().catch(undefined),
  error: z.string().optional().catch(undefined),
  title: z.string().optional().catch(undefined),
  validationErrors: z.record(z.string(), z.union([z.string(), z.array(z.string())])).nullish().catch(undefined),
  errorMessageList: z
    .array(z.object({ code: z.string().nullish(), message: z.string().nullish() }))
    .nullish()
    .catch(undefined),
});
type Envelope = z.infer<typeof envelopeSchema>;

function readEnvelope(raw: RawResponse): Envelope {
  try {
    const json = normaliseKeys(JSON.parse(raw.body), { verbatimUnder: new Set(['validationErrors']) });
    const parsed = envelopeSchema.safeParse(json);
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

function fieldErrorsOf(envelope: Envelope): Record<string, string> | undefined {
  const entries = Object.entries(envelope.validationErrors ?? {});
  if (entries.length === 0) return undefined;
  return Object.fromEntries(entries.map(([field, msg]) => [field, Array.isArray(msg) ? msg.join(' ') : msg]));
}

function hasErrorCode(envelope: Envelope, body: string, code: string): boolean {
  const lower = code.toLowerCase();
  return (envelope.errorMessageList ?? []).some((e) => e.code?.toLowerCase() === lower) || body.toLowerCase().includes(lower);
}

/** Seconds or an HTTP-date; absent or unreadable → 60 s (Dinero's advice is to wait a minute). */
export function retryAfterMs(header: string | undefined, now: number): number {
  const value = header?.trim();
  if (!value) return DEFAULT_RETRY_AFTER_MS;
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
  if (!Number.isFinite(ms)) return DEFAULT_RETRY_AFTER_MS;
  return Math.min(Math.max(0, ms), MAX_RETRY_AFTER_MS);
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The typed error for a non-2xx answer. */
export function errorFromResponse(raw: RawResponse, intent: Intent, now: number): DineroApiError {
  const { status, body } = raw;
  const isJson = /^\s*[{[]/.test(body);
  const envelope = isJson ? readEnvelope(raw) : {};
  const dineroMessage = envelope.message ?? envelope.error ?? envelope.title;
  const details = { status, dineroCode: envelope.code };
  const text = (fallback: string) => dineroMessage?.trim() || fallback;

  if (status === 401) return new DineroApiError('unauthorized', text('Dinero did not accept the login'), details);
  if (status === 403) {
    return envelope.code !== undefined && NO_PRO_CODES.has(envelope.code)
      ? new DineroApiError('no_pro', text('The company has no Dinero Pro subscription'), details)
      : new DineroApiError('forbidden', text('No access to this company in Dinero'), details);
  }
  if (status === 429) {
    return new DineroApiError('rate_limited', 'Too many requests to Dinero; waiting before the next one', {
      ...details,
      retryAfterMs: retryAfterMs(raw.headers['retry-after'], now),
    });
  }
  if (status === 409 || envelope.code === 72 || hasErrorCode(envelope, '', 'guidMustBeUnique')) {
    return new DineroApiError('duplicate', text('An item with this Id already exists in Dinero'), details);
  }
  // "Not found" only from Dinero's own JSON error (ledgerItemNotFound, or code 40 on a 404), and only for
  // the Ids it names (withMissingIds narrows them). A proxy's 404 page, or a 404 without Dinero's envelope,
  // says nothing about the item: unclear for a read, unknown for a write.
  const dineroNotFound = isJson && (hasErrorCode(envelope, body, 'ledgerItemNotFound') || (status === 404 && envelope.code === 40));
  if ((status === 400 || status === 404) && dineroNotFound) {
    const missingIds = [...new Set(body.match(UUID) ?? [])].map((id) => id.toLowerCase());
    return new DineroApiError('not_found', text('Dinero does not know this item'), { ...details, missingIds, answer: answerExcerpt(status, body) });
  }
  if (status === 404) {
    return intent === 'write'
      ? new DineroApiError('unknown_outcome', 'Dinero answered 404 without saying what was not found; the change may or may not have been applied', { ...details, answer: answerExcerpt(status, body) })
      : new DineroApiError('unclear', 'Dinero answered 404 without saying what was not found', { ...details, answer: answerExcerpt(status, body) });
  }
  if (envelope.code === 58) {
    return new DineroApiError('stale_version', text('The item changed in Dinero since it was read'), details);
  }
  if (status === 413) {
    return new DineroApiError('validation', 'file too large (Dinero accepts at most 6 MB)', details);
  }
  if (status >= 500 || status === 480) {
    const message = status === 480 ? 'Dinero is browning out this endpoint (480)' : `Dinero had a server error (${status})`;
    return intent === 'write'
      ? new DineroApiError('unknown_outcome', `${message}; the change may or may not have been applied`, details)
      : new DineroApiError('server', message, details);
  }
  if (status >= 400) {
    // A 4xx means Dinero rejected the request before applying it: show its own words to the user.
    return new DineroApiError('validation', text(`Dinero rejected the request (${status})`), {
      ...details,
      fieldErrors: fieldErrorsOf(envelope),
      // Dinero's own words, shown to the user as they came (the message above may be our fallback).
      answer: dineroMessage?.trim() || answerExcerpt(status, body),
    });
  }
  return unreadable(`Unexpected answer from Dinero (${status})`, intent, { status });
}
