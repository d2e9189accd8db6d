// Hands out a valid access token. Refreshes shortly before expiry, and after a 401, with ONE refresh shared
// by all concurrent callers: Visma's one-time refresh tokens die when exchanged twice, which would force the
// user to log in again. The rotated refresh token is saved before the new access token is handed out, so a
// crash right after a refresh never loses it.
//
// On invalid_grant the stored tokens are NOT cleared: the app shows "reconnect Dinero" and the next login
// overwrites them. The dead refresh token is remembered in memory so we do not keep sending it to Visma
// (many 400s count against an integration).
import type { Clock, Logger } from '../../../shared/ports';
import type { StoredTokens, TokenStore } from '../../auth/token-store';
import { DineroApiError, isDineroApiError } from './dinero-api.error';
import type { VismaConnectClient } from './visma-connect.client';

export interface TokenManager {
  /** A valid access token; refreshes first when it expires within the refresh margin. */
  getAccessToken(): Promise<string>;
  /**
   * The API answered 401 to `rejectedToken`. Returns a newer token: the one another caller already got, or
   * the result of one shared refresh. Throws reconnect_needed when refreshing is impossible.
   */
  renewAfterUnauthorized(rejectedToken: string): Promise<string>;
}

export interface TokenManagerOptions {
  store: TokenStore;
  oauth: Pick<VismaConnectClient, 'refresh'>;
  clock: Clock;
  logger: Logger;
  /** Refresh when the access token has less than this left (default 60 s). */
  refreshMarginMs?: number;
}

export function createTokenManager({ store, oauth, clock, logger, refreshMarginMs = 60_000 }: TokenManagerOptions): TokenManager {
  let inflight: Promise<StoredTokens> | null = null;
  const deadRefreshTokens = new Set<string>();

  const isFresh = (t: StoredTokens) => t.expiresAt - refreshMarginMs > clock.now();

  async function loadOrReconnect(): Promise<StoredTokens> {
    const tokens = await store.load();
    if (!tokens) throw new DineroApiError('reconnect_needed', 'Not logged in to Dinero; log in to connect');
    return tokens;
  }

  async function refresh(seenAccessToken: string): Promise<StoredTokens> {
    // Re-read inside the single flight: a caller that loaded the tokens just before an earlier refresh
    // finished must use its result, not exchange the already consumed refresh token again.
    const latest = await loadOrReconnect();
    if (latest.accessToken !== seenAccessToken && isFresh(latest)) return latest;
    const refreshToken = latest.refreshToken;
    if (!refreshToken) throw new DineroApiError('reconnect_needed', 'The Dinero login has no refresh token; log in to Dinero again');
    if (deadRefreshTokens.has(refreshToken)) {
      throw new DineroApiError('reconnect_needed', 'The Dinero login has expired or was withdrawn; log in to Dinero again');
    }
    let next: StoredTokens;
    try {
      next = await oauth.refresh(refreshToken);
    } catch (error) {
      if (isDineroApiError(error, 'reconnect_needed')) deadRefreshTokens.add(refreshToken);
      logger.warn('dinero token refresh failed', { kind: isDineroApiError(error) ? error.kind : 'unexpected' });
      throw error;
    }
    await store.save(next);
    logger.info('dinero token refreshed', { expiresAt: new Date(next.expiresAt).toISOString() });
    return next;
  }

  function sharedRefresh(seenAccessToken: string): Promise<StoredTokens> {
    if (!inflight) {
      inflight = refresh(seenAccessToken).finally(() => {
        inflight = null;
      });
    }
    return inflight;
  }

  return {
    async getAccessToken() {
      if (inflight) return (await inflight).accessToken;
      const tokens = await loadOrReconnect();
      if (isFresh(tokens)) return tokens.accessToken;
      return (await sharedRefresh(tokens.accessToken)).accessToken;
    },
    async renewAfterUnauthorized(rejectedToken) {
      return (await sharedRefresh(rejectedToken)).accessToken;
    },
  };
}
