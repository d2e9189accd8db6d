// /sandbox/*: the control surface for separate-process e2e tests and demos. Served to loopback clients that
// address the sandbox by a loopback host name only (no DNS rebinding), and state-changing calls must be JSON
// (a cross-site form cannot send that without a CORS preflight, which the sandbox never grants).
import { z } from 'zod';
import type { DineroSandbox } from './sandbox.types';
import type { HttpResult, RequestContext } from './sandbox.http';
import { isLoopback, readJson } from './sandbox.http';
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

type Step = (ctx: RequestContext, m: RegExpExecArray, body: unknown) => HttpResult;

export function createControlRouter(world: SandboxWorld, sandbox: DineroSandbox): (ctx: RequestContext) => Promise<HttpResult> {
  const routes: Array<[string, RegExp, Step]> = [
    ['GET', /^\/sandbox\/?$/, () => ({ status: 200, html: indexPage(sandbox) })],
    ['GET', /^\/sandbox\/info$/, () => ok({
      url: sandbox.url, client: sandbox.client, orgs: sandbox.orgs, demoUser: sandbox.demoUser, now: world.clock.now(),
      offline: sandbox.faults.offline, casing: world.options.casing, quirks: sandbox.quirks.list(),
    })],
    ['GET', /^\/sandbox\/kassekladde\/(\d+)$/, (ctx, m) => {
      const items = sandbox.kassekladde(Number(m[1]));
      return ctx.query.get('format') === 'json' ? ok(items) : { status: 200, html: kassekladdePage(Number(m[1]), items) };
    }],
    ['POST', /^\/sandbox\/kassekladde\/(\d+)\/([^/]+)\/book$/, (_c, m) => { sandbox.bookAsAccountant(Number(m[1]), decodeURIComponent(m[2]!)); return ok(); }],
    ['POST', /^\/sandbox\/kassekladde\/(\d+)\/([^/]+)\/delete$/, (_c, m) => { sandbox.deleteAsAccountant(Number(m[1]), decodeURIComponent(m[2]!)); return ok(); }],
    ['GET', /^\/sandbox\/faults$/, () => ok(sandbox.faults.pending())],
    ['POST', /^\/sandbox\/faults$/, (_c, _m, body) => { sandbox.faults.inject(faultSchema.parse(body)); return ok(); }],
    ['DELETE', /^\/sandbox\/faults$/, () => { sandbox.faults.clear(); return ok(); }],
    ['GET', /^\/sandbox\/quirks$/, () => ok(sandbox.quirks.list())],
    ['POST', /^\/sandbox\/quirks$/, (_c, _m, body) => { sandbox.quirks.set(quirksSchema.parse(body)); return ok(sandbox.quirks.list()); }],
    ['DELETE', /^\/sandbox\/quirks$/, () => { sandbox.quirks.clear(); return ok([]); }],
    ['POST', /^\/sandbox\/login-mode$/, (_c, _m, body) => { sandbox.setFederatedLogin(z.object({ federated: z.boolean() }).parse(body).federated); return ok(); }],
    ['POST', /^\/sandbox\/offline$/, (_c, _m, body) => { sandbox.faults.setOffline(z.object({ offline: z.boolean() }).parse(body).offline); return ok(); }],
    ['POST', /^\/sandbox\/accounts\/(\d+)\/(\d+)$/, (_c, m, body) => {
      sandbox.setAccountHidden(Number(m[1]), Number(m[2]), z.object({ hidden: z.boolean() }).parse(body).hidden);
      return ok();
    }],
    ['POST', /^\/sandbox\/tokens$/, (_c, _m, body) => ok(sandbox.issueTokensForTest(tokensSchema.parse(body ?? {})))],
    ['POST', /^\/sandbox\/tokens\/expire-access$/, () => { sandbox.expireAccessTokens(); return ok(); }],
    ['POST', /^\/sandbox\/tokens\/revoke$/, (_c, _m, body) => { sandbox.revokeRefreshToken(z.object({ token: z.string() }).parse(body).token); return ok(); }],
    ['POST', /^\/sandbox\/redirect-uris$/, (_c, _m, body) => { sandbox.registerRedirectUri(z.object({ uri: z.string() }).parse(body).uri); return ok(); }],
    ['POST', /^\/sandbox\/clock\/advance$/, (_c, _m, body) => { sandbox.advanceClock(z.object({ ms: z.number().min(0) }).parse(body).ms); return ok(); }],
    ['GET', /^\/sandbox\/requests$/, () => ok(sandbox.requestLog())],
  ];

  return async (ctx) => {
    if (!isLoopback(ctx.req.socket.remoteAddress) || !hostIsLoopback(ctx.req.headers.host)) return bad('Loopback only', 403);
    const candidates = routes.filter(([, re]) => re.test(ctx.path));
    if (candidates.length === 0) return bad('Not found', 404);
    const route = candidates.find(([method]) => method === ctx.method);
    if (!route) return bad('Method not allowed', 405);
    let body: unknown;
    if (ctx.method !== 'GET') {
      if (!String(ctx.req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) return bad('Content-Type must be application/json', 415);
      const parsed = await readJson(ctx);
      if (!parsed.ok) return bad('Invalid JSON');
      body = parsed.value;
    }
    try {
      return route[2](ctx, route[1].exec(ctx.path)!, body);
    } catch (err) {
      const message = err instanceof z.ZodError ? err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : (err as Error).message;
      return bad(message);
    }
  };
}
