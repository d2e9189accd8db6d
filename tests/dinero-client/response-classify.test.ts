import { describe, expect, it } from 'vitest';
import { errorFromResponse, retryAfterMs } from '../../electron/dinero/client/dinero-response.classify';
import type { RawResponse } from '../../electron/dinero/client/http-core';

const NOW = Date.UTC(2026, 2, 2, 9, 0, 0);
const raw = (status: number, body: unknown, headers: Record<string, string> = {}): RawResponse => ({
  status,
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('error classification of non-2xx answers', () => {
  it('400 code 42 → validation with Dinero\'s own message and field messages, in either casing', () => {
    for (const body of [
      { code: 42, message: 'Validation failed.', validationErrors: { 'Lines[0].AccountNumber': 'Account 4242 does not exist.' } },
      { Code: 42, Message: 'Validation failed.', ValidationErrors: { 'Lines[0].AccountNumber': 'Account 4242 does not exist.' } },
    ]) {
      const err = errorFromResponse(raw(400, body), 'write', NOW);
      expect(err.kind).toBe('validation');
      expect(err.dineroCode).toBe(42);
      expect(err.message).toBe('Validation failed.');
      expect(err.fieldErrors).toEqual({ 'Lines[0].AccountNumber': 'Account 4242 does not exist.' });
    }
  });

  it('403 with code 90 or 48 → no_pro; other 403 → forbidden', () => {
    expect(errorFromResponse(raw(403, { code: 90, message: 'No Pro' }), 'read', NOW).kind).toBe('no_pro');
    expect(errorFromResponse(raw(403, { Code: 48, Message: 'No Pro' }), 'read', NOW).kind).toBe('no_pro');
    expect(errorFromResponse(raw(403, { code: 41, message: 'No access' }), 'read', NOW).kind).toBe('forbidden');
    expect(errorFromResponse(raw(403, ''), 'read', NOW).kind).toBe('forbidden');
  });

  it('duplicates: 409, code 72, or guidMustBeUnique in errorMessageList', () => {
    expect(errorFromResponse(raw(409, { code: 0, message: 'Duplicated entity' }), 'write', NOW).kind).toBe('duplicate');
    expect(errorFromResponse(raw(400, { code: 72, message: 'x' }), 'write', NOW).kind).toBe('duplicate');
    const listed = { code: 42, message: 'x', errorMessageList: [{ Code: 'guidMustBeUnique', Message: 'Id exists' }] };
    expect(errorFromResponse(raw(400, listed), 'write', NOW).kind).toBe('duplicate');
  });

  it('code 58 → stale_version; ledgerItemNotFound → not_found with the ids named', () => {
    expect(errorFromResponse(raw(400, { code: 58, message: 'Version outdated' }), 'write', NOW).kind).toBe('stale_version');
    const id = '5D3B9C0E-0000-4000-8000-000000000001';
    const err = errorFromResponse(raw(400, { code: 42, message: `Ledger item ${id} not found`, errorMessageList: [{ Code: 'ledgerItemNotFound', Message: '' }] }), 'read', NOW);
    expect(err.kind).toBe('not_found');
    expect(err.missingIds).toEqual([id.toLowerCase()]);
  });

  it('429 → rate_limited with Retry-After seconds, HTTP-date, or 60 s when absent', () => {
    expect(errorFromResponse(raw(429, 'API calls quota exceeded!', { 'retry-after': '17' }), 'read', NOW).retryAfterMs).toBe(17_000);
    const date = new Date(NOW + 42_000).toUTCString();
    expect(errorFromResponse(raw(429, 'API calls quota exceeded!', { 'retry-after': date }), 'write', NOW).retryAfterMs).toBe(42_000);
    const plain = errorFromResponse(raw(429, 'API calls quota exceeded!'), 'write', NOW);
    expect(plain.kind).toBe('rate_limited');
    expect(plain.retryAfterMs).toBe(60_000);
    expect(retryAfterMs('soon', NOW)).toBe(60_000);
    expect(retryAfterMs(new Date(NOW - 5000).toUTCString(), NOW)).toBe(0);
  });

  it('5xx and 480: server on a read, unknown_outcome on a write', () => {
    for (const status of [500, 502, 503, 480]) {
      expect(errorFromResponse(raw(status, { code: 0, message: 'boom' }), 'read', NOW).kind).toBe('server');
      expect(errorFromResponse(raw(status, '<html>Bad gateway</html>'), 'write', NOW).kind).toBe('unknown_outcome');
    }
  });

  it('413 → validation "file too large"; 401 → unauthorized; 404 → not_found', () => {
    const tooBig = errorFromResponse(raw(413, { code: 43, message: 'The request body is too large.' }), 'write', NOW);
    expect(tooBig.kind).toBe('validation');
    expect(tooBig.message).toMatch(/file too large/);
    expect(errorFromResponse(raw(401, ''), 'read', NOW).kind).toBe('unauthorized');
    expect(errorFromResponse(raw(404, { code: 40, message: 'Not found.' }), 'read', NOW).kind).toBe('not_found');
  });

  it('a garbage error body still gives a typed error, never a crash', () => {
    for (const body of ['{"code": "not a number", "message": 5}', '{truncated', '<html><body>Error</body></html>', 'null', '[1,2]']) {
      const err = errorFromResponse(raw(400, body), 'write', NOW);
      expect(err.kind).toBe('validation');
      expect(err.message).toMatch(/Dinero rejected the request \(400\)/);
    }
  });
});
