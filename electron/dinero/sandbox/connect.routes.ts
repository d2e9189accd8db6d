// Visma Connect token side: /connect/token, /connect/revocation, /connect/userinfo, discovery, end session.
import { Hono } from 'hono';
import type { HttpResult, RequestContext, SandboxApp } from './sandbox.http';
import { handle, oauthError, readForm } from './sandbox.http';
import type { SandboxWorld } from './sandbox.world';
import { registeredRedirectUris } from './sandbox.world';
import type { TokenOutcome } from './sandbox.tokens';
import { bearerToken } from './api.guard';
import { ALLOWED_SCOPES, SEED_USERS } from './sandbox.seed';
import { authorize, continueFederated } from './connect.authorize';
import { signedOutPage } from './connect.pages';

interface ClientAuth {
  clientId: string | null;
  secret: string | null;
  viaBasic: boolean;
}

/** Basic (form-urlencoded id:secret, RFC 6749 §2.3.1) wins over client_id/client_secret in the body. */
function clientAuth(ctx: RequestContext, form: URLSearchParams): ClientAuth {
  const header = ctx.header('authorization') ?? '';
  const basic = /^Basic\s+(\S+)$/i.exec(header);
  if (basic) {
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return { clientId: null, secret: null, viaBasic: true };
    try {
      const id = decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' '));
      const secret = decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' '));
      return { clientId: id, secret, viaBasic: true };
    } catch {
      return { clientId: null, secret: null, viaBasic: true };
    }
  }
  return { clientId: form.get('client_id'), secret: form.get('client_secret'), viaBasic: false };
}

function clientOk(world: SandboxWorld, auth: ClientAuth): boolean {
  return auth.clientId === world.options.clientId && auth.secret === world.options.clientSecret;
}

function invalidClient(auth: ClientAuth): HttpResult {
  return oauthError(401, 'invalid_client', undefined, auth.viaBasic ? { 'WWW-Authenticate': 'Basic realm="connect"' } : undefined);
}

async function token(world: SandboxWorld, ctx: RequestContext): Promise<HttpResult> {
  if (ctx.method !== 'POST') return oauthError(405, 'invalid_request', 'POST required');
  const form = await readForm(ctx);
  const auth = clientAuth(ctx, form);
  ctx.clientId = auth.clientId;
  if (!clientOk(world, auth)) return invalidClient(auth);
  const grantType = form.get('grant_type');
  let outcome: TokenOutcome;
  if (grantType === 'authorization_code') {
    const code = form.get('code');
    const redirectUri = form.get('redirect_uri');
    if (!code || !redirectUri) return oauthError(400, 'invalid_request', 'code and redirect_uri are required');
    outcome = world.tokens.redeemCode(code, auth.clientId!, redirectUri, form.get('code_verifier'));
  } else if (grantType === 'refresh_token') {
    const refresh = form.get('refresh_token');
    if (!refresh) return oauthError(400, 'invalid_request', 'refresh_token is required');
    outcome = world.tokens.refresh(refresh, auth.clientId!);
  } else if (!grantType) {
    return oauthError(400, 'invalid_request', 'grant_type is required');
  } else {
    return oauthError(400, 'unsupported_grant_type');
  }
  world.persist();
  if (!outcome.ok) return oauthError(400, outcome.error, outcome.description);
  const t = outcome.value;
  const json: Record<string, unknown> = { access_token: t.accessToken, token_type: 'Bearer', expires_in: t.expiresIn, scope: t.scopes.join(' ') };
  if (t.refreshToken !== null) json.refresh_token = t.refreshToken;
  return { status: 200, headers: { Pragma: 'no-cache' }, json };
}

async function revocation(world: SandboxWorld, ctx: RequestContext): Promise<HttpResult> {
  if (ctx.method !== 'POST') return oauthError(405, 'invalid_request', 'POST required');
  const form = await readForm(ctx);
  const auth = clientAuth(ctx, form);
  ctx.clientId = auth.clientId;
  if (!auth.viaBasic || auth.clientId === null) return oauthError(400, 'invalid_client', 'HTTP Basic client authentication required');
  if (!clientOk(world, auth)) return invalidClient(auth);
  const raw = form.get('token');
  if (!raw) return oauthError(400, 'invalid_request', 'token is required');
  const hint = form.get('token_type_hint');
  if (hint !== null && hint !== 'refresh_token' && hint !== 'access_token') return oauthError(400, 'unsupported_token_type');
  // Only refresh tokens are revocable; an access token (or an unknown token) is accepted and ignored.
  world.tokens.revokeRefreshToken(raw, auth.clientId);
  world.persist();
  return { status: 200, text: '' };
}

function userinfo(world: SandboxWorld, ctx: RequestContext): HttpResult {
  const raw = bearerToken(ctx);
  const found = raw === null ? null : world.tokens.lookupAccess(raw);
  if (!found) return { status: 401, headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' }, text: '' };
  ctx.clientId = found.grant.clientId;
  if (!found.grant.scopes.includes('openid')) return oauthError(403, 'insufficient_scope', 'userinfo needs the openid scope');
  const user = SEED_USERS.find((u) => u.sub === found.grant.userSub)!;
  return { status: 200, json: { sub: user.sub, name: user.name, email: user.email } };
}

function discovery(world: SandboxWorld): HttpResult {
  const base = world.url();
  return {
    status: 200,
    json: {
      issuer: base,
      authorization_endpoint: `${base}/connect/authorize`,
      token_endpoint: `${base}/connect/token`,
      revocation_endpoint: `${base}/connect/revocation`,
      userinfo_endpoint: `${base}/connect/userinfo`,
      end_session_endpoint: `${base}/connect/endsession`,
      scopes_supported: [...ALLOWED_SCOPES],
      response_types_supported: ['code'],
      response_modes_supported: ['query', 'form_post'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      subject_types_supported: ['public'],
    },
  };
}

function endSession(world: SandboxWorld, ctx: RequestContext): HttpResult {
  const back = ctx.query.get('post_logout_redirect_uri');
  if (back && registeredRedirectUris(world).includes(back)) return { status: 302, headers: { Location: back }, text: '' };
  return { status: 200, html: signedOutPage() };
}

/** Visma Connect's endpoints; each checks its own methods and answers in OAuth's error format. */
export function connectRoutes(world: SandboxWorld): SandboxApp {
  const app: SandboxApp = new Hono();
  app.all('/connect/authorize/continue', handle((ctx) => (ctx.method === 'GET' ? continueFederated(world, ctx) : oauthError(405, 'invalid_request'))));
  app.all('/connect/authorize', handle((ctx) => (ctx.method === 'GET' || ctx.method === 'POST' ? authorize(world, ctx) : oauthError(405, 'invalid_request'))));
  app.all('/connect/token', handle((ctx) => token(world, ctx)));
  app.all('/connect/revocation', handle((ctx) => revocation(world, ctx)));
  app.all('/connect/userinfo', handle((ctx) => userinfo(world, ctx)));
  app.all('/connect/endsession', handle((ctx) => endSession(world, ctx)));
  app.all('/.well-known/openid-configuration', handle(() => discovery(world)));
  app.all('/connect/*', handle(() => ({ status: 404, json: { error: 'not_found' } })));
  app.all('/.well-known/*', handle(() => ({ status: 404, json: { error: 'not_found' } })));
  return app;
}
