// The sandbox's HTTP app on the kit (electron/http/http-kit.ts), loopback only. Order per request: control
// surface (/sandbox/*, never faulted) → offline → latency → queued fault → route → (drop after commit | send)
// → request log.
import { Hono } from 'hono';
import { getPathNoStrict } from 'hono/utils/url';
import type { Clock } from '../../../shared/ports';
import { clientGone, dropConnection, listen, type RunningServer } from '../../http/http-kit';
import type { RequestLogEntry } from './sandbox.types';
import type { Casing, HttpResult, SandboxApp, SandboxContext } from './sandbox.http';
import { BodyTooLargeError, apiError, requestContext, respond } from './sandbox.http';
import type { FaultQueue } from './faults';

export interface ServerParts {
  port: number;
  clock: Clock;
  faults: FaultQueue;
  casing: Casing;
  /** /sandbox/* (mounted there). */
  control: SandboxApp;
  /** Dinero API, Visma Connect and the index page. */
  routes: SandboxApp[];
  quotaExceeded: () => HttpResult;
  /** Real milliseconds before every answer outside /sandbox/* (network distance). */
  latencyMs: () => number;
  log: (entry: RequestLogEntry) => void;
}

const MAX_LOG = 20_000;

/** Trailing slashes are ignored everywhere; the Dinero API's paths (/v1…) are case-insensitive, as Dinero's are. */
function sandboxPath(request: Request): string {
  const path = getPathNoStrict(request);
  return /^\/v1/i.test(path) ? path.toLowerCase() : path;
}

export function createSandboxApp(parts: ServerParts): SandboxApp {
  const app: SandboxApp = new Hono({ getPath: sandboxPath });
  app.use('*', async (c, next) => {
    c.set('casing', parts.casing);
    c.set('ctx', requestContext(c));
    await next();
  });
  app.route('/sandbox', parts.control);
  app.use('*', (c, next) => network(parts, c, next));
  for (const routes of parts.routes) app.route('/', routes);
  app.notFound((c) => respond(c, apiError(404, 40, 'Not found.')));
  app.onError((err, c) => {
    if (err instanceof BodyTooLargeError) return respond(c, apiError(413, 43, 'The request body is too large.'));
    return respond(c, apiError(500, 0, `Sandbox error: ${err.message}`));
  });
  return app;
}

/** What the network and Dinero's own failures do to a request (faults.ts), and the request log. */
async function network(parts: ServerParts, c: SandboxContext, next: () => Promise<void>): Promise<Response | void> {
  const ctx = c.get('ctx');
  const entry: RequestLogEntry = { at: parts.clock.now(), method: ctx.method, path: ctx.path, clientId: null, orgId: null, status: 0 };
  const finish = (status: number) => {
    entry.status = status;
    entry.clientId = ctx.clientId;
    entry.orgId = ctx.orgId;
    parts.log(entry);
  };
  if (parts.faults.offline) {
    finish(0);
    return dropConnection(c);
  }
  // A real wait: it stands for the network between a shop and Dinero, measured by the benchmarks in real time.
  const latency = parts.latencyMs();
  if (latency > 0) await new Promise((r) => setTimeout(r, latency));
  const fault = parts.faults.take(ctx.method, ctx.path);
  if (fault?.kind === 'dropBeforeCommit') {
    finish(0);
    return dropConnection(c);
  }
  if (fault?.kind === 'status500') return sent(apiError(500, 0, 'An unexpected error occurred (injected fault).'));
  if (fault?.kind === 'brownout480') return sent(apiError(480, 0, 'Brownout: this endpoint is being phased out (injected fault).'));
  if (fault?.kind === 'status429') return sent(parts.quotaExceeded());
  await next();
  if (fault?.kind === 'dropAfterCommit') {
    // The write has been applied; the client only sees the connection die.
    finish(0);
    c.res = dropConnection(c);
    return;
  }
  if (fault?.kind === 'slow') {
    // Like a real overloaded server: the request is applied at once, the answer comes late (a real wait,
    // because it exists to exercise the client's own timeout, which runs on real time). A client that gives
    // up meanwhile has an unknown outcome although the write happened, which is what read-back must handle.
    await new Promise((r) => setTimeout(r, fault.delayMs));
    if (clientGone(c)) {
      finish(0);
      return;
    }
  }
  finish(c.res.status);

  function sent(result: HttpResult): Response {
    finish(result.status);
    return respond(c, result);
  }
}

export function startSandboxServer(parts: ServerParts): Promise<RunningServer> {
  return listen(createSandboxApp(parts), { port: parts.port, keepAliveTimeoutMs: 5000 });
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
