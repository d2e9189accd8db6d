// Test helpers for the Dinero sandbox suites: a fake clock, a started sandbox that is closed after each
// test, and small HTTP helpers that speak to it over real HTTP on 127.0.0.1.
import { afterEach } from 'vitest';
import { startDineroSandbox, type DineroSandbox, type SandboxOptions } from '../../electron/dinero/sandbox/sandbox';
import { postForm, REDIRECT, type Reply } from '../support/visma-login';

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

export { ALL_SCOPES, authorizeParams, basic, loginForCode, pkcePair, postForm, REDIRECT, submitLogin, type Reply } from '../support/visma-login';

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
