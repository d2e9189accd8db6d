import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { businessDateOf, toIsoUtc } from '../../shared/till/business-date';
import { codeOf } from './till-fixtures';

const utc = (iso: string): number => Date.parse(iso);

/**
 * An independent oracle for Copenhagen: CET (UTC+1), and CEST (UTC+2) from 01:00 UTC on the last Sunday of
 * March to 01:00 UTC on the last Sunday of October (EU rule). Local wall time minus the day-change hour,
 * read as a calendar date.
 */
function lastSundayUtc(year: number, monthIndex: number): number {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0));
  return Date.UTC(year, monthIndex, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}
function oracle(instantMs: number, dayChangeHour: number): string {
  const year = new Date(instantMs).getUTCFullYear();
  const summer = instantMs >= lastSundayUtc(year, 2) && instantMs < lastSundayUtc(year, 9);
  const wall = instantMs + (summer ? 2 : 1) * 3_600_000;
  return new Date(wall - dayChangeHour * 3_600_000).toISOString().slice(0, 10);
}

describe('businessDateOf', () => {
  it('puts a close at 01:30 local with day-change hour 4 on the previous day', () => {
    expect(businessDateOf(utc('2026-11-28T00:30:00Z'), 4)).toBe('2026-11-27'); // 01:30 CET
    expect(businessDateOf(utc('2026-11-28T02:59:59.999Z'), 4)).toBe('2026-11-27'); // 03:59:59.999 CET
    expect(businessDateOf(utc('2026-11-28T03:00:00Z'), 4)).toBe('2026-11-28'); // 04:00 CET
    expect(businessDateOf(utc('2026-11-28T22:30:00Z'), 4)).toBe('2026-11-28'); // 23:30 CET
  });

  it('uses the plain local date with day-change hour 0', () => {
    expect(businessDateOf(utc('2026-11-27T23:00:00Z'), 0)).toBe('2026-11-28'); // 00:00 CET
    expect(businessDateOf(utc('2026-11-27T22:59:59.999Z'), 0)).toBe('2026-11-27');
  });

  it('crosses month and year boundaries', () => {
    expect(businessDateOf(utc('2027-01-01T01:00:00Z'), 4)).toBe('2026-12-31'); // 02:00 CET on New Year
    expect(businessDateOf(utc('2026-03-01T00:00:00Z'), 4)).toBe('2026-02-28'); // 01:00 CET
    expect(businessDateOf(utc('2028-03-01T00:00:00Z'), 4)).toBe('2028-02-29'); // leap year
  });

  it('keeps the day-change on the local wall clock across the spring DST change (2026-03-29)', () => {
    // Clocks jump from 02:00 CET to 03:00 CEST at 01:00 UTC.
    expect(businessDateOf(utc('2026-03-29T00:30:00Z'), 4)).toBe('2026-03-28'); // 01:30 CET
    expect(businessDateOf(utc('2026-03-29T01:30:00Z'), 4)).toBe('2026-03-28'); // 03:30 CEST
    expect(businessDateOf(utc('2026-03-29T01:59:59.999Z'), 4)).toBe('2026-03-28'); // 03:59:59.999 CEST
    expect(businessDateOf(utc('2026-03-29T02:00:00Z'), 4)).toBe('2026-03-29'); // 04:00 CEST
    // Subtracting 4 h from the instant would wrongly say 2026-03-28 here (04:30 CEST).
    expect(businessDateOf(utc('2026-03-29T02:30:00Z'), 4)).toBe('2026-03-29');
  });

  it('keeps the day-change on the local wall clock across the autumn DST change (2026-10-25)', () => {
    // Clocks fall back from 03:00 CEST to 02:00 CET at 01:00 UTC; 02:xx happens twice.
    expect(businessDateOf(utc('2026-10-25T00:30:00Z'), 4)).toBe('2026-10-24'); // first 02:30 (CEST)
    expect(businessDateOf(utc('2026-10-25T01:30:00Z'), 4)).toBe('2026-10-24'); // second 02:30 (CET)
    // Subtracting 4 h from the instant would wrongly say 2026-10-25 here (03:30 CET).
    expect(businessDateOf(utc('2026-10-25T02:30:00Z'), 4)).toBe('2026-10-24');
    expect(businessDateOf(utc('2026-10-25T02:59:59.999Z'), 4)).toBe('2026-10-24');
    expect(businessDateOf(utc('2026-10-25T03:00:00Z'), 4)).toBe('2026-10-25'); // 04:00 CET
  });

  it('honours another time zone', () => {
    expect(businessDateOf(utc('2026-11-28T03:59:00Z'), 4, 'UTC')).toBe('2026-11-27');
    expect(businessDateOf(utc('2026-11-28T04:00:00Z'), 4, 'UTC')).toBe('2026-11-28');
    expect(businessDateOf(utc('2026-11-28T10:00:00Z'), 4, 'America/New_York')).toBe('2026-11-28'); // 05:00 EST
    expect(businessDateOf(utc('2026-11-28T08:00:00Z'), 4, 'America/New_York')).toBe('2026-11-27'); // 03:00 EST
  });

  it('agrees with an independent Copenhagen DST oracle for any instant and hour', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: utc('2020-01-01T00:00:00Z'), max: utc('2035-12-31T00:00:00Z') }),
        fc.integer({ min: 0, max: 23 }),
        (instant, hour) => {
          expect(businessDateOf(instant, hour)).toBe(oracle(instant, hour));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('agrees with the oracle around every DST change, where the hour matters most', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2020, max: 2035 }),
        fc.constantFrom(2, 9),
        fc.integer({ min: -26 * 3_600_000, max: 26 * 3_600_000 }),
        fc.integer({ min: 0, max: 23 }),
        (year, monthIndex, offset, hour) => {
          const instant = lastSundayUtc(year, monthIndex) + offset;
          expect(businessDateOf(instant, hour)).toBe(oracle(instant, hour));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('refuses a bad day-change hour, time zone or instant', () => {
    for (const hour of [-1, 24, 1.5, Number.NaN]) expect(codeOf(() => businessDateOf(0, hour))).toBe('invalid_date');
    expect(codeOf(() => businessDateOf(0, 4, 'Mars/Olympus_Mons'))).toBe('invalid_date');
    for (const instant of [Number.NaN, Number.POSITIVE_INFINITY, 1.5, -1, 8.64e15]) {
      expect(codeOf(() => businessDateOf(instant, 4))).toBe('invalid_date');
    }
  });
});

describe('toIsoUtc', () => {
  it('prints ISO-8601 UTC with milliseconds', () => {
    expect(toIsoUtc(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(toIsoUtc(utc('2026-11-28T17:05:00.123Z'))).toBe('2026-11-28T17:05:00.123Z');
  });

  it('refuses values that are not instants', () => {
    for (const bad of [Number.NaN, 1.5, -1, 1e20]) expect(codeOf(() => toIsoUtc(bad))).toBe('invalid_date');
  });
});
