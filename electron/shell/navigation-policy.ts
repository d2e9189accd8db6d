// Where each window may go. The main window never navigates (the renderer is one page) and never opens
// windows; a few help sites may open in the user's own browser. The login popup may show only the configured
// Visma Connect origin, and the registered redirect URI is caught before it loads (login-redirect.ts).
import { parseUrl } from './app-url';

/** Sites the main window may hand to the system browser (shell.openExternal): https only, these hosts only. */
export const EXTERNAL_HOST_ALLOWLIST: ReadonlySet<string> = new Set(['www.dinero.dk', 'dinero.dk', 'connect.visma.com']);

export function mayOpenExternally(text: string): boolean {
  const url = parseUrl(text);
  return url !== null && url.protocol === 'https:' && url.port === '' && url.username === '' && url.password === '' && EXTERNAL_HOST_ALLOWLIST.has(url.hostname);
}

export type PopupNavigation = 'allow' | 'redirect' | 'block';

export interface PopupPolicy {
  /** Visma Connect's base URL (the sandbox's in demo mode). */
  connectUrl: string;
  /** The registered redirect URI: reaching it ends the login. */
  redirectUri: string;
}

/** Same scheme, host, port and path as the registered redirect URI (its query, if any, is Visma's answer). */
export function isRedirectTarget(text: string, redirectUri: string): boolean {
  const url = parseUrl(text);
  const registered = parseUrl(redirectUri);
  if (!url || !registered) return false;
  return url.protocol === registered.protocol && url.host === registered.host && url.pathname === registered.pathname;
}

export function classifyPopupNavigation(text: string, policy: PopupPolicy): PopupNavigation {
  if (isRedirectTarget(text, policy.redirectUri)) return 'redirect';
  const url = parseUrl(text);
  const connect = parseUrl(policy.connectUrl);
  if (!url || !connect) return 'block';
  const sameOrigin = url.protocol === connect.protocol && url.host === connect.host;
  return sameOrigin && url.username === '' && url.password === '' ? 'allow' : 'block';
}
