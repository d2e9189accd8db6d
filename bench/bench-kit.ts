// What a benchmark part is and the few statistics the parts share. `npm run bench` (run.bench.ts) runs every
// registered part and prints its figures against their targets.

export interface BenchFigure {
  label: string;
  value: number;
  unit: 'ms' | '×' | 's' | 'min' | 'KB' | 'MB' | 'count' | 'req/s';
  /** Upper bound the figure should stay under; absent for figures given only for context. */
  target?: number;
  note?: string;
}

export interface BenchContext {
  /** A fresh directory, removed after the part has run. */
  dir: string;
  log(message: string): void;
}

export interface BenchPart {
  name: string;
  run(ctx: BenchContext): BenchFigure[] | Promise<BenchFigure[]>;
}

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

/** Times fn `runs` times after `warmup` untimed runs; returns the samples in ms. */
export function sample(fn: () => unknown, runs: number, warmup = 3): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

export function elapsedMs(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}
