// The token broker ([2.7], docs/BROKER.md): Visma Connect only has confidential "web application" clients, so
// the client secret must never ship in the app. The app sends its token and revocation requests here instead;
// the broker checks them, adds the client's credentials the way Visma Connect expects, forwards them, and
// hands back Visma's answer unchanged. It keeps no state beyond per-replica request budgets, and never logs a
// token, a code, a verifier or the secret.
import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { Agent, request } from 'undici';
import type { Clock, Logger } from '../../shared/ports';
import { BodyTooLargeError, mediaType, readBody, remoteAddress, type NodeEnv } from '../http/http-kit';
import type { BrokerConfig } from './broker.config';
import { createRateLimiter } from './rate-limit';

/** RFC 6749 requests are a few hundred bytes; anything near this is not one. */
export const MAX_BODY_BYTES = 8 * 1024;
const FORM = 'application/x-www-form-urlencoded';

export interface BrokerDeps {
  config: BrokerConfig;
  clock: Clock;
  logger: Logger;
}

/** An OAuth error answer in the shape clients already read from Visma Connect. */
function oauthError(c: Context, status: 400 | 405 | 413 | 415 | 429 | 502, error: string, description: string, headers: Record<string, string> = {}): Response {
  return c.json({ error, error_description: description }, status, { 'cache-control': 'no-store', ...headers });
}

export function createBrokerApp(deps: BrokerDeps): Hono<NodeEnv> {
  const { config, clock, logger } = deps;
  // One keep-alive pool towards Visma Connect for the broker's life (undici, the client behind Node's fetch).
  const agent = new Agent({ keepAliveTimeout: 30_000, connections: 64 });
  const perAddress = createRateLimiter(config.ratePerAddress, clock);
  const perRefreshToken = createRateLimiter(config.ratePerRefreshToken, clock);
  const allowedRedirects = new Set(config.redirectUris);
  const basic = `Basic ${Buffer.from(`${encodeURIComponent(config.clientId)}:${encodeURIComponent(config.clientSecret)}`).toString('base64')}`;

  const clientAddress = (c: Context<NodeEnv>): string => {
    if (config.trustProxy) {
      // The balancer appends the address it saw; anything before it the client may have written itself.
      const forwarded = (c.req.header('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean).at(-1);
      if (forwarded) return forwarded;
    }
    return remoteAddress(c) ?? 'unknown';
  };

  /** The form, or an error answer: only form bodies, at most 8 KB, and within the address's budget. */
  async function readForm(c: Context<NodeEnv>): Promise<URLSearchParams | Response> {
    const wait = perAddress.take(clientAddress(c));
    if (wait > 0) return oauthError(c, 429, 'slow_down', 'Too many requests from this address', { 'retry-after': String(wait) });
    if (mediaType(c) !== FORM) return oauthError(c, 415, 'invalid_request', `The body must be ${FORM}`);
    try {
      return new URLSearchParams((await readBody(c, MAX_BODY_BYTES)).toString('utf8'));
    } catch (error) {
      if (error instanceof BodyTooLargeError) return oauthError(c, 413, 'invalid_request', `The body is larger than ${MAX_BODY_BYTES} bytes`);
      throw error;
    }
  }

  /** Forwards to Visma Connect and answers with exactly its status, content type and body. */
  async function forward(c: Context<NodeEnv>, what: string, url: string, body: URLSearchParams, headers: Record<string, string>): Promise<Response> {
    const started = clock.now();
    try {
      const upstream = await request(url, {
        method: 'POST',
        headers: { 'content-type': FORM, accept: 'application/json', ...headers },
        body: body.toString(),
        dispatcher: agent,
        headersTimeout: config.upstreamTimeoutMs,
        bodyTimeout: config.upstreamTimeoutMs,
      });
      const text = await upstream.body.text();
      const status = upstream.statusCode;
      const contentType = upstream.headers['content-type'];
      // One line per request only at debug (BROKER_LOG_LEVEL=debug): the platform's load balancer logs requests too.
      logger.debug('broker forwarded', { what, status, ms: clock.now() - started });
      return new Response(text, {
        status,
        headers: { 'content-type': typeof contentType === 'string' ? contentType : 'application/json', 'cache-control': 'no-store', pragma: 'no-cache' },
      });
    } catch (error) {
      logger.warn('broker could not reach Visma Connect', { what, ms: clock.now() - started, kind: (error as Error).name });
      return oauthError(c, 502, 'temporarily_unavailable', 'Visma Connect did not answer');
    }
  }

  const app = new Hono<NodeEnv>();
  app.get('/health', (c) => c.json({ ok: true }, 200, { 'cache-control': 'no-store' }));

  app.post('/token', async (c) => {
    const form = await readForm(c);
    if (form instanceof Response) return form;
    const clientId = form.get('client_id');
    if (clientId !== null && clientId !== config.clientId) return oauthError(c, 400, 'invalid_client', 'Unknown client_id');
    const grant = form.get('grant_type');
    let fields: Record<string, string>;
    if (grant === 'authorization_code') {
      const code = form.get('code');
      const verifier = form.get('code_verifier');
      const redirectUri = form.get('redirect_uri');
      if (!code || !verifier) return oauthError(c, 400, 'invalid_request', 'code and code_verifier (PKCE) are required');
      if (!redirectUri || !allowedRedirects.has(redirectUri)) return oauthError(c, 400, 'invalid_request', 'redirect_uri is not one of this client\'s');
      fields = { grant_type: grant, code, code_verifier: verifier, redirect_uri: redirectUri };
    } else if (grant === 'refresh_token') {
      const refreshToken = form.get('refresh_token');
      if (!refreshToken) return oauthError(c, 400, 'invalid_request', 'refresh_token is required');
      // Keyed by a hash: the broker never holds a token it could leak.
      const wait = perRefreshToken.take(createHash('sha256').update(refreshToken).digest('base64url'));
      if (wait > 0) return oauthError(c, 429, 'slow_down', 'This refresh token was used too often', { 'retry-after': String(wait) });
      fields = { grant_type: grant, refresh_token: refreshToken };
      const scope = form.get('scope');
      if (scope) fields.scope = scope;
    } else {
      return oauthError(c, 400, 'unsupported_grant_type', 'Only authorization_code and refresh_token are brokered');
    }
    // client_secret_post, as TillBridge sent it when it held the secret itself.
    return forward(c, grant, config.tokenUrl, new URLSearchParams({ ...fields, client_id: config.clientId, client_secret: config.clientSecret }), {});
  });

  app.post('/revoke', async (c) => {
    const form = await readForm(c);
    if (form instanceof Response) return form;
    const clientId = form.get('client_id');
    if (clientId !== null && clientId !== config.clientId) return oauthError(c, 400, 'invalid_client', 'Unknown client_id');
    const token = form.get('token');
    if (!token) return oauthError(c, 400, 'invalid_request', 'token is required');
    const hint = form.get('token_type_hint');
    const body = new URLSearchParams(hint ? { token, token_type_hint: hint } : { token });
    // Visma Connect's revocation takes the client by HTTP Basic (dinero-api.md §1.5).
    return forward(c, 'revocation', config.revocationUrl, body, { authorization: basic });
  });

  app.all('/token', (c) => oauthError(c, 405, 'invalid_request', 'Use POST'));
  app.all('/revoke', (c) => oauthError(c, 405, 'invalid_request', 'Use POST'));
  app.notFound((c) => c.json({ error: 'not_found' }, 404));
  app.onError((error, c) => {
    logger.error('broker failed on a request', { kind: error.name });
    return c.json({ error: 'server_error' }, 500);
  });
  return app;
}
