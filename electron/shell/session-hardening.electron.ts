// Session-wide rules for every window: every permission request (camera, notifications, geolocation, HID...)
// is refused, and the main window's session fetches nothing but the app's own files. Applied to the default
// session (main window) and to each login popup's throwaway session.
import { type Session } from 'electron';
import { APP_ORIGIN, APP_SCHEME, parseUrl } from './app-url';

export function denyAllPermissions(target: Session): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  target.setDevicePermissionHandler(() => false);
}

/**
 * The main window loads only tillbridge:// (and data: images, devtools in development): no remote content. A
 * blob: URL the page itself made (the CSV export, a saved PDF) is its own bytes, never the network.
 */
export function isMainSessionRequestAllowed(text: string): boolean {
  if (text.startsWith(`blob:${APP_ORIGIN}/`)) return true;
  const protocol = parseUrl(text)?.protocol;
  return protocol === `${APP_SCHEME}:` || protocol === 'data:' || protocol === 'devtools:';
}

export function hardenMainSession(target: Session): void {
  denyAllPermissions(target);
  target.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isMainSessionRequestAllowed(details.url) }));
}
