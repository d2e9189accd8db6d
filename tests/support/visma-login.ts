// Visma Connect's login as a client does it, against the sandbox over real HTTP: PKCE, the login and consent
// form, the code from the redirect. Shared by the sandbox's own tests and the token broker's.
import { createHash, randomBytes } from 'node:crypto';
import type { DineroSandbox } from '../../electron/dinero/sandbox/sandbox';

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export async function postForm(sb: DineroSandbox, path: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<Reply> {
  const res = await fetch(sb.url + path, { method: 'POST', headers, body: new URLSearchParams(form), redirect: 'manual' });
  const text = await res.text();
  let json: unknown = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  return { status: res.status, headers: res.headers, text, json };
}

export function basic(id: string, secret: string): Record<string, string> {
  return { Authorization: `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}` };
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export const REDIRECT = 'http://127.0.0.1:8765/callback';
export const ALL_SCOPES = 'dineropublicapi:read dineropublicapi:write offline_access';

/** The authorize query a client sends (overridable per test). */
export function authorizeParams(sb: DineroSandbox, challenge: string, extra: Record<string, string | null> = {}): Record<string, string> {
  const base: Record<string, string | null> = {
    client_id: sb.client.clientId, response_type: 'code', redirect_uri: REDIRECT, scope: ALL_SCOPES,
    state: 'st-123', code_challenge: challenge, code_challenge_method: 'S256', ...extra,
  };
  return Object.fromEntries(Object.entries(base).filter((e): e is [string, string] => e[1] !== null));
}

/** Submits the login + consent form the way the browser would; returns the raw reply. */
export function submitLogin(sb: DineroSandbox, params: Record<string, string>, decision: 'allow' | 'cancel', password = sb.demoUser.password): Promise<Reply> {
  return postForm(sb, '/connect/authorize', { ...params, email: sb.demoUser.email, password, decision });
}

/** Full happy-path login: returns the code from the 302 Location. */
export async function loginForCode(sb: DineroSandbox, challenge: string, extra: Record<string, string | null> = {}): Promise<string> {
  const reply = await submitLogin(sb, authorizeParams(sb, challenge, extra), 'allow');
  const location = new URL(reply.headers.get('location')!);
  return location.searchParams.get('code')!;
}

