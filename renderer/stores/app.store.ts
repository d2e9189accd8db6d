// App-wide facts: app info, settings, Visma/Dinero connection and the sync status shown in the status bar.
import { create } from 'zustand';
import type { AppInfo, AuthStatus, JournalStatus, SettingsPatch, StartupStatus, SyncStatus, UpdateStatus } from '../../shared/ipc/contract.types';
import type { Settings } from '../../shared/settings/settings.schema';
import { api, errorCodeOf } from '../api/api';
import type { ErrorCode } from '../../shared/ipc/error-codes';
import { setLanguage } from '../i18n/i18n';
import { registerReset } from './store-reset';
import { refreshSession } from './cashier.store';

interface AppState {
  /** 'starting': main is still opening its database (perhaps migrating); `startup` says how far it is. */
  loadState: 'idle' | 'loading' | 'starting' | 'ready' | 'error';
  startup: StartupStatus | null;
  loadError: ErrorCode | null;
  info: AppInfo | null;
  settings: Settings | null;
  auth: AuthStatus | null;
  sync: SyncStatus | null;
  /** The app's own update (Electron); null until asked or when asking failed. */
  update: UpdateStatus | null;
  /** The last sync.status call failed: main itself cannot be reached. */
  syncUnreachable: boolean;
  /** The electronic journal's state (signed or not, the certificate's expiry); null until asked. */
  journal: JournalStatus | null;
}

const initial: AppState = {
  loadState: 'idle',
  startup: null,
  loadError: null,
  info: null,
  settings: null,
  auth: null,
  sync: null,
  update: null,
  syncUnreachable: false,
  journal: null,
};

export const useApp = create<AppState>(() => ({ ...initial }));
registerReset(() => useApp.setState({ ...initial }, true));

function applySettings(settings: Settings): void {
  useApp.setState({ settings });
  setLanguage(settings.language);
}

/** How often the startup screen asks again while main opens (or migrates) its database. */
export const STARTUP_POLL_MS = 250;

export async function loadApp(): Promise<void> {
  useApp.setState({ loadState: useApp.getState().loadState === 'starting' ? 'starting' : 'loading', loadError: null });
  try {
    // The window can open before main's core exists: until it says ready, only this call answers.
    const startup = await api().call('app.startup', {});
    if (startup.state !== 'ready') {
      // The startup screen speaks the shop's language: main reads it from the settings before anything else.
      setLanguage(startup.language);
      useApp.setState({ loadState: 'starting', startup });
      return;
    }
    const [info, settings] = await Promise.all([api().call('app.info', {}), api().call('settings.get', {}), refreshSession()]);
    useApp.setState({ info, loadState: 'ready', startup: null });
    applySettings(settings);
  } catch (error) {
    const code = errorCodeOf(error);
    // Asked in the moment between "ready" and the core taking over: ask again.
    if (code === 'app_starting') useApp.setState((s) => ({ loadState: 'starting', startup: { state: 'starting', progress: null, language: s.startup?.language ?? 'da' } }));
    else useApp.setState({ loadState: 'error', loadError: code });
    return;
  }
  await Promise.all([refreshSync(), refreshAuth(), refreshUpdate(), refreshJournal()]);
}

/** The journal's state (Journal og backup, and the status bar's certificate warning); a failure is the caller's. */
export async function loadJournal(): Promise<void> {
  useApp.setState({ journal: await api().call('journal.status', {}) });
}

/** For the status bar: a failure leaves the last state (the warning is a courtesy; the page shows the error). */
export function refreshJournal(): Promise<void> {
  return loadJournal().catch(() => undefined);
}

/** How often the update status is asked for: it changes over minutes (a download), never in a second. */
export const UPDATE_POLL_MS = 60_000;

/** A failure leaves the last known status: the update line is a courtesy, never a problem to show. */
export async function refreshUpdate(): Promise<void> {
  try {
    useApp.setState({ update: await api().call('app.updateStatus', {}) });
  } catch {
    /* kept as it was */
  }
}

/** Every sync channel answers with the status: show it, or say TillBridge itself could not be reached. */
async function showSync(call: () => Promise<SyncStatus>): Promise<void> {
  try {
    useApp.setState({ sync: await call(), syncUnreachable: false });
  } catch {
    useApp.setState({ syncUnreachable: true });
  }
}

export function refreshSync(): Promise<void> {
  return showSync(() => api().call('sync.status', {}));
}

/** The browser's online/offline events, passed on so the status says so at once and a waiting transfer goes when the network is back. */
export function reportOnline(online: boolean): Promise<void> {
  return showSync(() => api().call('sync.setOnline', { online }));
}

export function retrySyncNow(): Promise<void> {
  return showSync(() => api().call('sync.retryNow', {}));
}

/** The connection is shown where it matters (Settings → Dinero); a failure here just leaves it unknown. */
export async function refreshAuth(): Promise<void> {
  try {
    useApp.setState({ auth: await api().call('auth.status', {}) });
  } catch {
    useApp.setState({ auth: null });
  }
}

/** Throws ApiError (e.g. settings_invalid) and leaves the shown settings as they were. */
export async function updateSettings(patch: SettingsPatch): Promise<Settings> {
  const settings = await api().call('settings.update', patch);
  applySettings(settings);
  return settings;
}

export function setSettings(settings: Settings): void {
  applySettings(settings);
}

/** Dinero is set up enough to queue a transfer: integration on and a company chosen. */
export function dineroReady(settings: Settings | null): boolean {
  return settings !== null && settings.dineroEnabled && settings.organizationId !== null;
}

export function isSandbox(state: Pick<AppState, 'info' | 'sync'>): boolean {
  return state.info?.sandbox === true || state.sync?.sandbox === true;
}
