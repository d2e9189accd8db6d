// electron-updater's autoUpdater as the update service's port. Plain Node: the autoUpdater is handed in (the
// thin electron-updater.electron.ts adapter passes the real one; tests a fake with the same events), so the
// settings and the event mapping are tested without Electron.
import type { Logger } from '../../shared/ports';
import type { UpdaterEvent } from './update-policy';
import type { UpdaterPort } from './update-service';

/** The part of electron-updater's AppUpdater this app uses. */
export interface AutoUpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  allowPrerelease: boolean;
  logger: { info(message?: unknown): void; warn(message?: unknown): void; error(message?: unknown): void; debug?(message: string): void } | null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- electron-updater's own listener type
  on(event: string, listener: (...args: any[]) => void): unknown;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
}

const text = (message: unknown) => (message instanceof Error ? message.message : String(message));

export function portFromAutoUpdater(updater: AutoUpdaterLike, logger: Logger): UpdaterPort {
  // Downloads by itself in the background; never installs by itself: only the quit path asks, after the
  // core has stopped (update-policy.ts). No downgrades, no prereleases at a till.
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = false;
  updater.allowDowngrade = false;
  updater.allowPrerelease = false;
  updater.logger = {
    info: (m) => logger.info('updater', { message: text(m) }),
    warn: (m) => logger.warn('updater', { message: text(m) }),
    error: (m) => logger.error('updater', { message: text(m) }),
    debug: (m) => logger.debug('updater', { message: m }),
  };
  return {
    async check() {
      await updater.checkForUpdates();
    },
    installOnExit() {
      // Silent (no installer window at the till), and not started again: the next start is the new version.
      updater.quitAndInstall(true, false);
    },
    onEvent(listener: (event: UpdaterEvent) => void) {
      const version = (info: unknown) => String((info as { version?: unknown } | null)?.version ?? '');
      updater.on('checking-for-update', () => listener({ type: 'checking' }));
      updater.on('update-available', (info: unknown) => listener({ type: 'available', version: version(info) }));
      updater.on('update-not-available', () => listener({ type: 'not-available' }));
      updater.on('download-progress', (progress: { percent?: number } | null) => listener({ type: 'progress', percent: Number(progress?.percent ?? 0) }));
      updater.on('update-downloaded', (info: unknown) => listener({ type: 'downloaded', version: version(info) }));
      updater.on('error', () => listener({ type: 'error' }));
    },
  };
}
