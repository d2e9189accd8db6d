// Visma Connect (OAuth 2 / IdentityServer) as Dinero uses it: authorization code + PKCE (S256) + state,
// refresh with rotation, and revocation. The token endpoint may be a vendor's broker that adds the secret.
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Clock, Logger } from '../../../shared/ports';
import type { StoredTokens } from '../../auth/token-store';
import { DineroApiError } from './dinero-api.error';
import { joinUrl, parseDineroConnection, type DineroConnection } from './dinero-connection';
import { retryAfterMs } from './dinero-response.classify';
import { createHttpCore, type RawResponse } from './http-core';

export const DINERO_SCOPES = ['dineropublicapi:read', 'dineropublicapi:write', 'offline_access'] as const;

export interface AuthorizationRequestOptions {
  scopes?: readonly string[];
  responseMode: 'query' | 'form_post';
  /** e.g. "da-DK" (Dinero's own example sends it). */
  uiLocales?: string;
}

export interface AuthorizationRequest {
  url: string;
  /** Compare with the state on the redirect before using its code. */
  state: string;
  /** Keep in memory until the code is exchanged; never log it. */
  codeVerifier: string;
}

function base64Url(bytes: Buffer): string {
  return bytes.toString('base64url');
}

/** PKCE S256: challenge = BASE64URL(SHA-256(verifier)). */
export function pkceChallenge(codeVerifier: string): string {
  return base64Url(createHash('sha256').update(codeVerifier, 'ascii').digest());
}

export function createAuthorizationRequest(connection: DineroConnection, options: AuthorizationRequestOptions): AuthorizationRequest {
  const conn = parseDineroConnection(connection);
  // 32 random bytes → 43 base64url characters, inside PKCE's 43–128 range.
  const codeVerifier = base64Url(randomBytes(32));
  const state = base64Url(randomBytes(24));
  const params = new URLSearchParams({
    client_id: conn.clientId,
    response_type: 'code',
    redirect_uri: conn.redirectUri,
    scope: (options.scopes ?? DINERO_SCOPES).join(' '),
    state,
    code_challenge: pkceChallenge(codeVerifier),
    code_challenge_method: 'S256',
    response_mode: options.responseMode,
  });
  if (options.uiLocales) params.set('ui_locales', options.uiLocales);
  return { url: `${joinUrl(conn.connectUrl, '/connect/authorize')}?${params.toString()}`, state, codeVerifier };
}

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().regex(/^bearer$/i, 'token_type must be Bearer'),
  expires_in: z.number().int().positive(),
  refresh_token: z.string().min(1).optional(),
  scope: z.string().optional(),
});

const oauthErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

export interface VismaConnectClient {
  exchangeCode(code: string, codeVerifier: string): Promise<StoredTokens>;
  /** Keeps the old refresh token when Visma answers without a new one (re-use mode). */
  refresh(refreshToken: string): Promise<StoredTokens>;
  revoke(refreshToken: string): Promise<void>;
}

export interface VismaConnectClientOptions {
  connection: DineroConnection;
  clock: Clock;
  logger: Logger;
  timeoutMs?: number;
}

export function createVismaConnectClient({ clock, logger, timeoutMs = 20_000, ...options }: VismaConnectClientOptions): VismaConnectClient {
  const connection = parseDineroConnection(options.connection);
  const http = createHttpCore({ timeoutMs, maxBodyBytes: 256 * 1024, logger });
  const formHeaders = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };

  function clientFields(): Record<string, string> {
    const fields: Record<string, string> = { client_id: connection.clientId };
    if (connection.clientSecret) fields.client_secret = connection.clientSecret;
    return fields;
  }

  async function tokenCall(fields: Record<string, string>, fallbackRefresh: string | null): Promise<StoredTokens> {
    // A token call changes state at Visma (a one-time refresh token is consumed), but its caller never
    // replays it blindly, so transport failures are reported like a read's (offline / timeout).
    const raw = await http.send({
      method: 'POST',
      url: connection.tokenUrl,
      intent: 'read',
      headers: formHeaders,
      data: new URLSearchParams({ ...clientFields(), ...fields }).toString(),
    });
    if (raw.status !== 200) throw oauthError(raw, clock.now());
    let json: unknown;
    try {
      json = JSON.parse(raw.body);
    } catch (cause) {
      throw new DineroApiError('bad_response', 'The token answer from Visma Connect is not JSON', { status: raw.status, cause });
    }
    const parsed = tokenResponseSchema.safeParse(json);
    if (!parsed.success) {
      throw new DineroApiError('bad_response', 'The token answer from Visma Connect has an unexpected shape', { status: raw.status, cause: parsed.error });
    }
    const t = parsed.data;
    return {
      accessToken: t.access_token,
      refreshToken: t.refresh_token ?? fallbackRefresh,
      expiresAt: clock.now() + t.expires_in * 1000,
      scope: t.scope ?? '',
    };
  }

  return {
    exchangeCode(code, codeVerifier) {
      return tokenCall({ grant_type: 'authorization_code', code, code_verifier: codeVerifier, redirect_uri: connection.redirectUri }, null);
    },
    refresh(refreshToken) {
      return tokenCall({ grant_type: 'refresh_token', refresh_token: refreshToken }, refreshToken);
    },
    async revoke(refreshToken) {
      // Visma Connect takes the client by HTTP Basic here. Without a secret the URL is a broker's, which adds
      // the client's credentials itself; the client id then goes in the body, as for a public client.
      const fields: Record<string, string> = { token: refreshToken, token_type_hint: 'refresh_token' };
      const headers: Record<string, string> = { ...formHeaders };
      if (connection.clientSecret) {
        headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(connection.clientId)}:${encodeURIComponent(connection.clientSecret)}`).toString('base64')}`;
      } else {
        fields.client_id = connection.clientId;
      }
      const raw = await http.send({
        method: 'POST',
        url: connection.revocationUrl,
        intent: 'read',
        headers,
        data: new URLSearchParams(fields).toString(),
      });
      if (raw.status !== 200) throw oauthError(raw, clock.now());
    },
  };
}

/** invalid_grant (code or refresh token used, revoked or expired) means the user must log in again. */
function oauthError(raw: RawResponse, now: number): DineroApiError {
  let parsed: z.infer<typeof oauthErrorSchema> | undefined;
  try {
    const result = oauthErrorSchema.safeParse(JSON.parse(raw.body));
    parsed = result.success ? result.data : undefined;
  } catch {
    parsed = undefined;
  }
  const status = raw.status;
  if (parsed?.error === 'invalid_grant') {
    return new DineroApiError('reconnect_needed', 'The Dinero login has expired or was withdrawn; log in to Dinero again', { status });
  }
  if (parsed?.error === 'invalid_client' || status === 401) {
    return new DineroApiError('unauthorized', 'Visma Connect did not accept this app (client id or secret)', { status });
  }
  if (status >= 500) return new DineroApiError('server', `Visma Connect had a server error (${status})`, { status });
  if (status === 429) return new DineroApiError('rate_limited', 'Too many requests to Visma Connect', { status, retryAfterMs: retryAfterMs(raw.headers['retry-after'], now) });
  const reason = parsed ? `${parsed.error}${parsed.error_description ? `: ${parsed.error_description}` : ''}` : `HTTP ${status}`;
  return new DineroApiError('validation', `Visma Connect refused the request (${reason})`, { status });
}
