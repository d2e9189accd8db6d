// The sandbox's part of the HTTP kit (electron/http/http-kit.ts). Routes are Hono routes; their handlers take a
// RequestContext and return an HttpResult instead of a Response, so the server applies the key casing, the
// faults (e.g. drop the connection after the write committed) and the request log in one place.
import type { Context, Hono } from 'hono';
import { readBody, remoteAddress, type NodeEnv } from '../../http/http-kit';

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
  method: string;
  /** The path as the client sent it (the request log shows it so). */
  path: string;
  query: URLSearchParams;
  /** The matched route's parameters (decoded). */
  params: Record<string, string>;
  header(name: string): string | undefined;
  remoteAddress: string | undefined;
  /** Reads the whole body once (electron/http); throws BodyTooLargeError past the limit (JSON_BODY_LIMIT by default). */
  body(limitBytes?: number): Promise<Buffer>;
  /** Filled in by the API guard for the request log. */
  clientId: string | null;
  orgId: number | null;
}

export type Casing = 'pascal' | 'camel';
export type SandboxEnv = NodeEnv & { Variables: { ctx: RequestContext; casing: Casing } };
export type SandboxApp = Hono<SandboxEnv>;
export type SandboxContext = Context<SandboxEnv>;
export type Handler = (ctx: RequestContext) => HttpResult | Promise<HttpResult>;

export { BodyTooLargeError } from '../../http/http-kit';

export const JSON_BODY_LIMIT = 2 * 1024 * 1024;

/** The request as the sandbox's handlers see it; made once per request by the server. */
export function requestContext(c: SandboxContext): RequestContext {
  const url = new URL(c.req.url);
  return {
    method: c.req.method.toUpperCase(),
    path: url.pathname,
    query: url.searchParams,
    params: {},
    header: (name) => c.req.header(name),
    remoteAddress: remoteAddress(c),
    body: (limitBytes = JSON_BODY_LIMIT) => readBody(c, limitBytes),
    clientId: null,
    orgId: null,
  };
}

/** A Hono handler that runs a sandbox handler with the request's context and sends what it returns. */
export function handle(fn: Handler): (c: SandboxContext) => Promise<Response> {
  return async (c) => {
    const ctx = c.get('ctx');
    ctx.params = c.req.param() as Record<string, string>;
    return respond(c, await fn(ctx));
  };
}

const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; form-action *; frame-ancestors 'none'";

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

export function respond(c: SandboxContext, result: HttpResult): Response {
  let body = '';
  const headers = new Headers({ 'Cache-Control': 'no-store' });
  for (const [name, value] of Object.entries(result.headers ?? {})) headers.set(name, value);
  if (result.json !== undefined) {
    const value = result.api && c.get('casing') === 'camel' ? toCamelKeys(result.json) : result.json;
    body = JSON.stringify(value);
    headers.set('Content-Type', 'application/json; charset=utf-8');
  } else if (result.html !== undefined) {
    body = result.html;
    headers.set('Content-Type', 'text/html; charset=utf-8');
    headers.set('Content-Security-Policy', HTML_CSP);
  } else if (result.text !== undefined && result.text !== '') {
    body = result.text;
    headers.set('Content-Type', 'text/plain; charset=utf-8');
  }
  // A 204 or 304 may not even carry an empty body.
  return new Response(NULL_BODY_STATUSES.has(result.status) ? null : body, { status: result.status, headers });
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

export { isLoopback } from '../../http/http-kit';

export async function readForm(ctx: RequestContext): Promise<URLSearchParams> {
  const type = ctx.header('content-type') ?? '';
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
