// The main window: the security baseline from window-options.ts, our renderer page from the app scheme,
// no navigation away from it, no new windows (a few help sites go to the system browser instead).
import { BrowserWindow, shell } from 'electron';
import type { Logger } from '../../shared/ports';
import { APP_INDEX_URL } from './app-url';
import { mayOpenExternally } from './navigation-policy';
import { mainWindowOptions } from './window-options';

export interface MainWindowDeps {
  preloadPath: string;
  isPackaged: boolean;
  logger: Logger;
}

export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions({ preloadPath: deps.preloadPath, isPackaged: deps.isPackaged }));
  const contents = window.webContents;

  // The renderer is a single page: any navigation (a dropped file, a link, a script) is refused.
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    deps.logger.warn('main window navigation refused', { scheme: safeScheme(event.url) });
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (mayOpenExternally(url)) void shell.openExternal(url);
    else deps.logger.warn('main window tried to open a window; refused', { scheme: safeScheme(url) });
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());

  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_INDEX_URL).catch((error: unknown) => {
    deps.logger.error('renderer page failed to load', { error: error instanceof Error ? error.message : typeof error });
  });
  return window;
}

/** For the log: the scheme only, never a full URL (it could carry a code or personal data). */
function safeScheme(url: string): string {
  return url.split(':', 1)[0]?.slice(0, 20) ?? '';
}
