// The countdown barrier of tests/support/worker-race.ts, for the worker side (no imports: bundled into each worker).
/** In a worker: the last one to arrive wakes the others, so what follows runs in all of them at once. */
export function waitAtBarrier(barrier: SharedArrayBuffer): void {
  const counter = new Int32Array(barrier);
  if (Atomics.sub(counter, 0, 1) === 1) Atomics.notify(counter, 0);
  else while (Atomics.load(counter, 0) > 0) Atomics.wait(counter, 0, Atomics.load(counter, 0), 1000);
}

/**
 * A reusable barrier for `parties` workers over a shared [arrived, generation] pair (an 8-byte buffer): each
 * round ends only when every worker has reached it, so the workers' writes interleave round by round while
 * they still race within a round.
 */
export function endOfRound(rounds: SharedArrayBuffer, parties: number): void {
  const cells = new Int32Array(rounds);
  const generation = Atomics.load(cells, 1);
  if (Atomics.add(cells, 0, 1) === parties - 1) {
    Atomics.store(cells, 0, 0);
    Atomics.add(cells, 1, 1);
    Atomics.notify(cells, 1);
  } else {
    while (Atomics.load(cells, 1) === generation) Atomics.wait(cells, 1, generation, 1000);
  }
}
