// Deferred WAL checkpoints: counted writes schedule one PASSIVE checkpoint for later, it copies the WAL into
// the database file when it runs, and stopping restores SQLite's own automatic checkpoint.
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deferWalCheckpoints } from '../../electron/db/wal-checkpoints';
import { createTillService } from '../../electron/till/till.service';
import { kr, line, manualClock, sale, sequentialIds, testTill } from '../support/db-fixtures';

describe('deferred WAL checkpoints', () => {
  it('runs one checkpoint per batch of writes, later, and it moves the WAL into the database file', () => {
    const { db, file } = testTill();
    const queue: Array<() => void> = [];
    const checkpoints = deferWalCheckpoints(db, { everyWrites: 5, schedule: (task) => queue.push(task) });
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000);
    const till = createTillService({ db, clock: manualClock(), ids: sequentialIds('s'), afterWrite: checkpoints.noteWrite });

    for (let i = 0; i < 4; i++) till.recordSale('register-1', sale([line('10.00')], ['dankort', '10.00']));
    expect(queue).toHaveLength(0);
    till.recordCashMovement({ registerId: 'register-1', direction: 'to_bank', amountOre: kr('10.00'), note: '' });
    expect(queue).toHaveLength(1);
    for (let i = 0; i < 7; i++) till.recordSale('register-1', sale([line('10.00')], ['dankort', '10.00']));
    expect(queue).toHaveLength(1); // coalesced until it has run

    const before = statSync(file).size;
    queue.shift()?.();
    expect(statSync(file).size).toBeGreaterThan(before);

    checkpoints.stop();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });

  it('is told only about writes that committed', () => {
    const { db } = testTill();
    let writes = 0;
    const till = createTillService({ db, clock: manualClock(), ids: sequentialIds('s'), afterWrite: () => (writes += 1) });
    till.recordSale('register-1', sale([line('10.00')], ['dankort', '10.00']));
    expect(() => till.recordSale('register-1', sale([line('10.00')], ['dankort', '9.00']))).toThrow();
    till.closeDay({ registerId: 'register-1', registerName: 'Kasse 1', dayChangeHour: 4, countedCashOre: 0, cashToBankAtCloseOre: 0, confirmEmptyDay: false });
    expect(() => till.closeDay({ registerId: 'register-1', registerName: 'Kasse 1', dayChangeHour: 4, countedCashOre: 0, cashToBankAtCloseOre: 0, confirmEmptyDay: false })).toThrow();
    expect(writes).toBe(2);
  });
});
