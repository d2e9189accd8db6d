// Settings → Dinero: the Visma login (start, open the popup in the browser shell, poll until done), the
// companies to choose from, and disconnecting.
import { create } from 'zustand';
import type { LoginFailureReason, Organization } from '../../shared/ipc/contract.types';
import type { ErrorCode } from '../../shared/ipc/error-codes';
import { api, errorCodeOf } from '../api/api';
import { refreshAuth, refreshSync, setSettings } from './app.store';
import { registerReset } from './store-reset';

export type LoginState =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | { phase: 'waiting'; loginId: string }
  | { phase: 'failed'; reason: LoginFailureReason | 'popup_blocked' | ErrorCode }
  | { phase: 'cancelled' };

interface DineroState {
  login: LoginState;
  orgs: Organization[] | null;
  orgsState: 'idle' | 'loading' | 'ready' | 'error';
  orgsError: ErrorCode | null;
  busy: boolean;
  actionError: ErrorCode | null;
  /** How often the login is polled; tests shorten it. */
  pollMs: number;
}

const initial: DineroState = { login: { phase: 'idle' }, orgs: null, orgsState: 'idle', orgsError: null, busy: false, actionError: null, pollMs: 1000 };

export const useDinero = create<DineroState>(() => ({ ...initial }));
registerReset(() => {
  stopPolling();
  useDinero.setState({ ...initial }, true);
});

let timer: ReturnType<typeof setTimeout> | null = null;
let popup: Window | null = null;

function stopPolling(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
}

export async function loadOrgs(): Promise<void> {
  useDinero.setState({ orgsState: 'loading', orgsError: null });
  try {
    useDinero.setState({ orgs: await api().call('orgs.list', {}), orgsState: 'ready' });
  } catch (error) {
    useDinero.setState({ orgsState: 'error', orgsError: errorCodeOf(error) });
  }
}

export async function startLogin(): Promise<void> {
  if (useDinero.getState().login.phase === 'waiting') return;
  stopPolling();
  useDinero.setState({ login: { phase: 'starting' }, actionError: null });
  try {
    const { authorizeUrl, loginId } = await api().call('auth.startLogin', {});
    // Electron main opens its own popup window; in a browser the page opens a real popup to Visma.
    if (api().shell === 'browser') {
      popup = window.open(authorizeUrl, 'tillbridge-visma-login', 'popup=yes,width=520,height=720');
      if (!popup) {
        await api().call('auth.cancelLogin', { loginId }).catch(() => undefined);
        useDinero.setState({ login: { phase: 'failed', reason: 'popup_blocked' } });
        return;
      }
    }
    useDinero.setState({ login: { phase: 'waiting', loginId } });
    schedulePoll(loginId);
  } catch (error) {
    useDinero.setState({ login: { phase: 'failed', reason: errorCodeOf(error) } });
  }
}

function schedulePoll(loginId: string): void {
  timer = setTimeout(() => void poll(loginId), useDinero.getState().pollMs);
}

async function poll(loginId: string): Promise<void> {
  timer = null;
  const login = useDinero.getState().login;
  if (login.phase !== 'waiting' || login.loginId !== loginId) return;
  try {
    let status = await api().call('auth.loginStatus', { loginId });
    if (status.state === 'pending' && popup?.closed) status = await api().call('auth.cancelLogin', { loginId });
    if (status.state === 'pending') return schedulePoll(loginId);
    popup = null;
    if (status.state === 'connected') {
      useDinero.setState({ login: { phase: 'idle' } });
      await Promise.all([refreshAuth(), loadOrgs(), refreshSync()]);
    } else if (status.state === 'failed') {
      useDinero.setState({ login: { phase: 'failed', reason: status.reason } });
    } else {
      useDinero.setState({ login: { phase: 'cancelled' } });
    }
  } catch (error) {
    useDinero.setState({ login: { phase: 'failed', reason: errorCodeOf(error) } });
  }
}

export async function cancelLogin(): Promise<void> {
  const login = useDinero.getState().login;
  stopPolling();
  popup?.close();
  popup = null;
  useDinero.setState({ login: { phase: 'cancelled' } });
  if (login.phase === 'waiting') await api().call('auth.cancelLogin', { loginId: login.loginId }).catch(() => undefined);
}

async function action(run: () => Promise<void>): Promise<void> {
  useDinero.setState({ busy: true, actionError: null });
  try {
    await run();
  } catch (error) {
    useDinero.setState({ actionError: errorCodeOf(error) });
  } finally {
    useDinero.setState({ busy: false });
  }
}

export function chooseOrg(organizationId: number): Promise<void> {
  return action(async () => {
    setSettings(await api().call('orgs.choose', { organizationId }));
    await Promise.all([refreshAuth(), refreshSync()]);
  });
}

export function logout(): Promise<void> {
  return action(async () => {
    await api().call('auth.logout', {});
    useDinero.setState({ orgs: null, orgsState: 'idle' });
    await Promise.all([refreshAuth(), refreshSync()]);
  });
}
