// Gap-free numbering when two connections close at the same moment: first a deterministic interleaving in one
// thread, then real concurrency from worker threads on one file.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTillService } from '../../electron/till/till.service';
import { runWorkers } from '../support/worker-race';
import { closeRequest, line, manualClock, openTestDb, rowCounts, sale, sequentialIds, tempDir } from '../support/db-fixtures';

describe('two closes at the same moment', () => {
  it('blocks the second close while the first holds the lock; the second then gets the next number', () => {
    const file = join(tempDir(), 'till.sqlite');
    const clock = manualClock();
    const a = createTillService({ db: openTestDb(file, { clock }), clock, ids: sequentialIds('a') });
    const dbB = openTestDb(file, { clock, busyTimeoutMs: 0 });
    const b = createTillService({ db: dbB, clock, ids: sequentialIds('b') });
    a.recordSale('register-1', sale([line('100.00')], ['dankort', '100.00']));

    let secondCloseError: unknown;
    const first = a.closeDay(closeRequest(), {
      withinTransaction: () => {
        // Inside A's transaction: B must not be able to read the same "previous report" and take number 1.
        try {
          b.closeDay(closeRequest({ confirmEmptyDay: true }));
        } catch (error) {
          secondCloseError = error;
        }
      },
    });
    expect(first.number).toBe(1);
    expect((secondCloseError as { code?: string }).code).toMatch(/^SQLITE_BUSY/);
    expect(rowCounts(dbB).daily_reports).toBe(1);

    const second = b.closeDay(closeRequest({ confirmEmptyDay: true }));
    expect(second.number).toBe(2);
    expect(second.saleCount).toBe(0);
    expect(b.listReports('register-1').map((r) => r.number)).toEqual([2, 1]);
  });

  it('numbers reports 1..N without gaps or repeats when four workers close concurrently', async () => {
    const dir = tempDir();
    const file = join(dir, 'till.sqlite');
    const setup = openTestDb(file);
    createTillService({ db: setup, clock: manualClock(), ids: sequentialIds() }).recordSale(
      'register-1',
      sale([line('12.50')], ['mobilepay', '12.50']),
    );
    setup.close();

    const workers = 4;
    const closes = 15;
    const results = await runWorkers<number[]>(join(import.meta.dirname, 'close-race.worker.ts'), workers, { file, closes });

    const all = results.flat().sort((x, y) => x - y);
    expect(all).toEqual(Array.from({ length: workers * closes }, (_, i) => i + 1));
    for (const numbers of results) expect(numbers).toEqual([...numbers].sort((x, y) => x - y));

    const check = openTestDb(file);
    const reports = createTillService({ db: check, clock: manualClock(), ids: sequentialIds() }).listReports('register-1', { limit: 1000 });
    expect(reports.map((r) => r.number)).toEqual(all.slice().reverse());
    // Exactly one report holds the sale; every other was a confirmed empty day.
    expect(reports.filter((r) => r.saleCount === 1)).toHaveLength(1);
    expect(reports.find((r) => r.number === 1)?.saleCount).toBe(1);
  });
});
