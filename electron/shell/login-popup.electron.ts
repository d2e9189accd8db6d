// The Visma Connect login popup (design §8). PKCE and state come from the core (auth.startLogin builds the
// authorize URL and calls open()); this file only shows the page and catches the answer:
// - each login gets a fresh in-memory session (no 'persist:' prefix), so no Visma cookie outlives it;
// - the popup may show Visma Connect and the https sign-in providers it sends users to (navigation-policy.ts);
// - the registered redirect URI never loads: a query answer is caught on will-redirect / will-navigate, a
//   form_post answer on the session's onBeforeRequest (the only place the POST body is readable). The request
//   is cancelled and {url, formBody} go to core.completeLogin; then the popup closes;
// - the user closing the popup cancels the login.
import { BrowserWindow, session } from 'electron';
import type { Logger } from '../../shared/ports';
import type { LoginWindowOpener } from '../app/app-core.types';
import { parseUrl } from './app-url';
import { classifyPopupNavigation, isRedirectTarget, type PopupPolicy } from './navigation-policy';
import { denyAllPermissions } from './session-hardening.electron';
import { formBodyOf } from './upload-body';
import { loginPopupOptions } from './window-options';

export interface LoginPopupDeps extends PopupPolicy {
  parent(): BrowserWindow | null;
  complete(redirect: { url: string; formBody?: string }): Promise<unknown>;
  /** The user closed the popup before Visma answered. */
  cancel(loginId: string): Promise<unknown>;
  logger: Logger;
}

/** Query mode carries the answer in the URL; a bare redirect URI is the form_post POST, read from the body. */
function carriesAnswer(url: string): boolean {
  const params = parseUrl(url)?.searchParams;
  return params !== undefined && (params.has('state') || params.has('code') || params.has('error'));
}

export function createLoginPopupOpener(deps: LoginPopupDeps): LoginWindowOpener {
  const popups = new Map<string, { window: BrowserWindow; settled: boolean }>();

  function open(authorizeUrl: string, loginId: string): void {
    const partition = `tillbridge-login-${loginId}`;
    const popupSession = session.fromPartition(partition, { cache: false });
    denyAllPermissions(popupSession);
    const parent = deps.parent();
    const window = new BrowserWindow(loginPopupOptions({ partition, ...(parent ? { parent } : {}) }));
    const entry = { window, settled: false };
    popups.set(loginId, entry);

    const answer = (redirect: { url: string; formBody?: string }) => {
      if (entry.settled) return;
      entry.settled = true;
      deps.logger.info('visma answer caught in the login popup', { loginId, formPost: redirect.formBody !== undefined });
      void deps
        .complete(redirect)
        .catch((error: unknown) => deps.logger.error('login completion threw', { loginId, error: error instanceof Error ? error.message : typeof error }))
        .finally(() => {
          if (!window.isDestroyed()) window.close();
        });
    };

    popupSession.webRequest.onBeforeRequest((details, callback) => {
      if (!isRedirectTarget(details.url, deps.redirectUri)) return callback({});
      callback({ cancel: true });
      answer(details.method === 'POST' ? { url: details.url, formBody: formBodyOf(details.uploadData) ?? '' } : { url: details.url });
    });

    const guard = (event: { url: string; isMainFrame?: boolean; preventDefault(): void }) => {
      if (event.isMainFrame === false) return; // Visma's own sub-frames (captcha and the like) stay its business.
      const verdict = classifyPopupNavigation(event.url, deps);
      if (verdict === 'allow') return;
      if (verdict === 'redirect') {
        // A bare redirect URI is the form_post POST: let it reach onBeforeRequest, which cancels it.
        if (!carriesAnswer(event.url)) return;
        event.preventDefault();
        answer({ url: event.url });
        return;
      }
      event.preventDefault();
      deps.logger.warn('login popup navigation refused', { loginId, host: parseUrl(event.url)?.host ?? '' });
    };
    window.webContents.on('will-navigate', guard);
    window.webContents.on('will-redirect', guard);
    window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    window.webContents.on('will-attach-webview', (event) => event.preventDefault());

    window.on('closed', () => {
      popups.delete(loginId);
      if (entry.settled) return;
      entry.settled = true;
      void deps.cancel(loginId).catch(() => undefined);
    });
    void window.loadURL(authorizeUrl).catch((error: unknown) => {
      // ERR_ABORTED is expected when the answer is caught and the load cancelled.
      if (!entry.settled) deps.logger.warn('visma login page failed to load', { loginId, error: error instanceof Error ? error.message : typeof error });
    });
  }

  function close(loginId: string): void {
    const entry = popups.get(loginId);
    if (!entry) return;
    entry.settled = true; // Closed because the login ended: not a cancel.
    if (!entry.window.isDestroyed()) entry.window.close();
  }

  return { open, close };
}
