// Puts the Electron app together (design §2, §3, §8, §9). Order matters:
//   before 'ready': the single-instance lock, the app scheme declaration, the configuration (a bad one stops
//   here with a dialog naming what is missing);
//   after 'ready': session hardening, the renderer scheme, the data folder and log, the built-in sandbox
//   (demo mode), the update service, the core with electron-store settings and the safeStorage token vault,
//   the one IPC handler, the online watcher, the graceful quit, then the window, the sync worker and the
//   first look for an update. On quit a downloaded update installs after the core has stopped.
import { createStartupTracker } from '../app/startup-status';
import { app, dialog, net, session, type BrowserWindow } from 'electron';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock } from '../../shared/ports';
import { createAppCore } from '../app/app-core';
import type { AppCore } from '../app/app-core.types';
import { startBuiltInSandbox, type BuiltInSandbox } from '../app/built-in-sandbox';
import { createEncryptedFileTokenStore } from '../auth/encrypted-file.token-store';
import { createSafeStorageCipher } from '../auth/safe-storage.electron';
import { loadAppConfig, type AppConfig } from '../config/app-config';
import { dataPaths } from '../config/data-paths';
import { createLogger, type RootLogger } from '../log/logger';
import { createElectronSettingsBackend } from '../settings/settings-store.electron';
import { createSettingsService } from '../settings/settings.service';
import { declareAppScheme, serveAppScheme } from './app-protocol.electron';
import { registerInvokeHandler } from './ipc-handle.electron';
import { createLoginPopupOpener } from './login-popup.electron';
import { createMainWindow } from './main-window.electron';
import { watchOnline } from './online-watcher';
import { createQuitGuard, type QuitStep } from './quit-guard';
import { hardenMainSession } from './session-hardening.electron';
import { startupFailureMessage } from './startup-failure';
import type { Logger } from '../../shared/ports';
import { createElectronUpdater } from '../update/electron-updater.electron';
import { createUpdateService, type UpdaterPort } from '../update/update-service';

/** The demo sandbox's redirect URI. Nothing listens there: the login popup catches it before it loads. */
export const SANDBOX_REDIRECT_URI = 'http://127.0.0.1:8765/callback';

export interface ElectronShellOptions {
  /** The updater (default: electron-updater in a packaged app, none in development). Tests pass a fake. */
  updater?: (logger: Logger) => UpdaterPort | null;
}

export interface ElectronShell {
  core: AppCore;
  config: AppConfig;
  mainWindow(): BrowserWindow | null;
}

function fail(error: unknown, logFile: string | null): void {
  const message = startupFailureMessage(error, logFile);
  process.stderr.write(`${message.title}\n${message.body}\n`);
  // showErrorBox is the one dialog allowed before 'ready' (on Linux it then only prints to stderr).
  dialog.showErrorBox(message.title, message.body);
  app.exit(1);
}

