// Runs in a worker thread (bundled by close-day.race.test.ts): opens its own connection to the shared file,
// waits for every worker to be ready, then closes empty days as fast as it can.
import { parentPort, workerData } from 'node:worker_threads';
import { openTillDatabase } from '../../electron/db/connection';
import { createTillService } from '../../electron/till/till.service';

const { file, closes, worker, barrier } = workerData as { file: string; closes: number; worker: number; barrier: SharedArrayBuffer };
const db = openTillDatabase(file);
const service = createTillService({
  db,
  clock: { now: () => Date.UTC(2026, 10, 28, 17, 0, 0) },
  ids: { newId: (() => { let n = 0; return () => `w${worker}-${++n}`; })() },
});

// A countdown barrier: the last worker to arrive wakes the others, so the closes overlap in time.
const counter = new Int32Array(barrier);
if (Atomics.sub(counter, 0, 1) === 1) Atomics.notify(counter, 0);
else while (Atomics.load(counter, 0) > 0) Atomics.wait(counter, 0, Atomics.load(counter, 0), 1000);

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
