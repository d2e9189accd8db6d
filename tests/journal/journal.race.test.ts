// The journal's numbering under real concurrency: four worker threads, two per register, each on its own
// connection to one SQLite file, ring up sales, voids and cash movements at once. Entry numbers and
// transaction numbers each run 1..n with no gap or repeat across both registers (one series per CVR), the
// receipt numbers run 1..n, and `journal verify` finds the hash chain and each register's signature
// chain whole.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createJournalRepo } from '../../electron/db/journal.repo';
import { verifyJournal } from '../../electron/journal/journal.verify';
import { runWorkers } from '../support/worker-race';
import { openTestDb, tempDir } from '../support/db-fixtures';

const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('the journal under concurrent writers', () => {
  it('numbers entries and transactions gap-free across two registers written by four threads at once', async () => {
    const file = join(tempDir(), 'till.sqlite');
    openTestDb(file).close();
    const workers = 4;
    const sales = 40;
    const receipts = await runWorkers<number[]>(join(import.meta.dirname, 'journal-race.worker.ts'), workers, { file, sales, workers, rounds: new SharedArrayBuffer(8) });

    const db = openTestDb(file);
    const repo = createJournalRepo(db);
    const rows = [...repo.iterate()];
    expect(rows.map((r) => r.nr)).toEqual(upTo(rows.length));
    const transNrs = rows.flatMap((r) => (r.transNr === null ? [] : [r.transNr]));
    expect(transNrs).toEqual(upTo(transNrs.length));
    // Every worker's writes are in: its sales, its voids (i % 7 === 3) and its movements (i % 11 === 5).
    const perWorker = { sale: sales, void: upTo(sales).filter((i) => (i - 1) % 7 === 3).length, cash: upTo(sales).filter((i) => (i - 1) % 11 === 5).length };
    const count = (type: string, register: string) => rows.filter((r) => r.type === type && r.registerId === register).length;
    for (const register of ['register-1', 'register-2']) {
      expect(count('sale', register)).toBe(2 * perWorker.sale);
      expect(count('void', register)).toBe(2 * perWorker.void);
      expect(count('cash_in', register)).toBe(2 * perWorker.cash);
    }
    // Receipt numbers: one series on the database, shared by all four threads, each thread's own rising.
    expect(receipts.flat().sort((a, b) => a - b)).toEqual(upTo(workers * sales));
    for (const r of receipts) expect(r).toEqual([...r].sort((a, b) => a - b));
    // Both registers' entries interleave (every round has both), and both chains are whole.
    const switches = rows.slice(1).filter((r, i) => r.registerId !== rows[i]!.registerId).length;
    expect(switches).toBeGreaterThanOrEqual(sales - 1);
    expect(verifyJournal(repo)).toMatchObject({ entries: rows.length, transactions: transNrs.length, firstBreak: null });
  }, 60_000);
});
