// Dispatches /v{1,1.1,1.2}/… Dinero API requests: finds the route, runs the guard, then the handler.
import type { HttpResult, RequestContext } from './sandbox.http';
import { apiError } from './sandbox.http';
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

const ORG_PATH = /^\/(v1|v1\.1|v1\.2)\/(\d{1,12})\/(.+?)\/?$/;
const ORGS_PATH = /^\/(v1|v1\.1)\/organizations\/?$/i;

export function createApiRouter(world: SandboxWorld): (ctx: RequestContext) => Promise<HttpResult> {
  const limiter = new SlidingWindowLimiter(world.options.rateLimitPerMinute, world.clock);
  return async (ctx) => {
    if (ORGS_PATH.test(ctx.path)) {
      if (ctx.method !== 'GET') return apiError(405, 40, 'Method not allowed.');
      // Listing organizations needs a token but no org, so neither the Pro check nor the per-org limit applies.
      const auth = authenticate(world, ctx);
      return auth.ok ? listOrganizations(ctx, auth.grant) : auth.result;
    }
    const match = ORG_PATH.exec(ctx.path);
    if (!match) return apiError(404, 40, 'Not found.');
    const [, version, orgText, rest] = match as unknown as [string, string, string, string];
    const orgId = Number(orgText);
    ctx.orgId = orgId;
    const sameRest = ROUTES.filter((r) => r.rest === rest.toLowerCase() && r.versions.includes(version));
    if (sameRest.length === 0) return apiError(404, 40, 'Not found.');
    const route = sameRest.find((r) => r.method === ctx.method);
    if (!route) return apiError(405, 40, 'Method not allowed.');
    const guard = guardOrg(world, ctx, orgId, limiter);
    if (!guard.ok) return guard.result;
    // Booking progresses lazily on the clock: settle it before anything reads or changes the ledger.
    if (settleBookings(orgState(world, orgId)!, world.clock.now(), world.options.bookingDelayMs)) world.persist();
    return route.handler(world, ctx, orgId);
  };
}
