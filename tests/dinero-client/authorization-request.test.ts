import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createAuthorizationRequest, pkceChallenge } from '../../electron/dinero/client/visma-connect.client';
import type { DineroConnection } from '../../electron/dinero/client/dinero-connection';

const conn: DineroConnection = {
  apiUrl: 'https://api.example.test',
  connectUrl: 'https://connect.example.test/',
  tokenUrl: 'https://connect.example.test/connect/token',
  revocationUrl: 'https://connect.example.test/connect/revocation',
  clientId: 'isv_TillBridge',
  clientSecret: 'secret',
  redirectUri: 'http://127.0.0.1:8765/callback',
};

describe('Visma Connect authorization request', () => {
  it('builds the authorize URL with PKCE S256, a random state and Dinero\'s scopes', () => {
    const req = createAuthorizationRequest(conn, { responseMode: 'form_post', uiLocales: 'da-DK' });
    const url = new URL(req.url);
    expect(`${url.origin}${url.pathname}`).toBe('https://connect.example.test/connect/authorize');
    const q = url.searchParams;
    expect(q.get('client_id')).toBe('isv_TillBridge');
    expect(q.get('response_type')).toBe('code');
    expect(q.get('redirect_uri')).toBe('http://127.0.0.1:8765/callback');
    expect(q.get('scope')).toBe('dineropublicapi:read dineropublicapi:write offline_access');
    expect(q.get('response_mode')).toBe('form_post');
    expect(q.get('ui_locales')).toBe('da-DK');
    expect(q.get('state')).toBe(req.state);
    expect(q.get('code_challenge_method')).toBe('S256');
    const expected = createHash('sha256').update(req.codeVerifier).digest('base64url');
    expect(q.get('code_challenge')).toBe(expected);
    expect(req.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    expect(q.has('client_secret')).toBe(false);
  });

  it('uses a fresh verifier and state every time, and honours query mode and custom scopes', () => {
    const a = createAuthorizationRequest(conn, { responseMode: 'query', scopes: ['dineropublicapi:read'] });
    const b = createAuthorizationRequest(conn, { responseMode: 'query' });
    expect(a.state).not.toBe(b.state);
    expect(a.codeVerifier).not.toBe(b.codeVerifier);
    expect(new URL(a.url).searchParams.get('scope')).toBe('dineropublicapi:read');
    expect(new URL(a.url).searchParams.get('response_mode')).toBe('query');
    expect(new URL(a.url).searchParams.has('ui_locales')).toBe(false);
  });

  it('computes the RFC 7636 example challenge', () => {
    expect(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('refuses a malformed connection, naming the fields but not the secret', () => {
    expect(() => createAuthorizationRequest({ ...conn, connectUrl: 'ftp://x', clientSecret: 'hush-hush' }, { responseMode: 'query' })).toThrow(/connectUrl/);
    expect(() => createAuthorizationRequest({ ...conn, clientId: '' }, { responseMode: 'query' })).toThrow(/clientId/);
    const call = () => createAuthorizationRequest({ ...conn, apiUrl: 'nope', clientSecret: 'hush-hush' }, { responseMode: 'query' });
    expect(call).toThrow(/apiUrl/);
    expect(call).not.toThrow(/hush-hush/);
  });
});
