// Grants, authorization codes and tokens of the fake Visma Connect. Raw tokens and codes exist only in the
// HTTP responses; the state keeps their SHA-256 hashes, so a leaked state file holds no usable secret.
import { createHash, randomBytes } from 'node:crypto';
import type { Clock, IdGenerator } from '../../../shared/ports';
import type { RefreshTokenMode } from './sandbox.types';
import type { AccessRecord, CodeRecord, GrantRecord, SandboxState } from './sandbox.state';

export interface TokenSettings {
  mode: RefreshTokenMode;
  graceSeconds: number;
  refreshLifetimeDays: number;
  accessLifetimeSeconds: number;
  revokeGrantOnReplay: boolean;
}

export interface TokenResponse {
  accessToken: string;
  refreshToken: string | null;
  expiresIn: number;
  scopes: string[];
  grant: GrantRecord;
}

export type TokenOutcome = { ok: true; value: TokenResponse } | { ok: false; error: 'invalid_grant'; description: string };

const CODE_TTL_MS = 5 * 60 * 1000;
const DAY_MS = 86_400_000;

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function sha256Base64Url(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

const VERIFIER_RE = /^[A-Za-z0-9._~-]{43,128}$/;

export class TokenService {
  constructor(
    private readonly state: () => SandboxState,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly settings: TokenSettings,
  ) {}

  createGrant(clientId: string, userSub: string, scopes: string[], orgIds: number[] | null): GrantRecord {
    const grant: GrantRecord = { id: this.ids.newId(), clientId, userSub, scopes, orgIds, createdAt: this.clock.now(), revoked: false };
    this.state().grants.push(grant);
    return grant;
  }

  /** Mints an access token, plus a refresh token when the grant has offline_access (or `forceRefresh`). */
  issue(grant: GrantRecord, forceRefresh = false): TokenResponse {
    const now = this.clock.now();
    const accessToken = newSecret();
    const access: AccessRecord = { hash: sha256Hex(accessToken), grantId: grant.id, expiresAt: now + this.settings.accessLifetimeSeconds * 1000 };
    this.state().accessTokens.push(access);
    let refreshToken: string | null = null;
    if (forceRefresh || grant.scopes.includes('offline_access')) refreshToken = this.newRefreshToken(grant);
    return { accessToken, refreshToken, expiresIn: this.settings.accessLifetimeSeconds, scopes: grant.scopes, grant };
  }

  private newRefreshToken(grant: GrantRecord): string {
    const raw = newSecret();
    const now = this.clock.now();
    this.state().refreshTokens.push({
      hash: sha256Hex(raw), grantId: grant.id, issuedAt: now, expiresAt: now + this.settings.refreshLifetimeDays * DAY_MS, usedAt: null,
    });
    return raw;
  }

  createCode(input: Omit<CodeRecord, 'hash' | 'expiresAt' | 'consumedAt'>): string {
    const raw = newSecret();
    this.state().codes.push({ ...input, hash: sha256Hex(raw), expiresAt: this.clock.now() + CODE_TTL_MS, consumedAt: null });
    return raw;
  }

  /**
   * Any redemption attempt that finds the code burns it (as IdentityServer does), so a failed PKCE check
   * cannot be retried with another verifier.
   */
  redeemCode(raw: string, clientId: string, redirectUri: string, verifier: string | null): TokenOutcome {
    const code = this.state().codes.find((c) => c.hash === sha256Hex(raw));
    const now = this.clock.now();
    if (!code) return fail('unknown authorization code');
    if (code.consumedAt !== null) return fail('authorization code already used');
    code.consumedAt = now;
    if (code.expiresAt <= now) return fail('authorization code expired');
    if (code.clientId !== clientId) return fail('authorization code was issued to another client');
    if (code.redirectUri !== redirectUri) return fail('redirect_uri does not match the authorize request');
    if (code.codeChallenge !== null) {
      if (verifier === null) return fail('code_verifier required');
      if (!VERIFIER_RE.test(verifier)) return fail('code_verifier malformed');
      if (sha256Base64Url(verifier) !== code.codeChallenge) return fail('code_verifier does not match code_challenge');
    }
    const grant = this.createGrant(clientId, code.userSub, code.scopes, null);
    return { ok: true, value: this.issue(grant) };
  }

  refresh(raw: string, clientId: string): TokenOutcome {
    const state = this.state();
    const record = state.refreshTokens.find((t) => t.hash === sha256Hex(raw));
    const now = this.clock.now();
    if (!record) return fail('unknown refresh token');
    const grant = state.grants.find((g) => g.id === record.grantId);
    if (!grant || grant.revoked) return fail('grant revoked');
    if (grant.clientId !== clientId) return fail('refresh token was issued to another client');
    if (record.expiresAt <= now) return fail('refresh token expired');
    if (this.settings.mode === 'reuse') {
      record.usedAt = now;
      return { ok: true, value: { ...this.issue(grant), refreshToken: raw } };
    }
    if (record.usedAt !== null) {
      // Within the grace period a used one-time token still works and yields a FRESH pair: the sandbox keeps
      // only hashes, so it cannot hand back the pair issued on first use (and that pair stays valid too).
      if (now - record.usedAt <= this.settings.graceSeconds * 1000) return { ok: true, value: this.issue(grant, true) };
      if (this.settings.revokeGrantOnReplay) grant.revoked = true;
      return fail('refresh token already used');
    }
    record.usedAt = now;
    return { ok: true, value: this.issue(grant, true) };
  }

  /** Revokes a refresh token's whole grant. Unknown tokens are ignored (RFC 7009 answers 200 regardless). */
  revokeRefreshToken(raw: string, clientId: string | null): void {
    const state = this.state();
    const record = state.refreshTokens.find((t) => t.hash === sha256Hex(raw));
    if (!record) return;
    const grant = state.grants.find((g) => g.id === record.grantId);
    if (!grant || (clientId !== null && grant.clientId !== clientId)) return;
    grant.revoked = true;
  }

  /** Access tokens are not revocable; they stay valid until they expire even when their grant is revoked. */
  lookupAccess(raw: string): { access: AccessRecord; grant: GrantRecord } | null {
    const state = this.state();
    const access = state.accessTokens.find((t) => t.hash === sha256Hex(raw));
    if (!access || access.expiresAt <= this.clock.now()) return null;
    const grant = state.grants.find((g) => g.id === access.grantId);
    return grant ? { access, grant } : null;
  }

  expireAccessTokens(): void {
    const now = this.clock.now();
    for (const t of this.state().accessTokens) t.expiresAt = Math.min(t.expiresAt, now);
  }
}

function fail(description: string): TokenOutcome {
  return { ok: false, error: 'invalid_grant', description };
}
