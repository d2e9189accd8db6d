// The Visma login channels and who is connected. The login itself is the coordinator's; logging out
// revokes the refresh token at Visma (best effort: an offline till can still log out) and forgets the tokens.
import type { AuthStatus } from '../../../shared/ipc/contract.types';
import type { AppServices, HandlerGroup, ServicesOf } from './handler.types';

export async function authStatus(s: Pick<AppServices, 'tokenStore' | 'settings' | 'session' | 'isSandbox'>): Promise<AuthStatus> {
  const connected = (await s.tokenStore.load()) !== null;
  const settings = s.settings.get();
  const orgId = settings.organizationId;
  return {
    connected,
    user: connected ? s.session.user : null,
    organization:
      connected && orgId !== null
        ? { id: orgId, name: settings.organizationName ?? '', isPro: s.session.proByOrg.get(orgId) ?? true }
        : null,
    sandbox: s.isSandbox,
  };
}

/** The services authHandlers uses, and nothing else (app-core hands over exactly these). */
export const AUTH_DEPS = ['isSandbox', 'logger', 'login', 'oauth', 'session', 'settings', 'tokenStore'] as const;

export function authHandlers(s: ServicesOf<typeof AUTH_DEPS>): HandlerGroup<'auth.startLogin' | 'auth.loginStatus' | 'auth.cancelLogin' | 'auth.logout' | 'auth.status'> {
  return {
    'auth.startLogin': () => s.login.start(),
    'auth.loginStatus': ({ loginId }) => s.login.status(loginId),
    'auth.cancelLogin': ({ loginId }) => s.login.cancel(loginId),
    'auth.status': () => authStatus(s),
    'auth.logout': async () => {
      let refreshToken: string | null = null;
      try {
        refreshToken = (await s.tokenStore.load())?.refreshToken ?? null;
      } catch (error) {
        s.logger.warn('saved Dinero login unreadable at logout; forgetting it', { error: (error as Error).message });
      }
      if (refreshToken !== null) {
        try {
          await s.oauth.revoke(refreshToken);
        } catch (error) {
          s.logger.warn('refresh token revocation failed; forgetting the tokens anyway', { kind: (error as { kind?: string }).kind ?? 'unexpected' });
        }
      }
      await s.tokenStore.clear();
      s.session.user = null;
      s.logger.info('logged out of Dinero');
      return authStatus(s);
    },
  };
}
