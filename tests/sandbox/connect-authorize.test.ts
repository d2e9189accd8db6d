// Visma Connect authorize endpoint of the sandbox: request checks, the login + consent page, redirects.
import { describe, expect, it } from 'vitest';
import { authorizeParams, call, pkcePair, REDIRECT, startSandbox, submitLogin } from './sandbox.helpers';

function query(params: Record<string, string>): string {
  return `/connect/authorize?${new URLSearchParams(params).toString()}`;
}

function redirectParams(location: string | null): URLSearchParams {
  expect(location).not.toBeNull();
  const url = new URL(location!);
  expect(`${url.origin}${url.pathname}`).toBe(REDIRECT);
  return url.searchParams;
}

describe('sandbox /connect/authorize', () => {
  it('renders a usable login + consent page listing the scopes, with Allow and Cancel', async () => {
    const { sb } = await startSandbox();
    const reply = await call(sb, 'GET', query(authorizeParams(sb, pkcePair().challenge)));
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toContain('text/html');
    expect(reply.text).toContain('<form method="post" action="/connect/authorize">');
    expect(reply.text).toContain('name="password"');
    expect(reply.text).toContain(sb.demoUser.email);
    for (const scope of ['dineropublicapi:read', 'dineropublicapi:write', 'offline_access']) expect(reply.text).toContain(scope);
    expect(reply.text).toMatch(/value="allow">Tillad/);
    expect(reply.text).toMatch(/value="cancel" formnovalidate>Annuller/);
    // The OAuth parameters travel as hidden fields, so the POST can re-check them.
    expect(reply.text).toContain('name="state" value="st-123"');
  });

  it('gives a code and passes state back on the 302 (response_mode query)', async () => {
    const { sb } = await startSandbox();
    const reply = await submitLogin(sb, authorizeParams(sb, pkcePair().challenge), 'allow');
    expect(reply.status).toBe(302);
    const params = redirectParams(reply.headers.get('location'));
    expect(params.get('code')).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(params.get('state')).toBe('st-123');
    expect(params.get('scope')).toBe('dineropublicapi:read dineropublicapi:write offline_access');
  });

  it('form_post answers with a page that auto-submits code and state to the redirect URI', async () => {
    const { sb } = await startSandbox();
    const reply = await submitLogin(sb, authorizeParams(sb, pkcePair().challenge, { response_mode: 'form_post' }), 'allow');
    expect(reply.status).toBe(200);
    expect(reply.text).toContain(`<form method="post" action="${REDIRECT}">`);
    expect(reply.text).toMatch(/<input type="hidden" name="code" value="[A-Za-z0-9_-]{40,}">/);
    expect(reply.text).toContain('<input type="hidden" name="state" value="st-123">');
    expect(reply.text).toContain('document.forms[0].submit()');
  });

  it('Cancel sends error=access_denied (with state) to the redirect URI, in both response modes', async () => {
    const { sb } = await startSandbox();
    const q = await submitLogin(sb, authorizeParams(sb, pkcePair().challenge), 'cancel');
    const params = redirectParams(q.headers.get('location'));
    expect(params.get('error')).toBe('access_denied');
    expect(params.get('state')).toBe('st-123');
    expect(params.get('code')).toBeNull();
    const fp = await submitLogin(sb, authorizeParams(sb, pkcePair().challenge, { response_mode: 'form_post' }), 'cancel');
    expect(fp.text).toContain('name="error" value="access_denied"');
  });

  it('a wrong password shows the page again with an error and issues no code', async () => {
    const { sb } = await startSandbox();
    const reply = await submitLogin(sb, authorizeParams(sb, pkcePair().challenge), 'allow', 'wrong');
    expect(reply.status).toBe(200);
    expect(reply.text).toContain('Forkert e-mail eller adgangskode');
    expect(reply.headers.get('location')).toBeNull();
  });

  it('an unknown client or an inexact redirect_uri gets an error page, never a redirect', async () => {
    const { sb } = await startSandbox();
    const challenge = pkcePair().challenge;
    const cases: Array<Record<string, string | null>> = [{ client_id: 'isv_Other' }, { redirect_uri: `${REDIRECT}/` }, { redirect_uri: 'http://127.0.0.1:8766/callback' }, { redirect_uri: null }];
    for (const extra of cases) {
      const reply = await call(sb, 'GET', query(authorizeParams(sb, challenge, extra)));
      expect(reply.status).toBe(400);
      expect(reply.headers.get('location')).toBeNull();
      expect(reply.text).toContain('Der opstod en fejl');
    }
  });

  it('accepts a redirect URI once the shell registers it', async () => {
    const { sb } = await startSandbox();
    const uri = 'http://127.0.0.1:51234/oauth/callback';
    const params = authorizeParams(sb, pkcePair().challenge, { redirect_uri: uri });
    expect((await call(sb, 'GET', query(params))).status).toBe(400);
    sb.registerRedirectUri(uri);
    expect(sb.client.redirectUris).toContain(uri);
    const reply = await submitLogin(sb, params, 'allow');
    expect(reply.headers.get('location')!.startsWith(`${uri}?code=`)).toBe(true);
  });

  it.each([
    ['missing code_challenge', { code_challenge: null }, 'invalid_request'],
    ['plain PKCE method', { code_challenge_method: 'plain' }, 'invalid_request'],
    ['missing PKCE method', { code_challenge_method: null }, 'invalid_request'],
    ['malformed challenge', { code_challenge: 'short' }, 'invalid_request'],
    ['response_type token', { response_type: 'token' }, 'unsupported_response_type'],
    ['unknown scope', { scope: 'dineropublicapi:read dineropublicapi:admin' }, 'invalid_scope'],
    ['empty scope', { scope: '' }, 'invalid_scope'],
    ['fragment response mode', { response_mode: 'fragment' }, 'invalid_request'],
  ])('%s → error=%s on the redirect with state', async (_name, extra, error) => {
    const { sb } = await startSandbox();
    const reply = await call(sb, 'GET', query(authorizeParams(sb, pkcePair().challenge, extra)));
    expect(reply.status).toBe(302);
    const params = redirectParams(reply.headers.get('location'));
    expect(params.get('error')).toBe(error);
    expect(params.get('state')).toBe('st-123');
  });

  it('the same checks apply to the form POST (a forged submit cannot skip PKCE)', async () => {
    const { sb } = await startSandbox();
    const reply = await submitLogin(sb, authorizeParams(sb, '', { code_challenge: null }), 'allow');
    expect(redirectParams(reply.headers.get('location')).get('error')).toBe('invalid_request');
  });

  it('without requirePkce a request without a challenge is allowed', async () => {
    const { sb } = await startSandbox({ requirePkce: false });
    const reply = await submitLogin(sb, authorizeParams(sb, '', { code_challenge: null, code_challenge_method: null }), 'allow');
    expect(redirectParams(reply.headers.get('location')).get('code')).toBeTruthy();
  });

  it('accepts the OpenID scopes next to the Dinero ones', async () => {
    const { sb } = await startSandbox();
    const reply = await submitLogin(sb, authorizeParams(sb, pkcePair().challenge, { scope: 'openid email profile dineropublicapi:read' }), 'allow');
    expect(redirectParams(reply.headers.get('location')).get('scope')).toBe('openid email profile dineropublicapi:read');
  });
});
