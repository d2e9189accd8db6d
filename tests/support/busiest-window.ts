/** Largest number of timestamps inside any closed window [t, t + windowMs]. */
export function busiestWindow(times: readonly number[], windowMs = 60_000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i += 1) {
    while ((sorted[i] as number) - (sorted[j] as number) > windowMs) j += 1;
    best = Math.max(best, i - j + 1);
  }
  return best;
}
