// Test helpers for the Dinero sandbox suites: a fake clock, a started sandbox that is closed after each
// test, and small HTTP helpers that speak to it over real HTTP on 127.0.0.1.
import { createHash, randomBytes } from 'node:crypto';
import { afterEach } from 'vitest';
import { startDineroSandbox, type DineroSandbox, type SandboxOptions } from '../../electron/dinero/sandbox/sandbox';

export class FakeClock {
  constructor(public t = Date.UTC(2024, 2, 5, 12, 0, 0)) {}
  now = (): number => this.t;
  advance(ms: number): void {
    this.t += ms;
  }
}

const open: DineroSandbox[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

export async function startSandbox(opts: SandboxOptions = {}): Promise<{ sb: DineroSandbox; clock: FakeClock }> {
  const clock = new FakeClock();
  const sb = await startDineroSandbox({ clock, ...opts });
  open.push(sb);
  return { sb, clock };
}

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export async function call(sb: DineroSandbox, method: string, path: string, opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token !== undefined) headers.Authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(sb.url + path, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body), redirect: 'manual' });
  const text = await res.text();
  let json: unknown = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  return { status: res.status, headers: res.headers, text, json };
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

export async function exchangeCode(sb: DineroSandbox, code: string, verifier: string): Promise<Reply> {
  return postForm(sb, '/connect/token', {
    grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier,
    client_id: sb.client.clientId, client_secret: sb.client.clientSecret,
  });
}

export function refresh(sb: DineroSandbox, refreshToken: string): Promise<Reply> {
  return postForm(sb, '/connect/token', { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: sb.client.clientId, client_secret: sb.client.clientSecret });
}

export const LINE = {
  Description: 'Z1 Kasse 1 salg 25%', Amount: 12500.25, AccountNumber: 58000, AccountVatCode: 'none',
  BalancingAccountNumber: 1000, BalancingAccountVatCode: 'U25',
};

export function item(extra: Record<string, unknown> = {}, lines: unknown[] = [LINE]): Record<string, unknown> {
  return { VoucherDate: '2024-03-05', Lines: lines, ...extra };
}
