// Runs in a worker thread (journal.race.test.ts through tests/support/worker-race.ts): its own connection to the
// shared file, one of two registers, then rounds of a sale, a void now and then and a cash movement; the
// four threads race within each round.
// Posts back the receipt numbers it was given.
import { parentPort, workerData } from 'node:worker_threads';
import { openTillDatabase } from '../../electron/db/connection';
import { createTillService } from '../../electron/till/till.service';
import { ore } from '../../shared/money/ore';
import { endOfRound, waitAtBarrier } from '../support/worker-barrier';

const { file, sales, worker, barrier, rounds, workers } = workerData as { file: string; sales: number; worker: number; barrier: SharedArrayBuffer; rounds: SharedArrayBuffer; workers: number };
const registerId = worker % 2 === 0 ? 'register-1' : 'register-2';
const db = openTillDatabase(file, { busyTimeoutMs: 10_000 });
let n = 0;
const till = createTillService({ db, clock: { now: () => Date.UTC(2026, 10, 28, 12, 0, 0) + n * 1000 }, ids: { newId: () => `w${worker}-${++n}` } });

waitAtBarrier(barrier);

const receipts: number[] = [];
for (let i = 0; i < sales; i++) {
  const amount = ore(100 * (worker + 1) + i * 25);
  const sale = till.recordSale(registerId, {
    lines: [{ description: `Vare ${i}`, quantity: 1, unitPriceOre: amount, vatRateBp: 2500 }],
    payments: [{ paymentTypeId: 'dankort', amountOre: amount }],
  });
  receipts.push(sale.seq);
  if (i % 7 === 3) till.voidSale({ registerId, id: sale.id, reason: 'Slået forkert' });
  if (i % 11 === 5) till.recordCashMovement({ registerId, direction: 'from_bank', amountOre: ore(5000), note: 'Byttepenge' });
  // Every thread's round i is written before any thread's round i + 1: the registers interleave for sure.
  endOfRound(rounds, workers);
}
db.close();
parentPort?.postMessage(receipts);
