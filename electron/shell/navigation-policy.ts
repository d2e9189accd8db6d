// Where each window may go. The main window never navigates (the renderer is one page) and never opens
// windows; a few help sites may open in the user's own browser. The login popup may show Visma Connect and the
// https sign-in pages it sends users to, and the registered redirect URI is caught before it loads.
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

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The login popup follows the user's sign-in wherever Visma Connect sends it: Visma's own origin, and any
 * https page (Google, Microsoft/Entra ID, Apple, a company's Okta or ADFS) that brings the user back. Only
 * the registered redirect URI ends the login, and it is caught, never loaded. Plain http is allowed only on
 * this machine's loopback, and only when Visma Connect itself is there (the built-in sandbox). No other
 * scheme (file:, data:, javascript:, a custom app scheme) and no URL carrying credentials is ever shown.
 * The main window's policy is untouched: it never navigates at all.
 */
export function classifyPopupNavigation(text: string, policy: PopupPolicy): PopupNavigation {
  if (isRedirectTarget(text, policy.redirectUri)) return 'redirect';
  const url = parseUrl(text);
  const connect = parseUrl(policy.connectUrl);
  if (!url || !connect || url.username !== '' || url.password !== '') return 'block';
  if (url.protocol === connect.protocol && url.host === connect.host) return 'allow';
  if (url.protocol === 'https:') return 'allow';
  const sandboxed = connect.protocol === 'http:' && LOOPBACK.has(connect.hostname);
  return sandboxed && url.protocol === 'http:' && LOOPBACK.has(url.hostname) ? 'allow' : 'block';
}
