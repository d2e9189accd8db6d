// The one HTTP kit of TillBridge's servers (the built-in Dinero sandbox, the browser shell, the token broker):
// routes are Hono apps (web-standard Request/Response, one routing style), served by @hono/node-server. This
// module holds the few things every server needs on top: listening (and closing) cleanly, reading a body
// within a limit, dropping a connection without an answer, and the request's media type.
import { createAdaptorServer, type HttpBindings } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { Context, Hono } from 'hono';
export { serveStatic } from '@hono/node-server/serve-static';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The environment of every app served here: the node request and response stay reachable. */
export type NodeEnv = { Bindings: HttpBindings };

export interface RunningServer {
  /** http://<host>:<port> */
  readonly url: string;
  readonly port: number;
  /** Stops listening; idle connections close now, busy ones get `graceMs` to finish, then are cut. */
  close(graceMs?: number): Promise<void>;
}

export interface ListenOptions {
  /** 0 = a free port. */
  port: number;
  /** Default 127.0.0.1: TillBridge's own servers are for this PC only. The broker passes 0.0.0.0. */
  host?: string;
  keepAliveTimeoutMs?: number;
}

export async function listen<E extends NodeEnv>(app: Hono<E>, options: ListenOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  // overrideGlobalObjects: false keeps the process's own Request/Response (Electron main, tests) untouched.
  const server = createAdaptorServer({ fetch: app.fetch, overrideGlobalObjects: false }) as Server;
  if (options.keepAliveTimeoutMs !== undefined) server.keepAliveTimeout = options.keepAliveTimeoutMs;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    close: (graceMs = 0) =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        if (graceMs <= 0) server.closeAllConnections();
        else setTimeout(() => server.closeAllConnections(), graceMs).unref();
      }),
  };
}

export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
  constructor(readonly limit: number) {
    super(`Request body is larger than ${limit} bytes`);
  }
}

const bodies = new WeakMap<Request, Promise<Buffer>>();

/**
 * The whole body, at most `limit` bytes: a declared Content-Length over it is refused before a byte is read, a
 * chunked body as soon as it passes it; rejects with BodyTooLargeError. Read once per request: later calls get
 * the first read, whatever limit they ask for. What is left unread is drained by the node adapter after the
 * answer (up to 64 MB, then the socket is closed), so the client can finish sending and read the 413.
 * (Hono's own bodyLimit middleware re-creates the Request for a chunked body, which fails unless the adapter
 * replaces the process's global Request class; the kit leaves the globals alone.)
 */
export function readBody(c: Context, limit: number): Promise<Buffer> {
  const raw = c.req.raw;
  let body = bodies.get(raw);
  if (body === undefined) {
    body = readWithin(raw, limit);
    bodies.set(raw, body);
  }
  return body;
}

async function readWithin(request: Request, limit: number): Promise<Buffer> {
  const declared = request.headers.get('content-length');
  if (declared !== null && !request.headers.has('transfer-encoding') && Number(declared) > limit) throw new BodyTooLargeError(limit);
  if (request.body === null) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not cancel(): that would destroy the socket before the 413 is written.
      reader.releaseLock();
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

/** The request's media type, lower case without parameters (`application/json; charset=utf-8` → `application/json`). */
export function mediaType(c: Context): string {
  return (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

/** The peer's address as the socket sees it. */
export function remoteAddress<E extends NodeEnv>(c: Context<E>): string | undefined {
  return getConnInfo(c).remote.address;
}

/** Cuts the connection without an answer (what a network failure looks like to the client). */
export function dropConnection<E extends NodeEnv>(c: Context<E>): Response {
  c.env.incoming.socket.destroy();
  return RESPONSE_ALREADY_SENT;
}

/** Whether the client has gone (its socket closed) while the answer was being prepared. */
export function clientGone<E extends NodeEnv>(c: Context<E>): boolean {
  return c.env.incoming.socket.destroyed;
}

export function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}
