// The Visma login as a small state machine per attempt: auth.startLogin creates PKCE + state and a pending
// login that expires; the redirect (query or form_post) comes back through completeLogin, which checks the
// state, exchanges the code here in main (the verifier never leaves this process) and stores the tokens.
// Codes, verifiers and tokens are never logged; only the login id and the outcome are.
import type { LoginStatus } from '../../shared/ipc/contract.types';
import type { Clock, IdGenerator, Logger } from '../../shared/ports';
import { isVaultError } from '../auth/token-cipher';
import type { StoredTokens, TokenStore } from '../auth/token-store';
import type { DineroConnection } from '../dinero/client/dinero-connection';
import { createAuthorizationRequest, type VismaConnectClient } from '../dinero/client/visma-connect.client';
import { appFailure } from './app-failure';
import type { LoginWindowOpener } from './app-core.types';

export interface LoginCoordinator {
  start(): { authorizeUrl: string; loginId: string };
  status(loginId: string): LoginStatus;
  cancel(loginId: string): LoginStatus;
  complete(redirect: { url: string; formBody?: string }): Promise<{ ok: boolean; loginId: string | null }>;
}

export interface LoginCoordinatorDeps {
  /** With the redirect URI the shell serves; the same one goes into the token exchange. */
  connection: DineroConnection;
  responseMode: 'query' | 'form_post';
  scopes: readonly string[];
  uiLocales?: () => string | undefined;
  oauth: Pick<VismaConnectClient, 'exchangeCode'>;
  tokenStore: TokenStore;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
  loginWindow?: LoginWindowOpener;
  /** After the tokens are stored; e.g. read who logged in and wake the sync worker. Must not throw. */
  onConnected(tokens: StoredTokens): Promise<void>;
  ttlMs?: number;
}

interface Attempt {
  loginId: string;
  state: string;
  codeVerifier: string;
  expiresAt: number;
  status: LoginStatus;
  /** The code is being exchanged: a second redirect with the same state is ignored. */
  exchanging: boolean;
}

const DEFAULT_TTL_MS = 10 * 60_000;
/** Finished attempts kept so a late poll still gets its answer. */
const KEEP_FINISHED = 20;

function redirectParams(redirect: { url: string; formBody?: string }): URLSearchParams {
  if (redirect.formBody !== undefined) return new URLSearchParams(redirect.formBody);
  try {
    return new URL(redirect.url).searchParams;
  } catch {
    return new URLSearchParams();
  }
}

/** Visma's error_description is shown in logs and the UI; keep it short and printable. */
function cleanText(text: string | null, fallback: string): string {
  const clean = (text ?? '').replace(/[^\x20-\x7e\u00a0-\u024f]/g, ' ').trim().slice(0, 200);
  return clean || fallback;
}

// A function, not an inline comparison: the status changes across the awaited exchange.
const isConnected = (attempt: Attempt): boolean => attempt.status.state === 'connected';

