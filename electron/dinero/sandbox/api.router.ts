// The Dinero API's routes (/v{1,1.1,1.2}/…): the route table, then the guard, then the handler.
import { Hono } from 'hono';
import type { HttpResult, RequestContext, SandboxApp } from './sandbox.http';
import { apiError, handle } from './sandbox.http';
import type { SandboxWorld } from './sandbox.world';
import { orgState } from './sandbox.world';
import { settleBookings } from './ledger.store';
import { authenticate, guardOrg } from './api.guard';
import { SlidingWindowLimiter } from './rate-limit';
import { createEntryAccount, listDepositAccounts, listEntryAccounts, listOrganizations, listVatTypes } from './accounts.routes';
import { ledgerRoutes } from './ledger.routes';

export type OrgHandler = (world: SandboxWorld, ctx: RequestContext, orgId: number) => HttpResult | Promise<HttpResult>;

export interface OrgRoute {
  method: string;
  versions: readonly string[];
  /** The path after /v{version}/{orgId}/. */
  rest: string;
  handler: OrgHandler;
}

const ROUTES: readonly OrgRoute[] = [
  { method: 'GET', versions: ['v1'], rest: 'accounts/entry', handler: listEntryAccounts },
  { method: 'POST', versions: ['v1'], rest: 'accounts/entry', handler: createEntryAccount },
  { method: 'GET', versions: ['v1'], rest: 'accounts/deposit', handler: listDepositAccounts },
  { method: 'GET', versions: ['v1'], rest: 'vattypes', handler: (world) => listVatTypes(world) },
  ...ledgerRoutes,
];

const ORG = ':org{[0-9]{1,12}}';

/**
 * The Dinero API under /v{1,1.1,1.2}: the route decides 404 and 405 before anything else (as Dinero does),
 * then the guard (token, scope, org, Pro, rate limit), then the handler. Paths arrive lower-cased (the
 * server's getPath), since Dinero's are case-insensitive.
 */
export function createApiRoutes(world: SandboxWorld): SandboxApp {
  const limiter = new SlidingWindowLimiter(world.options.rateLimitPerMinute, world.clock);
  const app: SandboxApp = new Hono();
  const refuse = (status: 404 | 405) => handle((ctx) => {
    if (ctx.params.org !== undefined) ctx.orgId = Number(ctx.params.org);
    return status === 404 ? apiError(404, 40, 'Not found.') : apiError(405, 40, 'Method not allowed.');
  });
  const notAllowed = refuse(405);
  // Listing organizations needs a token but no org, so neither the Pro check nor the per-org limit applies.
  const organizations = ['/v1/organizations', '/v1.1/organizations'];
  app.on('GET', organizations, handle((ctx) => {
    const auth = authenticate(world, ctx);
    return auth.ok ? listOrganizations(ctx, auth.grant) : auth.result;
  }));
  for (const path of organizations) app.all(path, notAllowed);
  const paths = new Set<string>();
  for (const route of ROUTES) {
    const versioned = route.versions.map((v) => `/${v}/${ORG}/${route.rest}`);
    versioned.forEach((p) => paths.add(p));
    app.on(route.method, versioned, handle((ctx) => {
      const orgId = Number(ctx.params.org);
      const guard = guardOrg(world, ctx, orgId, limiter);
      if (!guard.ok) return guard.result;
      // Booking progresses lazily on the clock: settle it before anything reads or changes the ledger.
      if (settleBookings(orgState(world, orgId)!, world.clock.now(), world.options.bookingDelayMs)) world.persist();
      return route.handler(world, ctx, orgId);
    }));
  }
  for (const path of paths) app.all(path, notAllowed);
  for (const version of ['v1', 'v1.1', 'v1.2']) app.all(`/${version}/${ORG}/*`, refuse(404));
  return app;
}
