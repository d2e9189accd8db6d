// The demo's day of sales: only into an empty till, all of it inside today's business day (after the day
// change, before now), with the float from the bank first.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seedDemoDay } from '../../electron/browser-shell/demo-seed';
import { openTillDatabase } from '../../electron/db/connection';

function saleTimes(dataDir: string): { first: number; last: number; count: number; float: number } {
  const db = openTillDatabase(join(dataDir, 'till.sqlite'));
  try {
    const row = db.prepare('SELECT min(created_at) AS first, max(created_at) AS last, count(*) AS count FROM sales').get() as { first: string; last: string; count: number };
    const float = db.prepare("SELECT coalesce(sum(amount_ore), 0) AS total FROM cash_movements WHERE direction = 'from_bank'").get() as { total: number };
    return { first: Date.parse(row.first), last: Date.parse(row.last), count: row.count, float: float.total };
  } finally {
    db.close();
  }
}

describe('demo seed', () => {
  it('puts 40 sales and a float on an empty till, and nothing on a till that has data', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tb-seed-'));
    const now = Date.UTC(2026, 10, 27, 13, 30); // 14:30 in Copenhagen
    expect(seedDemoDay({ dataDir, registerId: 'register-1', dayChangeHour: 4, clock: { now: () => now } })).toBe(40);
    const first = saleTimes(dataDir);
    expect(first).toMatchObject({ count: 40, float: 150_000 });
    expect(now - first.first).toBeLessThanOrEqual(8 * 3_600_000);
    expect(first.last).toBeLessThan(now);
    expect(seedDemoDay({ dataDir, registerId: 'register-1', dayChangeHour: 4, clock: { now: () => now + 60_000 } })).toBe(0);
    expect(saleTimes(dataDir).count).toBe(40);
  });

  it('never puts a sale before the day change, whatever the time of day', () => {
    // Each run opens a fresh SQLite file, so a handful of times is plenty.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 3, max: 59 }), fc.integer({ min: 0, max: 23 }), (hour, minute, dayChangeHour) => {
        const dataDir = mkdtempSync(join(tmpdir(), 'tb-seed-p-'));
        // November: Copenhagen is UTC+1.
        const now = Date.UTC(2026, 10, 27, hour, minute) - 3_600_000;
        seedDemoDay({ dataDir, registerId: 'r', dayChangeHour, clock: { now: () => now }, sales: 5 });
        const hoursIntoDay = (hour - dayChangeHour + 24) % 24;
        const dayStart = now - hoursIntoDay * 3_600_000 - minute * 60_000;
        const { first, last } = saleTimes(dataDir);
        expect(first).toBeGreaterThanOrEqual(dayStart);
        expect(last).toBeLessThan(now);
      }),
      { numRuns: 12, seed: 7, examples: [[4, 10, 4], [0, 30, 23]] },
    );
  });
});