/** Resolves with null when this is a second instance or the app could not start (it is exiting then). */
export async function startElectronShell(options: ElectronShellOptions = {}): Promise<ElectronShell | null> {
  // A second TillBridge would open the same SQLite file and race the first one's transfers.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  declareAppScheme();
  let config: AppConfig;
  try {
    config = loadAppConfig(process.env, { defaultDataDir: app.getPath('userData') });
  } catch (error) {
    fail(error, null);
    return null;
  }

  await app.whenReady();
  const paths = dataPaths(config.dataDir);
  let root: RootLogger | null = null;
  let sandbox: BuiltInSandbox | null = null;
  try {
    mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    root = createLogger({ file: paths.logFile, level: 'info', clock: systemClock, stderr: !app.isPackaged });
    const log = root.child('electron-shell');
    hardenMainSession(session.defaultSession);
    serveAppScheme(join(app.getAppPath(), 'dist', 'renderer'));

    sandbox = config.dinero.mode === 'sandbox' ? await startBuiltInSandbox(config.dataDir, SANDBOX_REDIRECT_URI, { logger: root.child('sandbox') }) : null;
    const dinero = sandbox ? sandbox.connection : (config.dinero as Extract<AppConfig['dinero'], { mode: 'real' }>).connection;

    let mainWindow: BrowserWindow | null = null;
    // The popup needs the core and the core needs the popup opener: the opener reaches the core late.
    let core: AppCore | null = null;
    const loginWindow = createLoginPopupOpener({
      connectUrl: dinero.connectUrl,
      redirectUri: dinero.redirectUri,
      parent: () => mainWindow,
      complete: async (redirect) => core?.completeLogin(redirect),
      cancel: async (loginId) => core?.dispatch('auth.cancelLogin', { loginId }),
      logger: root.child('login-popup'),
    });
    // Until the core exists its database may be migrating: an install must not cut that off either.
    const updates = createUpdateService({
      updater: (options.updater ?? ((logger) => (app.isPackaged ? createElectronUpdater(logger) : null)))(root.child('updater')),
      currentVersion: app.getVersion(),
      clock: systemClock,
      activity: () => (core ? core.activity() : ['migration']),
      logger: root.child('updates'),
    });
    // The window opens at once and the contract answers from the first moment: until the core exists (its
    // database opening, perhaps migrating for minutes) the page hears how far the start is (startup-status.ts).
    const settingsBackend = createElectronSettingsBackend(paths.settingsDir, { logger: log });
    const startup = createStartupTracker(() => createSettingsService(settingsBackend, { logger: log }).get().language);
    registerInvokeHandler({
      mainWebContentsId: () => mainWindow?.webContents.id ?? null,
      dispatch: (channel, input) => (core ? core.dispatch(channel, input) : Promise.resolve(startup.answer(channel))),
      logger: root.child('ipc'),
    });
    const openWindow = () => {
      mainWindow = createMainWindow({ preloadPath: join(app.getAppPath(), 'dist', 'electron', 'preload.cjs'), isPackaged: app.isPackaged, logger: log });
      mainWindow.on('closed', () => (mainWindow = null));
    };
    openWindow();
    const liveCore = await createAppCore({
      config,
      shell: 'electron',
      dinero,
      settingsBackend,
      // No plaintext fallback: without an OS keyring the vault refuses to save and the login says why.
      tokenStore: createEncryptedFileTokenStore({ file: paths.tokenFile, cipher: createSafeStorageCipher(), logger: root.child('token-vault') }),
      keyCipher: createSafeStorageCipher(),
      appVersion: app.getVersion(),
      logger: root.child('core'),
      loginWindow,
      // What Dinero's own integrations use; keeps the code out of URLs and history.
      responseMode: 'form_post',
      updates,
      // Where a shop owner finds it to attach to an e-mail.
      supportDir: app.getPath('downloads'),
      runtimeVersions: { electron: process.versions.electron ?? '', chrome: process.versions.chrome ?? '' },
      onMigrationProgress: startup.progress,
    });
    core = liveCore;
    const online = watchOnline({ isOnline: () => net.isOnline(), setOnline: (value) => liveCore.setOnline(value) });

    const logRoot = root;
    const openSandbox = sandbox;
    let coreStopped = false;
    const steps: QuitStep[] = [
      { name: 'online watcher', run: () => online.stop() },
      { name: 'update checks', run: () => updates.stop() },
      {
        name: 'core',
        run: async () => {
          await liveCore.stop();
          coreStopped = true;
        },
      },
      // After the core: the transfer in flight has finished and the database is closed. A core that did not
      // stop cleanly keeps the update for the next quit.
      { name: 'update install', run: () => void (coreStopped ? updates.onQuit() : log.warn('update left for the next quit: the core did not stop cleanly')) },
      ...(openSandbox ? [{ name: 'sandbox', run: () => openSandbox.close() }] : []),
      { name: 'log', run: () => logRoot.close() },
    ];
    const quitGuard = createQuitGuard({ steps: () => steps, exit: (code) => app.exit(code), logger: log });
    app.on('before-quit', (event) => void quitGuard.onBeforeQuit(event));
    app.on('window-all-closed', () => app.quit());

    app.on('second-instance', () => {
      if (!mainWindow) return openWindow();
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.show();
      mainWindow.focus();
    });
    app.on('activate', () => {
      if (!mainWindow && !quitGuard.stopping) openWindow();
    });
    liveCore.start();
    updates.start();
    log.info('electron shell started', { dinero: config.dinero.mode, packaged: app.isPackaged });
    return { core: liveCore, config, mainWindow: () => mainWindow };
  } catch (error) {
    root?.child('electron-shell').error('start failed', { error: error instanceof Error ? error.message : typeof error });
    await sandbox?.close().catch(() => undefined);
    fail(error, paths.logFile);
    return null;
  }
}
