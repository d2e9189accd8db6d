// Whole per cent of a part done, rounded down (never 100 before it is all done); 0 of nothing counts as 0.
export function percentDone(done: number, total: number): number {
  return Math.floor((done * 100) / Math.max(1, total));
}
