// URL rules for the Dinero connection: real Dinero traffic carries tokens and the client secret, so it must
// be HTTPS. Plain http is allowed only to this machine (the sandbox or a local token broker in testing).
import { z } from 'zod';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase()) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** Explains what is wrong with a Dinero URL, or null when it is fine. Never echoes the value. */
export function describeUrlProblem(text: string, kind: 'base' | 'endpoint'): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'is not a valid absolute URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an https:// URL';
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) return 'must use https:// (plain http is only allowed for localhost/127.0.0.1)';
  if (url.username !== '' || url.password !== '') return 'must not contain a user name or password';
  if (url.hash !== '') return 'must not contain a #fragment';
  if (kind === 'base' && url.search !== '') return 'must not contain a ?query';
  return null;
}

/** zod refinement for one environment variable holding a Dinero URL. */
export function dineroUrlSchema(kind: 'base' | 'endpoint') {
  return z.string().superRefine((value, ctx) => {
    const problem = describeUrlProblem(value, kind);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}
