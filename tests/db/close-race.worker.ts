// Runs in a worker thread (bundled by close-day.race.test.ts through tests/support/worker-race.ts): opens its own connection to the shared file,
// waits for every worker to be ready, then closes empty days as fast as it can.
import { parentPort, workerData } from 'node:worker_threads';
import { openTillDatabase } from '../../electron/db/connection';
import { createTillService } from '../../electron/till/till.service';
import { waitAtBarrier } from '../support/worker-barrier';

const { file, closes, worker, barrier } = workerData as { file: string; closes: number; worker: number; barrier: SharedArrayBuffer };
const db = openTillDatabase(file);
const service = createTillService({
  db,
  clock: { now: () => Date.UTC(2026, 10, 28, 17, 0, 0) },
  ids: { newId: (() => { let n = 0; return () => `w${worker}-${++n}`; })() },
});

// Every worker ready first, so the closes overlap in time.
waitAtBarrier(barrier);

const numbers: number[] = [];
for (let i = 0; i < closes; i++) {
  const report = service.closeDay({
    registerId: 'register-1',
    registerName: 'Kasse 1',
    dayChangeHour: 4,
    countedCashOre: 0,
    cashToBankAtCloseOre: 0,
    confirmEmptyDay: true,
  });
  numbers.push(report.number);
}
db.close();
parentPort?.postMessage(numbers);
