// settings.get / settings.update, app.info, app.startup, sync.status / sync.retryNow: thin, each answered by one service.
import type { HandlerGroup, ServicesOf } from './handler.types';

/** The services settingsHandlers uses, and nothing else (app-core hands over exactly these). */
export const SETTINGS_DEPS = ['appVersion', 'isSandbox', 'journal', 'session', 'settings', 'shell', 'supportFile', 'updates', 'worker'] as const;

export function settingsHandlers(s: ServicesOf<typeof SETTINGS_DEPS>): HandlerGroup<'settings.get' | 'settings.update' | 'app.info' | 'app.startup' | 'app.updateStatus' | 'support.createFile'> {
  return {
    'settings.get': () => s.settings.get(),
    // The settings service validates the merged whole and writes nothing on any issue (settings_invalid).
    // A change is a journal event naming what changed (the names of the settings, not their values).
    'settings.update': (patch) => {
      const saved = s.settings.update(patch);
      s.journal.record({ type: 'settings_changed', data: { changed: Object.keys(patch).sort() } });
      return saved;
    },
    'app.info': () => ({ version: s.appVersion, sandbox: s.isSandbox, language: s.settings.get().language, shell: s.shell }),
    // The core answers only once its database is open: before that the shell's startup status answers (startup-status.ts).
    'app.startup': () => ({ state: 'ready', progress: null, language: s.settings.get().language }),
    'app.updateStatus': () => s.updates.status(),
    'support.createFile': () => s.supportFile(),
  };
}

/** The services syncHandlers uses, and nothing else (app-core hands over exactly these). */
export const SYNC_DEPS = ['session', 'setOnline', 'worker'] as const;

export function syncHandlers(s: ServicesOf<typeof SYNC_DEPS>): HandlerGroup<'sync.status' | 'sync.retryNow' | 'sync.setOnline'> {
  return {
    'sync.status': () => s.worker.syncStatus(),
    'sync.retryNow': () => {
      // "Try again now": waits for the network end now (when the PC is online) and transfers waiting for the
      // user get another go; the worker's loop is woken either way.
      if (s.session.online) s.worker.setOnline(true);
      s.worker.recheck();
      return s.worker.syncStatus();
    },
    'sync.setOnline': ({ online }) => {
      s.setOnline(online);
      return s.worker.syncStatus();
    },
  };
}