export function createLoginCoordinator(deps: LoginCoordinatorDeps): LoginCoordinator {
  const ttlMs = deps.ttlMs ?? DEFAULT_TTL_MS;
  const attempts = new Map<string, Attempt>();

  function finish(attempt: Attempt, status: LoginStatus): void {
    attempt.status = status;
    attempt.exchanging = false;
    deps.logger.info('visma login ended', { loginId: attempt.loginId, state: status.state, ...(status.state === 'failed' ? { reason: status.reason } : {}) });
    try {
      deps.loginWindow?.close(attempt.loginId);
    } catch (error) {
      deps.logger.warn('login window could not be closed', { loginId: attempt.loginId, error: (error as Error).message });
    }
    const finished = [...attempts.values()].filter((a) => a.status.state !== 'pending');
    for (const old of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) attempts.delete(old.loginId);
  }

  function expireIfDue(attempt: Attempt): void {
    if (attempt.status.state === 'pending' && !attempt.exchanging && deps.clock.now() >= attempt.expiresAt) {
      finish(attempt, { state: 'failed', reason: 'expired', message: 'The login took too long; start it again' });
    }
  }

  function known(loginId: string): Attempt {
    const attempt = attempts.get(loginId);
    if (!attempt) throw appFailure('not_found', 'No such login; start a new one');
    expireIfDue(attempt);
    return attempt;
  }

  async function exchange(attempt: Attempt, code: string): Promise<void> {
    let tokens: StoredTokens;
    try {
      tokens = await deps.oauth.exchangeCode(code, attempt.codeVerifier);
    } catch (error) {
      deps.logger.warn('visma code exchange failed', { loginId: attempt.loginId, kind: (error as { kind?: string }).kind ?? 'unexpected' });
      return finish(attempt, { state: 'failed', reason: 'token_exchange_failed', message: 'Visma Connect did not accept the login; try again' });
    }
    try {
      await deps.tokenStore.save(tokens);
    } catch (error) {
      if (isVaultError(error) && error.code === 'secure_storage_unavailable') {
        return finish(attempt, { state: 'failed', reason: 'secure_storage_unavailable', message: error.message });
      }
      deps.logger.error('the Dinero login could not be stored', { loginId: attempt.loginId, error: (error as Error).message });
      return finish(attempt, { state: 'failed', reason: 'other', message: 'The login could not be saved on this computer' });
    }
    await deps.onConnected(tokens);
    finish(attempt, { state: 'connected' });
  }

  return {
    start() {
      // One login at a time: a new one replaces a pending one (its popup is closed).
      for (const attempt of attempts.values()) if (attempt.status.state === 'pending' && !attempt.exchanging) finish(attempt, { state: 'cancelled' });
      const request = createAuthorizationRequest(deps.connection, { responseMode: deps.responseMode, scopes: deps.scopes, uiLocales: deps.uiLocales?.() });
      const loginId = deps.ids.newId();
      attempts.set(loginId, { loginId, state: request.state, codeVerifier: request.codeVerifier, expiresAt: deps.clock.now() + ttlMs, status: { state: 'pending' }, exchanging: false });
      deps.logger.info('visma login started', { loginId });
      deps.loginWindow?.open(request.url, loginId);
      return { authorizeUrl: request.url, loginId };
    },

    status: (loginId) => known(loginId).status,

    cancel(loginId) {
      const attempt = known(loginId);
      if (attempt.status.state === 'pending' && !attempt.exchanging) finish(attempt, { state: 'cancelled' });
      return attempt.status;
    },

    async complete(redirect) {
      const params = redirectParams(redirect);
      const state = params.get('state');
      const attempt = state === null ? undefined : [...attempts.values()].find((a) => a.state === state);
      if (!attempt) {
        // A redirect we did not ask for (any web page can navigate the browser to the callback with a made-up
        // state, or a login long gone). It is refused and changes nothing: a waiting login goes on waiting for
        // Visma's real answer, which carries its own state.
        const pending = [...attempts.values()].filter((a) => a.status.state === 'pending' && !a.exchanging);
        deps.logger.warn('visma redirect with an unknown state refused', { pending: pending.length });
        return { ok: false, loginId: null };
      }
      expireIfDue(attempt);
      if (attempt.status.state !== 'pending' || attempt.exchanging) return { ok: attempt.status.state === 'connected', loginId: attempt.loginId };
      const error = params.get('error');
      if (error !== null) {
        const reason = error === 'access_denied' ? 'access_denied' : 'other';
        finish(attempt, { state: 'failed', reason, message: cleanText(params.get('error_description'), `Visma Connect answered ${cleanText(error, 'an error')}`) });
        return { ok: false, loginId: attempt.loginId };
      }
      const code = params.get('code');
      if (!code) {
        finish(attempt, { state: 'failed', reason: 'other', message: 'The login answer carried no authorization code' });
        return { ok: false, loginId: attempt.loginId };
      }
      attempt.exchanging = true;
      await exchange(attempt, code);
      return { ok: isConnected(attempt), loginId: attempt.loginId };
    },
  };
}
