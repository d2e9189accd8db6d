// What each Dinero answer means for a transfer, and the waits: full-jitter backoff within its cap, and a
// 429 waiting Retry-After (or a minute) plus a little jitter.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DineroApiError, DINERO_ERROR_KINDS, type DineroErrorKind } from '../../electron/dinero/client/dinero-api.error';
import { decide, fullJitterBackoff, rateLimitWait, DEFAULT_BACKOFF } from '../../electron/transfer/transfer.policy';

describe('decide', () => {
  const expected: Record<DineroErrorKind, string> = {
    offline: 'transient',
    timeout: 'transient',
    server: 'transient',
    bad_response: 'transient',
    unknown_outcome: 'transient',
    unclear: 'transient',
    rate_limited: 'transient',
    stale_version: 'transient',
    unauthorized: 'global:reconnect',
    reconnect_needed: 'global:reconnect',
    no_pro: 'global:dinero_pro_required',
    forbidden: 'global:no_access',
    validation: 'needs_attention',
    not_found: 'needs_attention',
    id_mismatch: 'needs_attention',
    duplicate: 'needs_attention',
  };

  it.each(DINERO_ERROR_KINDS.map((k) => [k, expected[k]]))('%s → %s', (kind, want) => {
    const d = decide(new DineroApiError(kind, 'x', { status: 400 }));
    expect(d.kind === 'global' ? `global:${d.action}` : d.kind).toBe(want);
  });

  it('only an unknown outcome may have been applied (read back first); offline is flagged as such', () => {
    const applied = DINERO_ERROR_KINDS.filter((k) => {
      const d = decide(new DineroApiError(k, 'x'));
      return d.kind === 'transient' && d.mayHaveApplied;
    });
    expect(applied).toEqual(['unknown_outcome']);
    expect(decide(new DineroApiError('offline', 'x'))).toMatchObject({ offline: true });
  });

  it("a 400 keeps Dinero's own field messages for the user", () => {
    const d = decide(new DineroApiError('validation', 'Validation failed', { fieldErrors: { 'Lines[0].AccountNumber': 'Konto findes ikke' } }));
    expect(d).toMatchObject({ kind: 'needs_attention', problems: [{ code: 'dinero_refused', params: { text: 'Lines[0].AccountNumber: Konto findes ikke' } }] });
  });

  it('anything else (a bug) is retried as if its outcome were unknown', () => {
    expect(decide(new TypeError('boom'))).toMatchObject({ kind: 'transient', mayHaveApplied: true, code: 'internal' });
  });
});

describe('waits', () => {
  it('full jitter: within [100 ms, min(cap, base·2^(n-1))], never above the cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (failures, r) => {
        const ms = fullJitterBackoff(failures, { ...DEFAULT_BACKOFF, random: () => r });
        const ceiling = Math.min(DEFAULT_BACKOFF.capMs, DEFAULT_BACKOFF.baseMs * 2 ** (failures - 1));
        expect(ms).toBeGreaterThanOrEqual(100);
        expect(ms).toBeLessThanOrEqual(Math.max(100, ceiling));
      }),
    );
  });

  it('429: Retry-After (or 60 s without it) plus jitter of at most 10 % (at least up to 1 s)', () => {
    fc.assert(
      fc.property(fc.option(fc.integer({ min: 0, max: 3_600_000 }), { nil: undefined }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (after, r) => {
        const base = after ?? 60_000;
        const ms = rateLimitWait(after, () => r);
        expect(ms).toBeGreaterThanOrEqual(base);
        expect(ms).toBeLessThan(base + Math.max(1_000, base * 0.1));
      }),
    );
  });
});
