// The checks every Dinero API call passes, in Dinero's order: bearer token → scope → org access → Pro →
// rate limit (dinero-api.md §9). The first failure decides the response.
import type { GrantRecord } from './sandbox.state';
import type { HttpResult, RequestContext } from './sandbox.http';
import { apiError } from './sandbox.http';
import type { SandboxWorld } from './sandbox.world';
import type { SlidingWindowLimiter } from './rate-limit';
import { SEED_ORGS } from './sandbox.seed';

export type GuardOutcome = { ok: true; grant: GrantRecord } | { ok: false; result: HttpResult };

export function bearerToken(ctx: RequestContext): string | null {
  const header = ctx.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

/** Orgs the grant reaches: the user's own, narrowed by the grant's org list (test tokens). */
export function accessibleOrgIds(grant: GrantRecord): number[] {
  return SEED_ORGS.filter((o) => o.ownerSub === grant.userSub && (grant.orgIds === null || grant.orgIds.includes(o.Id))).map((o) => o.Id);
}

export function authenticate(world: SandboxWorld, ctx: RequestContext): GuardOutcome {
  const raw = bearerToken(ctx);
  const found = raw === null ? null : world.tokens.lookupAccess(raw);
  // Dinero answers a bad or expired token with an empty 401.
  if (!found) return { ok: false, result: { status: 401, headers: { 'WWW-Authenticate': 'Bearer' }, text: '' } };
  ctx.clientId = found.grant.clientId;
  const needed = ctx.method === 'GET' ? 'dineropublicapi:read' : 'dineropublicapi:write';
  if (!found.grant.scopes.includes(needed)) {
    return { ok: false, result: apiError(403, 41, `The access token lacks the scope ${needed}.`) };
  }
  return { ok: true, grant: found.grant };
}

export function guardOrg(world: SandboxWorld, ctx: RequestContext, orgId: number, limiter: SlidingWindowLimiter): GuardOutcome {
  ctx.orgId = orgId;
  const auth = authenticate(world, ctx);
  if (!auth.ok) return auth;
  const org = SEED_ORGS.find((o) => o.Id === orgId);
  if (!org || !accessibleOrgIds(auth.grant).includes(orgId)) {
    return { ok: false, result: apiError(403, 41, 'You do not have access to this organization.') };
  }
  if (!org.IsPro) {
    return { ok: false, result: apiError(403, 90, 'The organization does not have an active Dinero Pro subscription, which is required for API access.') };
  }
  if (!limiter.tryHit(`${auth.grant.clientId}|${orgId}`)) return { ok: false, result: quotaExceeded(world) };
  return auth;
}

export function quotaExceeded(world: SandboxWorld): HttpResult {
  const retry = world.options.retryAfterSeconds;
  return {
    status: 429,
    headers: retry === null ? {} : { 'Retry-After': String(retry) },
    text: `API calls quota exceeded! Maximum admitted ${world.options.rateLimitPerMinute} per 1m.`,
  };
}
