// Small HTTP toolkit of the sandbox. Handlers return an HttpResult instead of writing to the socket, so the
// server can apply casing, faults (e.g. drop the connection after the write committed) and logging in one place.
import type { IncomingMessage } from 'node:http';
import { cachedBodyReader } from '../../http/body-reader';

export interface HttpResult {
  status: number;
  headers?: Record<string, string>;
  /** Serialized as JSON; Dinero API bodies get the configured key casing. */
  json?: unknown;
  text?: string;
  html?: string;
  /** Dinero API JSON (casing applies) vs OAuth JSON (snake_case, never touched). */
  api?: boolean;
}

export interface RequestContext {
  req: IncomingMessage;
  method: string;
  path: string;
  query: URLSearchParams;
  /** Reads the whole body once (cached); throws BodyTooLargeError past the limit. */
  body(limitBytes?: number): Promise<Buffer>;
  /** Filled in by the API guard for the request log. */
  clientId: string | null;
  orgId: number | null;
}

export { BodyTooLargeError } from '../../http/body-reader';

export const JSON_BODY_LIMIT = 2 * 1024 * 1024;

/** The request's body, read once (electron/http/body-reader.ts); JSON bodies up to 2 MB unless asked otherwise. */
export function makeBodyReader(req: IncomingMessage): (limitBytes?: number) => Promise<Buffer> {
  return cachedBodyReader(req, JSON_BODY_LIMIT);
}

/** Dinero's JSON error envelope (dinero-api.md §6.3/§9). */
export function apiError(
  status: number,
  code: number,
  message: string,
  validationErrors: Record<string, string> | null = null,
  errorMessageList: Array<{ Code: string; Message: string }> = [],
): HttpResult {
  return { status, api: true, json: { code, message, validationErrors, errorMessageList } };
}

export function oauthError(status: number, error: string, description?: string, headers?: Record<string, string>): HttpResult {
  return { status, headers, json: description ? { error, error_description: description } : { error } };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

function lowerFirst(key: string): string {
  return key.length > 0 ? key[0]!.toLowerCase() + key.slice(1) : key;
}

/** PascalCase → camelCase for every key, except inside validationErrors, whose keys are field paths (data). */
export function toCamelKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toCamelKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[lowerFirst(k)] = k === 'validationErrors' ? v : toCamelKeys(v);
  }
  return out;
}

/** Case-insensitive property read: Dinero accepts request bodies in any key casing. */
export function prop(obj: unknown, name: string): unknown {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return undefined;
  const wanted = name.toLowerCase();
  for (const [k, v] of Object.entries(obj)) if (k.toLowerCase() === wanted) return v;
  return undefined;
}

export function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

export async function readForm(ctx: RequestContext): Promise<URLSearchParams> {
  const type = String(ctx.req.headers['content-type'] ?? '');
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) return new URLSearchParams();
  return new URLSearchParams((await ctx.body(64 * 1024)).toString('utf8'));
}

export type JsonBody = { ok: true; value: unknown } | { ok: false; result: HttpResult };

export async function readJson(ctx: RequestContext): Promise<JsonBody> {
  const raw = (await ctx.body()).toString('utf8');
  if (raw.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch {
    return { ok: false, result: apiError(400, 42, 'The request body is not valid JSON.', { Body: 'Invalid JSON' }) };
  }
}
