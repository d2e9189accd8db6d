// The node:http server: loopback only. Order per request: control surface (never faulted) → offline →
// queued fault → route → (drop after commit | send) → request log.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Clock } from '../../../shared/ports';
import type { RequestLogEntry } from './sandbox.types';
import type { HttpResult, RequestContext } from './sandbox.http';
import { BodyTooLargeError, apiError, makeBodyReader, toCamelKeys } from './sandbox.http';
import type { FaultQueue } from './faults';

export type Handler = (ctx: RequestContext) => Promise<HttpResult>;

export interface ServerParts {
  clock: Clock;
  faults: FaultQueue;
  casing: 'pascal' | 'camel';
  control: Handler;
  /** Dinero API + Visma Connect. */
  main: Handler;
  quotaExceeded: () => HttpResult;
  /** Real milliseconds before every answer outside /sandbox/* (network distance). */
  latencyMs: () => number;
  log: (entry: RequestLogEntry) => void;
}

const MAX_LOG = 20_000;

export function createSandboxServer(parts: ServerParts): Server {
  const server = createServer((req, res) => {
    handle(parts, req, res).catch(() => {
      if (!res.headersSent) send(res, { status: 500, text: 'Sandbox internal error' }, parts.casing);
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5000;
  return server;
}

async function handle(parts: ServerParts, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = (req.method ?? 'GET').toUpperCase();
  const ctx: RequestContext = { req, method, path: url.pathname, query: url.searchParams, body: makeBodyReader(req), clientId: null, orgId: null };
  if (url.pathname === '/sandbox' || url.pathname.startsWith('/sandbox/')) {
    send(res, await safely(parts.control, ctx), parts.casing);
    return;
  }
  const entry: RequestLogEntry = { at: parts.clock.now(), method, path: url.pathname, clientId: null, orgId: null, status: 0 };
  const finish = (status: number) => {
    entry.status = status;
    entry.clientId = ctx.clientId;
    entry.orgId = ctx.orgId;
    parts.log(entry);
  };
  if (parts.faults.offline) {
    req.socket.destroy();
    finish(0);
    return;
  }
  // A real wait: it stands for the network between a shop and Dinero, measured by the benchmarks in real time.
  const latency = parts.latencyMs();
  if (latency > 0) await new Promise((r) => setTimeout(r, latency));
  const fault = parts.faults.take(method, url.pathname);
  if (fault?.kind === 'dropBeforeCommit') {
    req.socket.destroy();
    finish(0);
    return;
  }
  let result: HttpResult;
  if (fault?.kind === 'status500') result = apiError(500, 0, 'An unexpected error occurred (injected fault).');
  else if (fault?.kind === 'brownout480') result = apiError(480, 0, 'Brownout: this endpoint is being phased out (injected fault).');
  else if (fault?.kind === 'status429') result = parts.quotaExceeded();
  else result = await safely(parts.main, ctx);
  if (fault?.kind === 'dropAfterCommit') {
    // The write above has been applied; the client only sees the connection die.
    req.socket.destroy();
    finish(0);
    return;
  }
  if (fault?.kind === 'slow') {
    // Like a real overloaded server: the request is applied at once, the answer comes late (a real wait,
    // because it exists to exercise the client's own timeout, which runs on real time). A client that gives
    // up meanwhile has an unknown outcome although the write happened, which is what read-back must handle.
    await new Promise((r) => setTimeout(r, fault.delayMs));
    if (req.socket.destroyed) {
      finish(0);
      return;
    }
  }
  send(res, result, parts.casing);
  finish(result.status);
}

async function safely(handler: Handler, ctx: RequestContext): Promise<HttpResult> {
  try {
    return await handler(ctx);
  } catch (err) {
    if (err instanceof BodyTooLargeError) return apiError(413, 43, 'The request body is too large.');
    return apiError(500, 0, `Sandbox error: ${(err as Error).message}`);
  }
}

function send(res: ServerResponse, result: HttpResult, casing: 'pascal' | 'camel'): void {
  let body = '';
  let type: string | null = null;
  if (result.json !== undefined) {
    const value = result.api && casing === 'camel' ? toCamelKeys(result.json) : result.json;
    body = JSON.stringify(value);
    type = 'application/json; charset=utf-8';
  } else if (result.html !== undefined) {
    body = result.html;
    type = 'text/html; charset=utf-8';
  } else if (result.text !== undefined && result.text !== '') {
    body = result.text;
    type = 'text/plain; charset=utf-8';
  }
  const headers: Record<string, string | number> = { 'Cache-Control': 'no-store', ...result.headers, 'Content-Length': Buffer.byteLength(body) };
  if (type) headers['Content-Type'] = type;
  if (result.html !== undefined) {
    headers['Content-Security-Policy'] = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; form-action *; frame-ancestors 'none'";
  }
  res.writeHead(result.status, headers);
  res.end(body);
}

export function boundedLog(): { push(e: RequestLogEntry): void; entries(): ReadonlyArray<RequestLogEntry> } {
  const entries: RequestLogEntry[] = [];
  return {
    push(e) {
      entries.push(e);
      if (entries.length > MAX_LOG) entries.splice(0, entries.length - MAX_LOG);
    },
    entries: () => entries,
  };
}
