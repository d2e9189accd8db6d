// The app before its core exists: the shell answers the renderer while the database opens, and perhaps
// migrates, from this status. app.startup says how far it is; every other channel is refused with
// app_starting (the renderer shows the startup screen and asks again). Once the core is built, the shell hands
// every call to it instead.
import type { StartupStatus } from '../../shared/ipc/contract.types';
import type { Reply } from '../../shared/ipc/error-codes';
import type { MigrationProgress } from '../db/migrations/migrate';
import type { Language } from '../../shared/settings/settings.schema';

export interface StartupTracker {
  /** The migration's progress (the core's open reports it). */
  progress(p: MigrationProgress): void;
  /** The reply to a call that comes before the core exists. */
  answer(channel: string): Reply<unknown>;
}

/** `language` reads the shop's language from its settings (default Danish, as the settings' own default). */
export function createStartupTracker(language: () => Language = () => 'da'): StartupTracker {
  let progress: MigrationProgress | null = null;
  const status = (): StartupStatus => ({ state: progress ? 'migrating' : 'starting', progress, language: language() });
  return {
    progress: (p) => {
      progress = p;
    },
    answer: (channel) =>
      channel === 'app.startup'
        ? { ok: true, value: status() }
        : { ok: false, error: { code: 'app_starting', message: 'TillBridge is still opening its database; ask app.startup until it says ready' } },
  };
}
