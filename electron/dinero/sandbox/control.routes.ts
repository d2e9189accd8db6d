// /sandbox/*: the control surface for separate-process e2e tests and demos. Served to loopback clients that
// address the sandbox by a loopback host name only (no DNS rebinding), and state-changing calls must be JSON
// (a cross-site form cannot send that without a CORS preflight, which the sandbox never grants).
import { z } from 'zod';
import type { DineroSandbox } from './sandbox.types';
import { Hono } from 'hono';
import type { HttpResult, RequestContext, SandboxApp } from './sandbox.http';
import { handle, isLoopback, readJson, respond } from './sandbox.http';
import type { SandboxWorld } from './sandbox.world';
import { indexPage, kassekladdePage } from './control.pages';
import { QUIRK_NAMES } from './quirks';

const faultSchema = z.object({
  kind: z.enum(['status500', 'brownout480', 'dropAfterCommit', 'dropBeforeCommit', 'slow', 'status429']),
  times: z.number().int().min(1).optional(),
  method: z.string().optional(),
  path: z.string().optional(),
  delayMs: z.number().int().min(0).max(120_000).optional(),
});
const quirksSchema = z.partialRecord(z.enum(QUIRK_NAMES), z.boolean());
const tokensSchema = z.object({ scopes: z.array(z.string()).optional(), orgIds: z.array(z.number().int()).optional() });

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

function hostIsLoopback(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]!;
  return LOOPBACK_HOSTS.includes(name.toLowerCase());
}

const ok = (json: unknown = { ok: true }): HttpResult => ({ status: 200, json });
const bad = (message: string, status = 400): HttpResult => ({ status, json: { ok: false, error: message } });

type Step = (ctx: RequestContext, body: unknown) => HttpResult;

/** The /sandbox routes (mounted there by the server, before the faults, which never touch them). */
export function createControlRoutes(world: SandboxWorld, sandbox: DineroSandbox): SandboxApp {
  const org = (ctx: RequestContext) => Number(ctx.params.org);
  const routes: Array<[method: string, path: string, step: Step]> = [
    ['GET', '/', () => ({ status: 200, html: indexPage(sandbox) })],
    ['GET', '/info', () => ok({
      url: sandbox.url, client: sandbox.client, orgs: sandbox.orgs, demoUser: sandbox.demoUser, now: world.clock.now(),
      offline: sandbox.faults.offline, casing: world.options.casing, quirks: sandbox.quirks.list(),
    })],
    ['GET', '/kassekladde/:org{[0-9]+}', (ctx) => {
      const items = sandbox.kassekladde(org(ctx));
      return ctx.query.get('format') === 'json' ? ok(items) : { status: 200, html: kassekladdePage(org(ctx), items) };
    }],
    ['POST', '/kassekladde/:org{[0-9]+}/:item/book', (ctx) => { sandbox.bookAsAccountant(org(ctx), ctx.params.item!); return ok(); }],
    ['POST', '/kassekladde/:org{[0-9]+}/:item/delete', (ctx) => { sandbox.deleteAsAccountant(org(ctx), ctx.params.item!); return ok(); }],
    ['GET', '/faults', () => ok(sandbox.faults.pending())],
    ['POST', '/faults', (_c, body) => { sandbox.faults.inject(faultSchema.parse(body)); return ok(); }],
    ['DELETE', '/faults', () => { sandbox.faults.clear(); return ok(); }],
    ['GET', '/quirks', () => ok(sandbox.quirks.list())],
    ['POST', '/quirks', (_c, body) => { sandbox.quirks.set(quirksSchema.parse(body)); return ok(sandbox.quirks.list()); }],
    ['DELETE', '/quirks', () => { sandbox.quirks.clear(); return ok([]); }],
    ['POST', '/login-mode', (_c, body) => { sandbox.setFederatedLogin(z.object({ federated: z.boolean() }).parse(body).federated); return ok(); }],
    ['POST', '/offline', (_c, body) => { sandbox.faults.setOffline(z.object({ offline: z.boolean() }).parse(body).offline); return ok(); }],
    ['POST', '/accounts/:org{[0-9]+}/:account{[0-9]+}', (ctx, body) => {
      sandbox.setAccountHidden(org(ctx), Number(ctx.params.account), z.object({ hidden: z.boolean() }).parse(body).hidden);
      return ok();
    }],
    ['POST', '/tokens', (_c, body) => ok(sandbox.issueTokensForTest(tokensSchema.parse(body ?? {})))],
    ['POST', '/tokens/expire-access', () => { sandbox.expireAccessTokens(); return ok(); }],
    ['POST', '/tokens/revoke', (_c, body) => { sandbox.revokeRefreshToken(z.object({ token: z.string() }).parse(body).token); return ok(); }],
    ['POST', '/redirect-uris', (_c, body) => { sandbox.registerRedirectUri(z.object({ uri: z.string() }).parse(body).uri); return ok(); }],
    ['POST', '/clock/advance', (_c, body) => { sandbox.advanceClock(z.object({ ms: z.number().min(0) }).parse(body).ms); return ok(); }],
    ['GET', '/requests', () => ok(sandbox.requestLog())],
  ];

  const app: SandboxApp = new Hono({ strict: false });
  app.use('*', async (c, next) => {
    const ctx = c.get('ctx');
    if (!isLoopback(ctx.remoteAddress) || !hostIsLoopback(ctx.header('host'))) return respond(c, bad('Loopback only', 403));
    return next();
  });
  for (const [method, path, step] of routes) {
    app.on(method, path, handle(async (ctx) => {
      let body: unknown;
      if (ctx.method !== 'GET') {
        if (!(ctx.header('content-type') ?? '').toLowerCase().startsWith('application/json')) return bad('Content-Type must be application/json', 415);
        const parsed = await readJson(ctx);
        if (!parsed.ok) return bad('Invalid JSON');
        body = parsed.value;
      }
      try {
        return step(ctx, body);
      } catch (err) {
        const message = err instanceof z.ZodError ? err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : (err as Error).message;
        return bad(message);
      }
    }));
  }
  // A known path with another method is 405; anything else under /sandbox is 404.
  for (const path of new Set(routes.map(([, p]) => p))) app.all(path, (c) => respond(c, bad('Method not allowed', 405)));
  app.all('*', (c) => respond(c, bad('Not found', 404)));
  return app;
}
